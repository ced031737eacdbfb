/// Greenwich mean sidereal time, IAU-82 model, as the SGP4 reference uses it to turn TEME
/// into the Earth-fixed (pseudo-Earth-fixed) frame.
///
/// GMST in seconds of time (Aoki et al. 1982; Vallado, *Fundamentals of Astrodynamics and
/// Applications*, 4th ed., eq. 3-47; `gstime` in Vallado et al., AIAA 2006-6753):
///
///     T   = (JD_UT1 − 2451545.0) / 36525
///     θ_s = 67310.54841 + (876600·3600 + 8640184.812866)·T + 0.093104·T² − 6.2e-6·T³
///     θ   = θ_s · (π/180) / 240   (mod 2π)
///
/// (1 s of time is 1/240 degree.)
package enum GreenwichMeanSiderealTime {
    /// 2π.
    static let twoPi = 2.0 * Double.pi

    /// GMST in radians, [0, 2π), computed exactly as Vallado's `gstime` does, from one
    /// `Double` Julian date on the UT1 scale, operation for operation.
    ///
    /// A single `Double` near 2.46e6 days resolves ~40 µs, so this loses ~3e-9 rad against
    /// `radians(at:ut1MinusUTCSeconds:)`; use it where bit-for-bit agreement with the
    /// reference implementation matters.
    package static func referenceRadians(julianDateUT1 jdut1: Double) -> Double {
        let tut1 = (jdut1 - 2_451_545.0) / 36_525.0
        var temp =
            -6.2e-6 * tut1 * tut1 * tut1 + 0.093104 * tut1 * tut1
            + (876_600.0 * 3600 + 8_640_184.812866) * tut1 + 67_310.54841
        temp = (temp * (Double.pi / 180.0) / 240.0).truncatingRemainder(dividingBy: twoPi)
        if temp < 0.0 { temp += twoPi }
        return temp
    }

    /// GMST in radians, [0, 2π), from a split UTC Julian date without forming a single `Double`.
    ///
    /// Same formula as `referenceRadians(julianDateUT1:)`, but the 876600·3600·T term — a whole
    /// turn per UT1 day, 86400·(JD − J2000) seconds — is reduced modulo one day on the day and
    /// fraction parts separately, so only the slow terms see the full date. Agrees with the
    /// reference to ~3e-9 rad (its own rounding) and is accurate to ~1e-12 rad.
    ///
    /// - Parameter ut1MinusUTCSeconds: UT1 − UTC (IERS Bulletin A `DUT1`, |·| < 0.9 s); SGP4
    ///   practice takes 0, i.e. UTC for UT1.
    package static func radians(at instant: JulianDate, ut1MinusUTCSeconds: Double = 0) -> Double {
        let wholeDaysSinceJ2000 = instant.day - 2_451_545.0
        let turnOfWholeDays = wholeDaysSinceJ2000 - wholeDaysSinceJ2000.rounded(.down)
        let fractionUT1 = instant.fraction + ut1MinusUTCSeconds / 86_400.0
        let tut1 = (wholeDaysSinceJ2000 + fractionUT1) / 36_525.0
        let slowSeconds = 67_310.54841 + (8_640_184.812866 + (0.093104 - 6.2e-6 * tut1) * tut1) * tut1
        let turnSeconds = (turnOfWholeDays + fractionUT1) * 86_400.0
        var seconds = (slowSeconds + turnSeconds).truncatingRemainder(dividingBy: 86_400.0)
        if seconds < 0 { seconds += 86_400.0 }
        return seconds * (twoPi / 86_400.0)
    }
}

extension JulianDate {
    /// Greenwich mean sidereal time (IAU-82) of this instant in radians, [0, 2π), taking UTC
    /// for UT1 as SGP4 practice does; split precision (`GreenwichMeanSiderealTime.radians(at:)`).
    package var greenwichMeanSiderealTimeRadians: Double {
        GreenwichMeanSiderealTime.radians(at: self)
    }
}
