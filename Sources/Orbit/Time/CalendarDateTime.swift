/// A UTC calendar date and time of day, as `JulianDate` carries it.
///
/// Built from a `JulianDate` by `JulianDate.calendarDateTime` (Vallado's `invjday`) and turned
/// back into one by `JulianDate.init(_:)` (Vallado's `jday`).
package struct CalendarDateTime: Sendable, Hashable, CustomStringConvertible {
    /// Gregorian year, e.g. 2026.
    package var year: Int
    /// Month of the year, 1–12.
    package var month: Int
    /// Day of the month, 1–31.
    package var day: Int
    /// Hour of the day, 0–23.
    package var hour: Int
    /// Minute of the hour, 0–59.
    package var minute: Int
    /// Second of the minute with its fraction, in [0, 60).
    package var second: Double

    /// Builds a calendar date and time from its fields, as given (no validation).
    package init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The date and time in ISO-8601 form with nanoseconds, e.g. `2026-08-22T18:50:00.000000000Z`.
    package var description: String {
        let wholeSecond = Int(second.rounded(.down))
        let nanoseconds = min(Int(((second - Double(wholeSecond)) * 1e9).rounded()), 999_999_999)
        let date = [zeroPaddedDecimal(year, width: 4), zeroPaddedDecimal(month, width: 2), zeroPaddedDecimal(day, width: 2)]
        let time = [
            zeroPaddedDecimal(hour, width: 2), zeroPaddedDecimal(minute, width: 2), zeroPaddedDecimal(wholeSecond, width: 2),
        ]
        return date.joined(separator: "-") + "T" + time.joined(separator: ":") + "." + zeroPaddedDecimal(nanoseconds, width: 9)
            + "Z"
    }
}

extension JulianDate {
    /// Builds a date from a UTC calendar date and time (Vallado's `jday`).
    package init(_ calendar: CalendarDateTime) {
        self.init(
            year: calendar.year, month: calendar.month, day: calendar.day,
            hour: calendar.hour, minute: calendar.minute, second: calendar.second)
    }

    /// The UTC calendar date and time of this instant, resolved to the nearest nanosecond.
    ///
    /// Follows Vallado's `invjday` (year from days since 1900 over 365.25, day of year after
    /// the leap days, then `days2mdhms`), but on the two parts of the split date and in integer
    /// arithmetic: the date comes from the day part alone and the time of day from the
    /// fraction, so there is none of `invjday`'s `59.99999 s` and no need for its nudge.
    /// Valid where `JulianDate(year:month:day:)` is, 1900-03-01 to 2100-02-28.
    package var calendarDateTime: CalendarDateTime {
        let split = splitIntoCivilDayAndTicks(ticksPerSecond: 1_000_000_000)
        let date = CivilDate(daysSince1899December31: split.daysSince1899December31)
        let ticks = split.ticksIntoDay
        let nanosecondsPerMinute: Int64 = 60_000_000_000
        let hour = Int(ticks / (60 * nanosecondsPerMinute))
        let minute = Int((ticks / nanosecondsPerMinute) % 60)
        let second = Double(ticks % nanosecondsPerMinute) / 1e9
        return CalendarDateTime(
            year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: second)
    }

    /// Splits the instant into whole civil days since 1899-12-31T00:00Z and whole ticks into the
    /// day (rounded to the nearest tick, carrying into the next day at midnight).
    ///
    /// The day part need not end in .5 nor the fraction lie in [0, 1): both are renormalised
    /// first, and the fraction never passes through a single large `Double`.
    func splitIntoCivilDayAndTicks(ticksPerSecond: Int64) -> (daysSince1899December31: Int, ticksIntoDay: Int64) {
        // Julian date of 1899-12-31T00:00Z, the origin of Vallado's invjday (`jd - 2415019.5`).
        let origin = 2_415_019.5
        let offset = day - origin
        let wholeDays = offset.rounded(.down)
        var dayFraction = (offset - wholeDays) + fraction
        let carry = dayFraction.rounded(.down)
        dayFraction -= carry
        var days = Int(wholeDays + carry)
        let ticksPerDay = 86_400 * ticksPerSecond
        var ticks = Int64((dayFraction * Double(ticksPerDay)).rounded())
        if ticks >= ticksPerDay {
            ticks -= ticksPerDay
            days += 1
        }
        return (days, ticks)
    }
}

/// A civil date from a count of days, following Vallado's `invjday` and `days2mdhms`.
struct CivilDate {
    var year: Int
    var month: Int
    var day: Int

    /// `days` counts from 1899-12-31 (so 1900-01-01 is day 1), as `jd - 2415019.5` in `invjday`.
    init(daysSince1899December31 days: Int) {
        // invjday: year = 1900 + floor(days / 365.25); leap years since 1901 = floor((year - 1901) / 4).
        var year = 1900 + Int((Double(days) / 365.25).rounded(.down))
        var dayOfYear = days - CivilDate.daysBeforeYear(year)
        if dayOfYear < 1 {
            year -= 1
            dayOfYear = days - CivilDate.daysBeforeYear(year)
        }
        // days2mdhms: walk the month lengths, February 29 days when year % 4 == 0 (valid 1901–2099).
        let februaryDays = year % 4 == 0 ? 29 : 28
        let monthLengths = [31, februaryDays, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 1
        var remaining = dayOfYear
        while month < 12 && remaining > monthLengths[month - 1] {
            remaining -= monthLengths[month - 1]
            month += 1
        }
        self.year = year
        self.month = month
        self.day = remaining
    }

    /// Days from 1899-12-31 to the last day of `year - 1`: `(year − 1900)·365 + leap years since 1901`.
    private static func daysBeforeYear(_ year: Int) -> Int {
        let leapYears = Int((Double(year - 1901) * 0.25).rounded(.down))
        return (year - 1900) * 365 + leapYears
    }
}

/// The decimal digits of a non-negative `value`, left-padded with zeros to `width`.
func zeroPaddedDecimal(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
