/// An instant of Coordinated Universal Time: whole seconds since 1970-01-01T00:00:00Z (POSIX
/// time, leap seconds not counted) and nanoseconds within the second.
///
/// Plain integers, so the tick can carry one in an audit record without allocating; the
/// ISO-8601 text is made off the tick (by the audit writer). Civil-date conversions follow
/// Howard Hinnant's `days_from_civil` / `civil_from_days` ("chrono-Compatible Low-Level Date
/// Algorithms", 2013), exact for the proleptic Gregorian calendar.
public struct UTCTimestamp: Sendable, Hashable, Comparable, BitwiseCopyable, CustomStringConvertible {
    /// Seconds since the Unix epoch.
    public var secondsSinceUnixEpoch: Int64
    /// Nanoseconds within the second, 0 ..< 1,000,000,000.
    public var nanoseconds: UInt32

    /// Builds an instant; `nanoseconds` above a second are carried into the seconds.
    public init(secondsSinceUnixEpoch: Int64, nanoseconds: UInt32 = 0) {
        self.secondsSinceUnixEpoch = secondsSinceUnixEpoch + Int64(nanoseconds / 1_000_000_000)
        self.nanoseconds = nanoseconds % 1_000_000_000
    }

    /// The instant of a civil date and time of day (UTC); nil when a field is out of range.
    /// `second` may be 60 (a leap second, counted as the first second of the next minute, as
    /// POSIX time does).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanoseconds: UInt32 = 0) {
        guard (1...12).contains(month), (1...Self.daysInMonth(month, year: year)).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second), nanoseconds < 1_000_000_000, (1...9999).contains(year)
        else { return nil }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        self.init(
            secondsSinceUnixEpoch: days * 86_400 + Int64(hour * 3600 + minute * 60 + second), nanoseconds: nanoseconds)
    }

    /// Days since 1970-01-01 of a civil date (Hinnant, `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (Hinnant, `civil_from_days`).
    static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Seconds since the epoch as a floating-point number (about 0.2 µs resolution today).
    public var secondsSinceUnixEpochValue: Double { Double(secondsSinceUnixEpoch) + Double(nanoseconds) / 1e9 }

    /// `2025-03-14T10:15:02.000Z` (milliseconds, as gpsd writes it).
    public var iso8601: String {
        let days = secondsSinceUnixEpoch >= 0 ? secondsSinceUnixEpoch / 86_400 : (secondsSinceUnixEpoch - 86_399) / 86_400
        let secondOfDay = Int(secondsSinceUnixEpoch - days * 86_400)
        let (year, month, day) = Self.civilFromDays(days)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):"
            + "\(pad(secondOfDay % 60, 2)).\(pad(Int(nanoseconds / 1_000_000), 3))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, the form gpsd writes; nil otherwise.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"),
            bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        var nanoseconds: UInt32 = 0
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: "."), bytes.count - 21 <= 9, bytes.count > 21,
                let fraction = number(20..<bytes.count - 1)
            else { return nil }
            var scale = 1
            for _ in 0..<(9 - (bytes.count - 21)) { scale *= 10 }
            nanoseconds = UInt32(fraction * scale)
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanoseconds: nanoseconds)
    }

    /// Orders instants in time.
    public static func < (lhs: UTCTimestamp, rhs: UTCTimestamp) -> Bool {
        (lhs.secondsSinceUnixEpoch, lhs.nanoseconds) < (rhs.secondsSinceUnixEpoch, rhs.nanoseconds)
    }

    /// The ISO-8601 text.
    public var description: String { iso8601 }
}
