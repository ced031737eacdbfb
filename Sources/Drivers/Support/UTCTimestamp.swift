import Platform

/// An instant of Coordinated Universal Time: whole seconds since 1970-01-01T00:00:00Z (POSIX
/// time, leap seconds not counted) and nanoseconds within the second.
///
/// Plain integers, so the tick can carry one in an audit record without allocating; the
/// ISO-8601 text is made off the tick (by the audit writer). Civil dates and the text come
/// from Platform (`CivilCalendar`, `ISO8601`).
package struct UTCTimestamp: Sendable, Hashable, Comparable, BitwiseCopyable, CustomStringConvertible {
    /// Seconds since the Unix epoch.
    package var secondsSinceUnixEpoch: Int64
    /// Nanoseconds within the second, 0 ..< 1,000,000,000.
    package var nanoseconds: UInt32

    /// Builds an instant; `nanoseconds` above a second are carried into the seconds.
    package init(secondsSinceUnixEpoch: Int64, nanoseconds: UInt32 = 0) {
        self.secondsSinceUnixEpoch = secondsSinceUnixEpoch + Int64(nanoseconds / 1_000_000_000)
        self.nanoseconds = nanoseconds % 1_000_000_000
    }

    /// The instant of a civil date and time of day (UTC); nil when a field is out of range.
    /// `second` may be 60 (a leap second, counted as the first second of the next minute, as
    /// POSIX time does).
    package init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanoseconds: UInt32 = 0) {
        guard (1...12).contains(month), (1...CivilCalendar.daysIn(month: month, year: year)).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second), nanoseconds < 1_000_000_000, (1...9999).contains(year)
        else { return nil }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        self.init(
            secondsSinceUnixEpoch: days * 86_400 + Int64(hour * 3600 + minute * 60 + second), nanoseconds: nanoseconds)
    }

    /// Seconds since the epoch as a floating-point number (about 0.2 µs resolution today).
    package var secondsSinceUnixEpochValue: Double { Double(secondsSinceUnixEpoch) + Double(nanoseconds) / 1e9 }

    /// `2025-03-14T10:15:02.000Z` (milliseconds, as gpsd writes it).
    package var iso8601: String {
        ISO8601.string(unixNanoseconds: secondsSinceUnixEpoch * 1_000_000_000 + Int64(nanoseconds), fractionDigits: 3)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, the form gpsd writes (at most nine digits of
    /// fraction, second 60 admitted); nil otherwise.
    package init?(iso8601 text: String) {
        guard let fields = try? ISO8601.scan(text, years: 1...9999, leapSecond: true, offsets: false),
            fields.fractionDigits <= 9
        else { return nil }
        self.init(
            year: fields.year, month: fields.month, day: fields.day, hour: fields.hour, minute: fields.minute,
            second: fields.second, nanoseconds: fields.fractionNanoseconds)
    }

    /// Orders instants in time.
    package static func < (lhs: UTCTimestamp, rhs: UTCTimestamp) -> Bool {
        (lhs.secondsSinceUnixEpoch, lhs.nanoseconds) < (rhs.secondsSinceUnixEpoch, rhs.nanoseconds)
    }

    /// The ISO-8601 text.
    package var description: String { iso8601 }
}
