/// A UTC instant as a Julian date split into a whole-ish day part and a fraction, so that
/// no precision is lost: a single `Double` Julian date keeps only ~20 µs of resolution,
/// the split keeps sub-microsecond.
///
/// The split follows Vallado's `jday`: `day` carries the calendar date (ending in .5,
/// i.e. midnight UTC), `fraction` the time of day in days. Arithmetic renormalises so
/// that `fraction` stays in [0, 1) whenever a value is built through the initialisers.
///
/// Reference: Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed.,
/// algorithm 14 (JulianDate), valid for years 1900–2100.
public struct JulianDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The day part, usually a date at 0h UTC (an integer + 0.5).
    package var day: Double
    /// The fraction of a day since `day`.
    package var fraction: Double

    /// Julian date of the Unix epoch, 1970-01-01T00:00:00Z.
    package static let unixEpoch = JulianDate(day: 2_440_587.5, fraction: 0)
    /// Julian date of J2000.0, 2000-01-01T12:00:00 (TT; used here on the UTC scale as SGP4 does).
    package static let j2000 = JulianDate(day: 2_451_544.5, fraction: 0.5)

    /// Builds a date from its two parts as given (no renormalisation).
    package init(day: Double, fraction: Double) {
        self.day = day
        self.fraction = fraction
    }

    /// Builds a date from a UTC calendar date and time of day (Vallado's `jday`).
    /// - Parameters: `second` may carry a fraction.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0) {
        let y = Double(year), m = Double(month)
        let whole =
            367.0 * y - ((7.0 * (y + ((m + 9.0) / 12.0).rounded(.down))) * 0.25).rounded(.down)
            + (275.0 * m / 9.0).rounded(.down) + Double(day) + 1_721_013.5
        let frac = (second + Double(minute) * 60.0 + Double(hour) * 3600.0) / 86_400.0
        self = JulianDate(day: whole, fraction: 0).adding(days: frac)
    }

    /// Builds a date from seconds since the Unix epoch (UTC, leap seconds not counted, as POSIX).
    public init(unixSeconds: Double) {
        let days = (unixSeconds / 86_400.0).rounded(.down)
        let rest = (unixSeconds - days * 86_400.0) / 86_400.0
        self = JulianDate(day: JulianDate.unixEpoch.day + days, fraction: rest)
    }

    /// The date as one `Double` (loses precision; for display and coarse comparisons).
    package var value: Double { day + fraction }

    /// Seconds since the Unix epoch.
    package var unixSeconds: Double {
        (day - JulianDate.unixEpoch.day) * 86_400.0 + fraction * 86_400.0
    }

    /// This date moved by `days` (may be negative), renormalised so that `fraction ∈ [0, 1)`.
    public func adding(days: Double) -> JulianDate {
        var wholeDay = day
        var frac = fraction + days
        let carry = frac.rounded(.down)
        wholeDay += carry
        frac -= carry
        return JulianDate(day: wholeDay, fraction: frac)
    }

    /// This date moved by `seconds`.
    package func adding(seconds: Double) -> JulianDate { adding(days: seconds / 86_400.0) }

    /// Minutes from `other` to `self` (positive when `self` is later), computed part by part.
    public func minutes(since other: JulianDate) -> Double {
        ((day - other.day) + (fraction - other.fraction)) * 1_440.0
    }

    /// Seconds from `other` to `self`.
    package func seconds(since other: JulianDate) -> Double {
        ((day - other.day) + (fraction - other.fraction)) * 86_400.0
    }

    public static func < (lhs: JulianDate, rhs: JulianDate) -> Bool {
        lhs.minutes(since: rhs) < 0
    }

    public var description: String { "JD \(day) + \(fraction)" }
}
