import Testing

@testable import Orbit

/// Greenwich mean sidereal time (IAU-82) against Vallado's worked example and python sgp4/Skyfield.
@Suite struct TimeSiderealTests {
    private static let degreesPerRadian = 180.0 / Double.pi

    /// Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., Example 3-5:
    /// 1992 August 20, 12:14 UT1 → θ_GMST = 152.578 787 886°. The book evaluates the
    /// equivalent angle form of the IAU-82 expression; python sgp4's gstime gives
    /// 152.57878781032736°, 7.6e-8° (0.3 mas) away, so the tolerance is 1e-6°.
    @Test func valladoExample3Dash5() {
        let date = JulianDate(year: 1992, month: 8, day: 20, hour: 12, minute: 14)
        let split = date.greenwichMeanSiderealTimeRadians * Self.degreesPerRadian
        let reference = GreenwichMeanSiderealTime.referenceRadians(julianDateUT1: date.value) * Self.degreesPerRadian
        #expect(abs(split - 152.578_787_886) < 1e-6)
        #expect(abs(reference - 152.578_787_886) < 1e-6)
    }

    /// GMST at J2000.0 is 280.46061837504° (IAU-82: 67310.54841 s = 18h 41m 50.54841s).
    @Test func j2000() {
        let degrees = JulianDate.j2000.greenwichMeanSiderealTimeRadians * Self.degreesPerRadian
        #expect(abs(degrees - 280.460_618_375_04) < 1e-10)
    }

    /// Reference values, computed with python sgp4 2.27 and Skyfield 1.55:
    ///
    ///     from sgp4.functions import jday; from sgp4.propagation import gstime
    ///     from skyfield.sgp4lib import theta_GMST1982
    ///     jd, fr = jday(*c); gstime(jd + fr); theta_GMST1982(jd, fr)[0]
    ///
    /// `gstime` is the reference (one Double); Skyfield splits the date as we do.
    struct Case: Sendable, CustomTestStringConvertible {
        var calendar: CalendarDateTime
        var gstimeRadians: Double
        var skyfieldRadians: Double
        var testDescription: String { calendar.description }
    }

    static let cases: [Case] = [
        Case(
            calendar: CalendarDateTime(year: 2000, month: 1, day: 1, hour: 12),
            gstimeRadians: 4.894961212823059, skyfieldRadians: 4.894961212823059),
        Case(
            calendar: CalendarDateTime(year: 1992, month: 8, day: 20, hour: 12, minute: 14),
            gstimeRadians: 2.6630022159920017, skyfieldRadians: 2.6630022167133482),
        Case(
            calendar: CalendarDateTime(year: 2026, month: 8, day: 22, hour: 18, minute: 50),
            gstimeRadians: 4.425983164223972, skyfieldRadians: 4.425983165521918),
        Case(
            calendar: CalendarDateTime(year: 1970, month: 1, day: 1),
            gstimeRadians: 1.7493371773500783, skyfieldRadians: 1.749337177344977),
        Case(
            calendar: CalendarDateTime(year: 2004, month: 4, day: 6, hour: 7, minute: 51, second: 28.386009),
            gstimeRadians: 5.45959466930632, skyfieldRadians: 5.459594669148815),
        Case(
            calendar: CalendarDateTime(year: 2035, month: 3, day: 14, hour: 3, minute: 7, second: 59.25),
            gstimeRadians: 3.8148696763693053, skyfieldRadians: 3.814869677428787),
    ]

    /// The reference path reproduces gstime to the last bits, given the same Double input.
    @Test(arguments: cases)
    func referenceMatchesPythonGstime(_ reference: Case) {
        let date = JulianDate(reference.calendar)
        let radians = GreenwichMeanSiderealTime.referenceRadians(julianDateUT1: date.day + date.fraction)
        #expect(abs(radians - reference.gstimeRadians) < 1e-14)
    }

    /// The split path matches Skyfield's split computation far below gstime's own rounding.
    @Test(arguments: cases)
    func splitMatchesSkyfield(_ reference: Case) {
        let radians = JulianDate(reference.calendar).greenwichMeanSiderealTimeRadians
        #expect(abs(radians - reference.skyfieldRadians) < 1e-12)
        #expect(abs(radians - reference.gstimeRadians) < 5e-9)
    }

    @Test func ut1OffsetTurnsTheEarthBySiderealRate() {
        let date = JulianDate(year: 2026, month: 8, day: 22, hour: 18, minute: 50)
        let utc = GreenwichMeanSiderealTime.radians(at: date)
        let ut1 = GreenwichMeanSiderealTime.radians(at: date, ut1MinusUTCSeconds: 0.5)
        // dθ/dt of the IAU-82 series at T ≈ 0.27: 2π/86400 · (1 + 8640184.812866 / (86400 · 36525)),
        // the sidereal rate including precession in right ascension, ≈ 7.2921159e-5 rad/s.
        let siderealRadiansPerSecond = 2 * Double.pi / 86_400 * (1 + 8_640_184.812866 / (86_400 * 36_525))
        #expect(abs((ut1 - utc) - 0.5 * siderealRadiansPerSecond) < 1e-12)
    }

    @Test func resultIsAlwaysInZeroToTwoPi() {
        var date = JulianDate(year: 1950, month: 1, day: 1)
        for _ in 0..<2_000 {
            let radians = date.greenwichMeanSiderealTimeRadians
            #expect(radians >= 0 && radians < 2 * Double.pi)
            let reference = GreenwichMeanSiderealTime.referenceRadians(julianDateUT1: date.value)
            #expect(reference >= 0 && reference < 2 * Double.pi)
            date = date.adding(days: 13.377)
        }
    }
}
