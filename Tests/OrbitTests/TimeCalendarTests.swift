import Testing

@testable import Orbit

/// Julian dates of known instants, and the calendar back from Julian dates (Vallado's jday/invjday).
@Suite struct TimeCalendarTests {
    @Test func j2000IsJulianDate2451545() {
        let j2000 = JulianDate(year: 2000, month: 1, day: 1, hour: 12)
        #expect(j2000.value == 2_451_545.0)
        #expect(j2000 == JulianDate.j2000)
    }

    @Test func unixEpochIsJulianDate2440587Point5() {
        #expect(JulianDate(year: 1970, month: 1, day: 1).value == 2_440_587.5)
        #expect(JulianDate(year: 1970, month: 1, day: 1) == JulianDate.unixEpoch)
    }

    /// Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., Example 3-4:
    /// 1996 October 26, 14:20:00 UT → JD 2,450,383.097 222 22.
    @Test func valladoExample3Dash4() {
        let date = JulianDate(year: 1996, month: 10, day: 26, hour: 14, minute: 20)
        #expect(date.day == 2_450_382.5)
        #expect(abs(date.value - 2_450_383.097_222_22) < 1e-8)
    }

    /// Vallado Example 3-5: 1992 August 20, 12:14 UT1 → JD_UT1 2,448,855.009 722.
    @Test func valladoExample3Dash5JulianDate() {
        let date = JulianDate(year: 1992, month: 8, day: 20, hour: 12, minute: 14)
        #expect(abs(date.value - 2_448_855.009_722) < 1e-6)
    }

    /// Vallado Example 3-13 (invjday): JD 2,449,877.345 876 2 → 1995 June 8, 20:18:03.70369.
    /// python sgp4.ext.invjday(2449877.3458762) gives (1995, 6, 8, 20, 18, 3.7036907675555573);
    /// from the digits given, 0.8458762 d is exactly 73083.70368 s, which is what we return.
    @Test func valladoExample3Dash13Inverse() {
        let calendar = JulianDate(day: 2_449_876.5, fraction: 0.845_876_2).calendarDateTime
        #expect(calendar.year == 1995 && calendar.month == 6 && calendar.day == 8)
        #expect(calendar.hour == 20 && calendar.minute == 18)
        #expect(abs(calendar.second - 3.703_68) < 1e-6)
        #expect(abs(calendar.second - 3.703_69) < 2e-5)
    }

    @Test(arguments: [
        CalendarDateTime(year: 2000, month: 1, day: 1, hour: 12),
        CalendarDateTime(year: 1970, month: 1, day: 1),
        CalendarDateTime(year: 2026, month: 8, day: 22, hour: 18, minute: 50),
        CalendarDateTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59.5),
        CalendarDateTime(year: 2023, month: 12, day: 31, hour: 23, minute: 59, second: 59.999_999),
        CalendarDateTime(year: 1901, month: 1, day: 1),
        CalendarDateTime(year: 2099, month: 12, day: 31, hour: 23, minute: 59, second: 59.25),
        CalendarDateTime(year: 2004, month: 4, day: 6, hour: 7, minute: 51, second: 28.386_009),
        CalendarDateTime(year: 2025, month: 3, day: 1),
    ])
    func calendarRoundTripsThroughJulianDate(_ calendar: CalendarDateTime) {
        let back = JulianDate(calendar).calendarDateTime
        #expect(back.year == calendar.year && back.month == calendar.month && back.day == calendar.day)
        #expect(back.hour == calendar.hour && back.minute == calendar.minute)
        #expect(abs(back.second - calendar.second) < 1e-9, "\(back) vs \(calendar)")
    }

    /// Every day from 1901 to 2099 maps to the next calendar day: no gaps, no repeats.
    @Test func consecutiveDaysAreConsecutiveDates() {
        var date = JulianDate(year: 1901, month: 1, day: 1)
        var previous = date.calendarDateTime
        let daysInMonth2024 = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for _ in 0..<(199 * 365 + 48) {
            date = date.adding(days: 1)
            let next = date.calendarDateTime
            if next.day == 1 {
                #expect(next.month == previous.month % 12 + 1)
                #expect(next.year == previous.year + (previous.month == 12 ? 1 : 0))
                let monthLength = previous.month == 2 && previous.year % 4 != 0 ? 28 : daysInMonth2024[previous.month - 1]
                #expect(previous.day == monthLength, "\(previous)")
            } else {
                #expect(next.day == previous.day + 1 && next.month == previous.month && next.year == previous.year)
            }
            previous = next
        }
        #expect(previous.year == 2099 && previous.month == 12 && previous.day == 31)
    }

    /// A day part that is not at midnight, or a fraction outside [0, 1), still reads right.
    @Test func unnormalisedSplitReadsTheSameInstant() {
        let calendar = JulianDate(day: 2_451_545.0, fraction: 0.25).calendarDateTime
        #expect(calendar.year == 2000 && calendar.month == 1 && calendar.day == 1 && calendar.hour == 18)
        let negative = JulianDate(day: 2_451_545.5, fraction: -0.75).calendarDateTime
        #expect(negative.year == 2000 && negative.month == 1 && negative.day == 1 && negative.hour == 6)
    }

    @Test func nearlyMidnightRoundsIntoTheNextDay() {
        let calendar = JulianDate(day: 2_451_544.5, fraction: 1 - 1e-16).calendarDateTime
        #expect(calendar.day == 2 && calendar.hour == 0 && calendar.minute == 0 && calendar.second == 0)
    }
}
