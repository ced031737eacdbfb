extension JulianDate {
    /// Reads a UTC instant written in ISO 8601 extended format, the RFC 3339 `date-time` profile.
    ///
    /// Accepted: `YYYY-MM-DDThh:mm:ss`, an optional fraction of the second (`.` and one or more
    /// digits, any number), then `Z` or an offset `±hh:mm` (or `±hhmm`). `t` and `z` may be
    /// lower case (RFC 3339 §5.6). An offset is applied, so `2026-08-22T20:50:00+02:00` is
    /// the same instant as `2026-08-22T18:50:00Z`; `-00:00` is read as UTC.
    ///
    /// Refused, each with an `ISO8601InstantError` that names the text:
    /// - a date alone (`2026-08-22`): an instant needs a time of day; defaulting to midnight
    ///   would hide a day's error;
    /// - a time without `Z` or offset: local time is ambiguous;
    /// - second 60: a leap second has no representation on this UTC Julian-date scale;
    /// - years outside 1901–2099, where `JulianDate(year:month:day:)` (Vallado's `jday`) and
    ///   its inverse are exact;
    /// - basic format (`20260822T185000Z`), week and ordinal dates, and reduced precision
    ///   (`18:50Z`).
    ///
    /// The fraction is converted by the standard library's correctly rounded decimal reader and
    /// added to the day fraction, so a split date keeps it to ~10 ps.
    public init(iso8601 text: String) throws(ISO8601InstantError) {
        var scanner = ISO8601Scanner(text: text)
        let fields = try scanner.scanInstant()
        let midnight = JulianDate(year: fields.year, month: fields.month, day: fields.day)
        let secondsIntoDay =
            Double(fields.hour * 3600 + fields.minute * 60 + fields.second) + fields.fractionOfSecond
            - Double(fields.offsetSeconds)
        self = midnight.adding(seconds: secondsIntoDay)
    }

    /// The instant in ISO 8601 extended format in UTC, e.g. `2026-08-22T18:50:00.000Z`.
    ///
    /// - Parameter fractionalSecondDigits: digits after the decimal point, clamped to 0–9; with
    ///   0 there is no decimal point. The time is rounded to that resolution, carrying into
    ///   the next second, minute, hour and day as needed.
    /// Valid for 1900-03-01 to 2100-02-28; `JulianDate(iso8601:)` reads the result back.
    public func iso8601String(fractionalSecondDigits: Int = 3) -> String {
        let digits = min(max(fractionalSecondDigits, 0), 9)
        var ticksPerSecond: Int64 = 1
        for _ in 0..<digits { ticksPerSecond *= 10 }
        let split = splitIntoCivilDayAndTicks(ticksPerSecond: ticksPerSecond)
        let date = CivilDate(daysSince1899December31: split.daysSince1899December31)
        let wholeSeconds = Int(split.ticksIntoDay / ticksPerSecond)
        let subsecondTicks = Int(split.ticksIntoDay % ticksPerSecond)
        var text = zeroPaddedDecimal(date.year, width: 4) + "-" + zeroPaddedDecimal(date.month, width: 2) + "-"
        text += zeroPaddedDecimal(date.day, width: 2) + "T" + zeroPaddedDecimal(wholeSeconds / 3600, width: 2) + ":"
        text += zeroPaddedDecimal(wholeSeconds / 60 % 60, width: 2) + ":" + zeroPaddedDecimal(wholeSeconds % 60, width: 2)
        if digits > 0 {
            text += "." + zeroPaddedDecimal(subsecondTicks, width: digits)
        }
        return text + "Z"
    }
}

/// The fields of an ISO-8601 instant, range-checked.
struct ISO8601InstantFields {
    var year = 0
    var month = 0
    var day = 0
    var hour = 0
    var minute = 0
    var second = 0
    var fractionOfSecond = 0.0
    /// Local time minus UTC, seconds (`+02:00` is 7200).
    var offsetSeconds = 0
}

/// A one-pass reader of the grammar documented on `JulianDate(iso8601:)`.
struct ISO8601Scanner {
    let text: String
    private let bytes: [UInt8]
    private var position = 0

    init(text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    mutating func scanInstant() throws(ISO8601InstantError) -> ISO8601InstantFields {
        var fields = ISO8601InstantFields()
        fields.year = try scanNumber(digits: 4, named: "a four-digit year")
        try expect("-")
        fields.month = try scanNumber(digits: 2, named: "a two-digit month")
        try expect("-")
        fields.day = try scanNumber(digits: 2, named: "a two-digit day")
        if position == bytes.count { throw failure(.dateWithoutTime) }
        try expect("T", "t")
        fields.hour = try scanNumber(digits: 2, named: "a two-digit hour")
        try expect(":")
        fields.minute = try scanNumber(digits: 2, named: "a two-digit minute")
        try expect(":")
        fields.second = try scanNumber(digits: 2, named: "a two-digit second")
        if peek() == UInt8(ascii: ".") {
            fields.fractionOfSecond = try scanFraction()
        }
        fields.offsetSeconds = try scanZone()
        if position != bytes.count { throw failure(.trailingCharacters(position: position)) }
        try validate(fields)
        return fields
    }

    private func validate(_ fields: ISO8601InstantFields) throws(ISO8601InstantError) {
        try check("year", fields.year, in: 1901...2099)
        try check("month", fields.month, in: 1...12)
        try check("day", fields.day, in: 1...ISO8601Scanner.daysIn(month: fields.month, year: fields.year))
        try check("hour", fields.hour, in: 0...23)
        try check("minute", fields.minute, in: 0...59)
        if fields.second == 60 { throw failure(.leapSecond) }
        try check("second", fields.second, in: 0...59)
    }

    /// Days in a month of 1901–2099, where every fourth year is a leap year.
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private func check(_ field: String, _ value: Int, in range: ClosedRange<Int>) throws(ISO8601InstantError) {
        if !range.contains(value) { throw failure(.fieldOutOfRange(field: field, value: value)) }
    }

    /// `Z`, `z`, `±hh:mm` or `±hhmm`; returns local time minus UTC in seconds.
    private mutating func scanZone() throws(ISO8601InstantError) -> Int {
        guard let first = peek() else { throw failure(.missingTimeZone) }
        if first == UInt8(ascii: "Z") || first == UInt8(ascii: "z") {
            position += 1
            return 0
        }
        guard first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else {
            throw failure(.unexpectedCharacter(expected: "Z or a ±hh:mm offset", position: position))
        }
        position += 1
        let hours = try scanNumber(digits: 2, named: "a two-digit offset hour")
        if peek() == UInt8(ascii: ":") { position += 1 }
        let minutes = try scanNumber(digits: 2, named: "a two-digit offset minute")
        try check("offsetHour", hours, in: 0...23)
        try check("offsetMinute", minutes, in: 0...59)
        let magnitude = hours * 3600 + minutes * 60
        return first == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    /// `.` and one or more digits, read as a correctly rounded `Double` in [0, 1).
    private mutating func scanFraction() throws(ISO8601InstantError) -> Double {
        position += 1
        let start = position
        while let byte = peek(), ISO8601Scanner.isDigit(byte) { position += 1 }
        if position == start {
            throw position == bytes.count
                ? failure(.unexpectedEnd(expected: "digits of a fraction of a second"))
                : failure(.unexpectedCharacter(expected: "digits of a fraction of a second", position: position))
        }
        let digits = String(decoding: bytes[start..<position], as: UTF8.self)
        return Double("0." + digits) ?? 0
    }

    private mutating func scanNumber(digits count: Int, named name: String) throws(ISO8601InstantError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard let byte = peek() else { throw failure(.unexpectedEnd(expected: name)) }
            guard ISO8601Scanner.isDigit(byte) else {
                throw failure(.unexpectedCharacter(expected: name, position: position))
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            position += 1
        }
        return value
    }

    private mutating func expect(_ accepted: Unicode.Scalar...) throws(ISO8601InstantError) {
        let expected = accepted.map { "'\($0)'" }.joined(separator: " or ")
        guard let byte = peek() else { throw failure(.unexpectedEnd(expected: expected)) }
        guard accepted.contains(where: { UInt8(ascii: $0) == byte }) else {
            throw failure(.unexpectedCharacter(expected: expected, position: position))
        }
        position += 1
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func failure(_ reason: ISO8601InstantError.Reason) -> ISO8601InstantError {
        ISO8601InstantError(text: text, reason: reason)
    }
}
