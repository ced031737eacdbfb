/// The fields of an ISO-8601 instant, range-checked by `ISO8601.scan`.
package struct ISO8601InstantFields: Sendable, Equatable {
    package var year = 0
    package var month = 0
    package var day = 0
    package var hour = 0
    package var minute = 0
    package var second = 0
    /// The fraction of the second, correctly rounded (any number of digits).
    package var fractionOfSecond = 0.0
    /// The fraction's first nine digits, as nanoseconds.
    package var fractionNanoseconds: UInt32 = 0
    /// How many digits the fraction had (0: none).
    package var fractionDigits = 0
    /// Local time minus UTC, seconds (`+02:00` is 7200; 0 for `Z`).
    package var offsetSeconds = 0

    /// Nanoseconds since 1970-01-01T00:00:00Z (POSIX time: second 60 counts as the next
    /// minute's first), the offset applied, the fraction cut to nanoseconds.
    package var unixNanoseconds: Int64 {
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return seconds * 1_000_000_000 + Int64(fractionNanoseconds)
    }
}

/// The one ISO-8601 codec: RFC 3339 `date-time` instants, read with an error that names the
/// text and the offset, and written from POSIX nanoseconds.
///
/// Read: `YYYY-MM-DDThh:mm:ss`, an optional fraction (`.` and one or more digits), then `Z` or
/// (where the caller allows it) an offset `±hh:mm` or `±hhmm`; `t` and `z` may be lower case
/// (RFC 3339 §5.6). Refused: a date alone, a time without a zone, basic format, week and
/// ordinal dates, reduced precision, trailing characters, and fields out of range (days by
/// the Gregorian calendar).
package enum ISO8601 {
    /// Reads `text`. `years` bounds the year (a caller's scale may be narrower than 0–9999);
    /// `leapSecond` admits second 60; `offsets` admits `±hh:mm` besides `Z`.
    package static func scan(
        _ text: String, years: ClosedRange<Int> = 0...9999, leapSecond: Bool = false, offsets: Bool = true
    ) throws(ISO8601InstantError) -> ISO8601InstantFields {
        var scanner = ISO8601Scanner(text: text, years: years, leapSecond: leapSecond, offsets: offsets)
        return try scanner.scanInstant()
    }

    /// `2026-09-01T00:00:00.000Z` of POSIX nanoseconds, with `fractionDigits` (0–9; 0: no
    /// decimal point) digits of the second, cut toward the past.
    package static func string(unixNanoseconds: Int64, fractionDigits: Int) -> String {
        // Floor division without overflow at the ends of Int64.
        let (quotient, remainder) = unixNanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
        return string(
            unixSeconds: remainder < 0 ? quotient - 1 : quotient,
            nanoseconds: Int(remainder < 0 ? remainder + 1_000_000_000 : remainder), fractionDigits: fractionDigits)
    }

    /// The same text of POSIX seconds and the nanoseconds within the second (0 ..< 10⁹): for
    /// instants past what Int64 nanoseconds count (a policy "valid until 9999").
    package static func string(unixSeconds seconds: Int64, nanoseconds: Int = 0, fractionDigits: Int) -> String {
        let digits = min(max(fractionDigits, 0), 9)
        let (days, secondOfDay) = CivilCalendar.split(secondsSinceUnixEpoch: seconds)
        let (year, month, day) = CivilCalendar.date(days: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
        text += pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if digits > 0 {
            var scale = 1
            for _ in 0..<(9 - digits) { scale *= 10 }
            text += "." + pad(nanoseconds / scale, digits)
        }
        return text + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A one-pass reader of the grammar documented on `ISO8601`.
struct ISO8601Scanner {
    let text: String
    let years: ClosedRange<Int>
    let leapSecond: Bool
    let offsets: Bool
    private let bytes: [UInt8]
    private var position = 0

    init(text: String, years: ClosedRange<Int>, leapSecond: Bool, offsets: Bool) {
        self.text = text
        self.years = years
        self.leapSecond = leapSecond
        self.offsets = offsets
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
            try scanFraction(into: &fields)
        }
        fields.offsetSeconds = try scanZone()
        if position != bytes.count { throw failure(.trailingCharacters(position: position)) }
        try validate(fields)
        return fields
    }

    private func validate(_ fields: ISO8601InstantFields) throws(ISO8601InstantError) {
        try check("year", fields.year, in: years)
        try check("month", fields.month, in: 1...12)
        try check("day", fields.day, in: 1...CivilCalendar.daysIn(month: fields.month, year: fields.year))
        try check("hour", fields.hour, in: 0...23)
        try check("minute", fields.minute, in: 0...59)
        if fields.second == 60, !leapSecond { throw failure(.leapSecond) }
        try check("second", fields.second, in: 0...(leapSecond ? 60 : 59))
    }

    private func check(_ field: String, _ value: Int, in range: ClosedRange<Int>) throws(ISO8601InstantError) {
        if !range.contains(value) { throw failure(.fieldOutOfRange(field: field, value: value)) }
    }

    /// `Z`, `z`, or (when allowed) `±hh:mm` or `±hhmm`; returns local time minus UTC in seconds.
    private mutating func scanZone() throws(ISO8601InstantError) -> Int {
        guard let first = peek() else { throw failure(.missingTimeZone) }
        if first == UInt8(ascii: "Z") || first == UInt8(ascii: "z") {
            position += 1
            return 0
        }
        guard offsets, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else {
            throw failure(.unexpectedCharacter(expected: offsets ? "Z or a ±hh:mm offset" : "Z", position: position))
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

    /// `.` and one or more digits: a correctly rounded `Double` in [0, 1), and nanoseconds.
    private mutating func scanFraction(into fields: inout ISO8601InstantFields) throws(ISO8601InstantError) {
        position += 1
        let start = position
        while let byte = peek(), ISO8601Scanner.isDigit(byte) { position += 1 }
        if position == start {
            throw position == bytes.count
                ? failure(.unexpectedEnd(expected: "digits of a fraction of a second"))
                : failure(.unexpectedCharacter(expected: "digits of a fraction of a second", position: position))
        }
        let digits = bytes[start..<position]
        fields.fractionDigits = digits.count
        fields.fractionOfSecond = Double("0." + String(decoding: digits, as: UTF8.self)) ?? 0
        var nanoseconds: UInt32 = 0
        for index in 0..<9 {
            let digit = index < digits.count ? UInt32(digits[start + index] - UInt8(ascii: "0")) : 0
            nanoseconds = nanoseconds * 10 + digit
        }
        fields.fractionNanoseconds = nanoseconds
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
