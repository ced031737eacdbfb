/// An instant in UTC, as POSIX counts it: nanoseconds since 1970-01-01T00:00:00Z, leap
/// seconds not counted.
///
/// Integer nanoseconds rather than a `Double` of seconds, so that the UTC of two ticks
/// 1 ms apart differs by exactly 1 ms (a `Double` keeps only ~0.2 µs at today's epoch).
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

    /// Seconds since the Unix epoch, with a fraction (for display and for Orbit's Julian dates).
    package var secondsSinceUnixEpoch: Double {
        let whole = nanosecondsSinceUnixEpoch / nanosecondsPerSecond
        let fraction = nanosecondsSinceUnixEpoch % nanosecondsPerSecond
        return Double(whole) + Double(fraction) / 1e9
    }

    /// Orders instants by time.
    public static func < (lhs: UTCInstant, rhs: UTCInstant) -> Bool {
        lhs.nanosecondsSinceUnixEpoch < rhs.nanosecondsSinceUnixEpoch
    }

    /// Seconds since the Unix epoch with nine decimals, e.g. `1735689600.000000000 UTC`.
    public var description: String {
        let negative = nanosecondsSinceUnixEpoch < 0
        let magnitude = nanosecondsSinceUnixEpoch.magnitude
        let whole = magnitude / UInt64(nanosecondsPerSecond)
        let fraction = String(magnitude % UInt64(nanosecondsPerSecond))
        let padded = String(repeating: "0", count: 9 - fraction.count) + fraction
        return "\(negative ? "-" : "")\(whole).\(padded) UTC"
    }
}
