/// The OMM `EPOCH`: an ISO-8601 UTC date and time such as `2026-08-22T04:08:53.165088`,
/// optionally ending in `Z`; a space may stand for the `T` (CCSDS 502.0-B-3, OMM §3.2,
/// and CelesTrak's GP data formats).
enum OMMEpoch {
    /// The Julian date, computed as the reference's `jday` does (date part at 0h, time of
    /// day as a fraction), or nil when `text` is not such a date.
    static func julianDate(_ text: String) -> JulianDate? {
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "Z") { bytes.removeLast() }
        // yyyy-mm-ddThh:mm:ss at least.
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = digits(bytes[0..<4]), let month = digits(bytes[5..<7]),
            let day = digits(bytes[8..<10]), let hour = digits(bytes[11..<13]),
            let minute = digits(bytes[14..<16]), digits(bytes[17..<19]) != nil
        else { return nil }
        let secondsText = bytes[17...]
        if secondsText.count > 2 {
            // A fraction: a point and 1–9 digits.
            guard secondsText[secondsText.startIndex + 2] == UInt8(ascii: "."),
                (4...12).contains(secondsText.count),
                digits(secondsText.dropFirst(3)) != nil
            else { return nil }
        }
        guard let second = Double(String(decoding: secondsText, as: UTF8.self)),
            (1...9999).contains(year), (1...12).contains(month), (0...23).contains(hour),
            (0...59).contains(minute), second < 61
        else { return nil }
        let monthLengths = [
            31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ]
        guard (1...monthLengths[month - 1]).contains(day) else { return nil }
        return JulianDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
