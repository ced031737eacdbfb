/// An instant in UTC, as POSIX counts it: nanoseconds since 1970-01-01T00:00:00Z, leap
/// seconds not counted. The one UTC type of the firmware: the tick's scheduled UTC, GNSS fix
/// times, and the times in audit records.
///
/// Integer nanoseconds rather than a `Double` of seconds, so that the UTC of two ticks
/// 1 ms apart differs by exactly 1 ms (a `Double` keeps only ~0.2 µs at today's epoch). A
/// plain integer, so the tick can carry one in an audit record without allocating; the
/// ISO-8601 text is made off the tick (by the audit writer).
public struct UTCInstant: Sendable, Hashable, Comparable, BitwiseCopyable, CustomStringConvertible {
    /// Nanoseconds since the Unix epoch.
    package var nanosecondsSinceUnixEpoch: Int64

    /// Builds an instant from nanoseconds since the Unix epoch.
    public init(nanosecondsSinceUnixEpoch: Int64) {
        self.nanosecondsSinceUnixEpoch = nanosecondsSinceUnixEpoch
    }

    /// Builds an instant from seconds since the Unix epoch (rounded to the nearest nanosecond).
    package init(secondsSinceUnixEpoch: Double) {
        self.nanosecondsSinceUnixEpoch = Int64((secondsSinceUnixEpoch * 1e9).rounded())
    }

    /// The instant of a civil date and time of day (UTC); nil when a field is out of range, or
    /// when the instant is outside what 64-bit nanoseconds count (1677-09-21T00:12:43Z to
    /// 2262-04-11T23:47:16Z). `second` may be 60 (a leap second, counted as the first second of
    /// the next minute, as POSIX time does).
    package init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanoseconds: UInt32 = 0) {
        guard (1...12).contains(month), (1...CivilCalendar.daysIn(month: month, year: year)).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second), nanoseconds < 1_000_000_000, (1...9999).contains(year)
        else { return nil }
        let seconds = CivilCalendar.days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let (whole, overflowed) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carried) = whole.addingReportingOverflow(Int64(nanoseconds))
        guard !overflowed, !carried else { return nil }
        self.init(nanosecondsSinceUnixEpoch: total)
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

    /// Seconds since the Unix epoch, with a fraction (for display and for Orbit's Julian dates).
    package var secondsSinceUnixEpoch: Double {
        let (whole, fraction) = nanosecondsSinceUnixEpoch.quotientAndRemainder(dividingBy: 1_000_000_000)
        return Double(whole) + Double(fraction) / 1e9
    }

    /// `2025-03-14T10:15:02.000Z` (milliseconds, as gpsd writes it and audit records keep it).
    package var iso8601: String { ISO8601.string(unixNanoseconds: nanosecondsSinceUnixEpoch, fractionDigits: 3) }

    /// Orders instants by time.
    public static func < (lhs: UTCInstant, rhs: UTCInstant) -> Bool {
        lhs.nanosecondsSinceUnixEpoch < rhs.nanosecondsSinceUnixEpoch
    }

    /// Seconds since the Unix epoch with nine decimals, e.g. `1735689600.000000000 UTC`.
    public var description: String {
        let negative = nanosecondsSinceUnixEpoch < 0
        let magnitude = nanosecondsSinceUnixEpoch.magnitude
        let whole = magnitude / 1_000_000_000
        let fraction = String(magnitude % 1_000_000_000)
        let padded = String(repeating: "0", count: 9 - fraction.count) + fraction
        return "\(negative ? "-" : "")\(whole).\(padded) UTC"
    }
}
