import Orbit

/// The grid of reconfiguration slots: boundaries at `phase + k · period` after
/// 1970-01-01T00:00:00Z (UTC, leap seconds not counted, as POSIX time), for every integer k.
///
/// Starlink terminals change serving satellite every 15 s, globally synchronised, with
/// boundaries at seconds 12, 27, 42 and 57 of every minute (Mohan et al., "A Multifaceted Look
/// at Starlink Performance", WWW 2024, §4; their measurement code assumes this grid):
/// `SlotClock.starlink`, period 15 s and phase 12 s. Any period that divides a day keeps the
/// same seconds of the minute every day.
///
/// Arithmetic is exact: period and phase are whole nanoseconds, an instant is resolved to the
/// nearest nanosecond from its split Julian date (day and fraction separately), the slot index
/// is a floor division of 64-bit integers, and a boundary's Julian date is rebuilt from its
/// integer day and nanosecond of day with one correctly rounded division. A boundary at a whole
/// second is therefore bit for bit the `JulianDate(year:month:day:hour:minute:second:)` of that
/// second, and nothing drifts however many slots are counted. Instants from 1840 to 2100 are
/// handled (64-bit nanoseconds since 1970 reach ±292 years).
public struct SlotClock: Sendable, Hashable {
    /// Nanoseconds in a day.
    static let nanosecondsPerDay: Int64 = 86_400_000_000_000
    /// Julian date of 1970-01-01T00:00:00Z, the origin of the grid.
    static let originJulianDay = 2_440_587.5

    /// The length of a slot, nanoseconds (> 0).
    package let periodNanoseconds: Int64
    /// The offset of the boundaries from the origin, nanoseconds, reduced to `0 ..< period`.
    package let phaseNanoseconds: Int64

    /// The Starlink grid: 15 s slots starting at seconds 12, 27, 42 and 57 of each minute
    /// (Mohan et al., WWW 2024).
    public static let starlink = SlotClock(validPeriodNanoseconds: 15_000_000_000, phaseNanoseconds: 12_000_000_000)

    /// A clock of slots of `period` whose boundaries sit `phase` after the origin (and so, for a
    /// period dividing a minute, `phase` after each whole minute). The phase may be negative or
    /// longer than the period; it is reduced modulo the period.
    /// - Throws: `SlotClockError` when the period is not positive, is longer than a day, or is
    ///   not a whole number of nanoseconds, or the phase is not a whole number of nanoseconds.
    package init(period: Duration = .seconds(15), phase: Duration = .seconds(12)) throws(SlotClockError) {
        let periodNanoseconds = try SlotClock.wholeNanoseconds(period, field: "period")
        let phaseNanoseconds = try SlotClock.wholeNanoseconds(phase, field: "phase")
        guard periodNanoseconds > 0, periodNanoseconds <= SlotClock.nanosecondsPerDay else {
            throw .periodOutOfRange(nanoseconds: periodNanoseconds)
        }
        self.init(validPeriodNanoseconds: periodNanoseconds, phaseNanoseconds: phaseNanoseconds)
    }

    init(validPeriodNanoseconds period: Int64, phaseNanoseconds phase: Int64) {
        periodNanoseconds = period
        phaseNanoseconds = SlotClock.floorModulo(phase, period)
    }

    /// The slot's length, seconds.
    package var periodSeconds: Double { Double(periodNanoseconds) / 1e9 }

    /// The slot with the given index.
    package func slot(index: Int64) -> ReconfigurationSlot {
        let startNanoseconds = phaseNanoseconds + index * periodNanoseconds
        return ReconfigurationSlot(
            index: index, start: SlotClock.julianDate(nanosecondsSinceOrigin: startNanoseconds),
            end: SlotClock.julianDate(nanosecondsSinceOrigin: startNanoseconds + periodNanoseconds),
            durationNanoseconds: periodNanoseconds)
    }

    /// The slot that contains `instant` (a boundary instant opens its slot).
    package func slot(containing instant: JulianDate) -> ReconfigurationSlot {
        slot(index: index(containing: instant))
    }

    /// The first slot whose start is at or after `instant`: the next reconfiguration the
    /// terminal has to prepare for.
    package func firstSlot(startingAtOrAfter instant: JulianDate) -> ReconfigurationSlot {
        let nanoseconds = SlotClock.nanosecondsSinceOrigin(instant)
        let index = SlotClock.floorDivide(nanoseconds - phaseNanoseconds, periodNanoseconds)
        let startsAt = phaseNanoseconds + index * periodNanoseconds
        return slot(index: startsAt == nanoseconds ? index : index + 1)
    }

    /// The slots that start in `[from, to)`, in order.
    package func slots(from: JulianDate, to: JulianDate) -> [ReconfigurationSlot] {
        let first = firstSlot(startingAtOrAfter: from).index
        let last = firstSlot(startingAtOrAfter: to).index
        guard last > first else { return [] }
        return (first..<last).map { slot(index: $0) }
    }

    /// The index of the slot containing `instant`.
    func index(containing instant: JulianDate) -> Int64 {
        SlotClock.floorDivide(SlotClock.nanosecondsSinceOrigin(instant) - phaseNanoseconds, periodNanoseconds)
    }

    /// Nanoseconds from the origin to `instant`, to the nearest nanosecond. The day part and
    /// the fraction are converted separately so that the fraction's ~10 ps resolution survives;
    /// instants beyond ±290 years from 1970 are clamped there.
    static func nanosecondsSinceOrigin(_ instant: JulianDate) -> Int64 {
        let limitDays = 106_000.0
        var dayOffset = instant.day - originJulianDay
        if !dayOffset.isFinite { dayOffset = 0 }
        dayOffset = min(max(dayOffset, -limitDays), limitDays)
        let wholeDays = dayOffset.rounded(.down)
        var fraction = (dayOffset - wholeDays) + (instant.fraction.isFinite ? instant.fraction : 0)
        fraction = min(max(fraction, -limitDays), limitDays)
        let fractionNanoseconds = (fraction * Double(nanosecondsPerDay)).rounded()
        return Int64(wholeDays) * nanosecondsPerDay + Int64(fractionNanoseconds)
    }

    /// The Julian date `nanoseconds` after the origin: integer day plus the nanosecond of the
    /// day over the nanoseconds of a day, one correctly rounded division.
    static func julianDate(nanosecondsSinceOrigin nanoseconds: Int64) -> JulianDate {
        let days = floorDivide(nanoseconds, nanosecondsPerDay)
        let intoDay = nanoseconds - days * nanosecondsPerDay
        return JulianDate(day: originJulianDay + Double(days), fraction: Double(intoDay) / Double(nanosecondsPerDay))
    }

    /// ⌊a / b⌋ for b > 0.
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && a < 0) ? quotient - 1 : quotient
    }

    /// a mod b in `0 ..< b` for b > 0.
    static func floorModulo(_ a: Int64, _ b: Int64) -> Int64 {
        a - floorDivide(a, b) * b
    }

    private static func wholeNanoseconds(_ duration: Duration, field: String) throws(SlotClockError) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let attosecondsPerNanosecond: Int64 = 1_000_000_000
        guard attoseconds % attosecondsPerNanosecond == 0,
            abs(seconds) <= 86_400 * 365
        else { throw .notWholeNanoseconds(field: field) }
        return seconds * 1_000_000_000 + attoseconds / attosecondsPerNanosecond
    }
}

/// Why a `SlotClock` cannot be built.
package enum SlotClockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The period, nanoseconds, is not in `1 ... 86_400 s`.
    case periodOutOfRange(nanoseconds: Int64)
    /// The named field (`period` or `phase`) is not a whole number of nanoseconds or is
    /// longer than a year.
    case notWholeNanoseconds(field: String)

    /// A one-line explanation.
    package var description: String {
        switch self {
        case .periodOutOfRange(let nanoseconds):
            "slot period \(Double(nanoseconds) / 1e9) s is not in (0, 86400] s"
        case .notWholeNanoseconds(let field):
            "slot \(field) is not a whole number of nanoseconds within a year"
        }
    }
}
