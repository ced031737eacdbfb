/// Conversions between the TLE epoch (two-digit year, fractional day of year) and
/// `JulianDate`, done exactly as the reference's `days2mdhms` and `jday` do so that epochs
/// agree with it to the last bit (Vallado, *Fundamentals of Astrodynamics*, 4th ed.,
/// algorithms 14 and 22; AIAA 2006-6753 `twoline2rv`).
enum TLEEpoch {
    /// Full year from the two TLE digits: 57–99 are 1957–1999, 00–56 are 2000–2056
    /// (the convention of Spacetrack Report #3 and of every TLE producer).
    static func fullYear(twoDigit: Int) -> Int { twoDigit < 57 ? twoDigit + 2000 : twoDigit + 1900 }

    /// Whether February has 29 days, by the reference's rule (year divisible by 4; valid
    /// for 1901–2099, which covers the TLE range).
    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 }

    /// The Julian date of `dayOfYear` (1.0 = January 1, 0h) in `year`.
    static func julianDate(year: Int, dayOfYear days: Double) -> JulianDate {
        // days2mdhms: month and day from the whole day of year, then h, min, s.
        let monthLengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let dayOfYear = Int(days.rounded(.down))
        var month = 1
        var daysBefore = 0
        while dayOfYear > daysBefore + monthLengths[month - 1] && month < 12 {
            daysBefore += monthLengths[month - 1]
            month += 1
        }
        var temp = (days - Double(dayOfYear)) * 24.0
        let hour = Int(temp.rounded(.down))
        temp = (temp - Double(hour)) * 60.0
        let minute = Int(temp.rounded(.down))
        let second = (temp - Double(minute)) * 60.0
        return JulianDate(
            year: year, month: month, day: dayOfYear - daysBefore, hour: hour, minute: minute,
            second: second)
    }

    /// The epoch as (two-digit year, day of year in units of 1e-8 day), rounded to the eight
    /// decimals a TLE carries. Inverse of `julianDate(year:dayOfYear:)` to within 1e-8 day.
    static func tleFields(of epoch: JulianDate) -> (year: Int, dayTimes1e8: Int64)? {
        guard epoch.day.isFinite, epoch.fraction.isFinite else { return nil }
        // Whole days of the date part since 1950 Jan 0 (JD 2433281.5, 1949-12-31 0h).
        var wholeDays = (epoch.day - 2_433_281.5).rounded(.down)
        var fraction = (epoch.day - 2_433_281.5 - wholeDays) + epoch.fraction
        let carry = fraction.rounded(.down)
        wholeDays += carry
        fraction -= carry
        var units = Int64((fraction * 1e8).rounded())
        if units == 100_000_000 {
            units = 0
            wholeDays += 1
        }
        var year = 1950
        var remaining = Int(wholeDays)  // day 1 = 1950 Jan 1
        guard remaining >= 1, remaining < 200 * 366 else { return nil }
        while remaining > (isLeap(year) ? 366 : 365) {
            remaining -= isLeap(year) ? 366 : 365
            year += 1
        }
        guard (1957...2056).contains(year) else { return nil }
        return (year % 100, Int64(remaining) * 100_000_000 + units)
    }
}
