/// The Earth orientation parameters that SGP4's TEME → Earth-fixed conversion can take beyond
/// GMST, as published daily in IERS Bulletin A. All default to zero, which is what SGP4 practice
/// uses when none are at hand (errors then: |UT1 − UTC| < 0.9 s is up to ~0.4 km along track
/// at the equator; polar motion < 0.5″ is up to ~15 m at the surface).
///
/// Reference: Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753, §C
/// (`teme2ecef`), and Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed., §3.7.
public struct EarthOrientation: Sendable, Hashable {
    /// Nominal rotation rate of the Earth, rad/s, the value of Vallado's `teme2ecef`
    /// (7.29211514670698e-05; Vallado 4th ed. eq. 3-40, IERS Conventions value for ω⊕).
    package static let nominalEarthRotationRadiansPerSecond = 7.292_115_146_706_979e-5

    /// No corrections: UT1 = UTC, no polar motion, nominal day length.
    public static let none = EarthOrientation()

    /// UT1 − UTC, seconds (Bulletin A `DUT1`).
    package var ut1MinusUTCSeconds: Double
    /// Polar motion x_p, arcseconds (Bulletin A `PM-x`).
    package var polarMotionXArcseconds: Double
    /// Polar motion y_p, arcseconds (Bulletin A `PM-y`).
    package var polarMotionYArcseconds: Double
    /// Excess length of day over 86400 s, seconds (Bulletin A `LOD`); scales ω⊕.
    package var lengthOfDayExcessSeconds: Double

    /// Builds a set of parameters; each defaults to zero.
    package init(
        ut1MinusUTCSeconds: Double = 0, polarMotionXArcseconds: Double = 0,
        polarMotionYArcseconds: Double = 0, lengthOfDayExcessSeconds: Double = 0
    ) {
        self.ut1MinusUTCSeconds = ut1MinusUTCSeconds
        self.polarMotionXArcseconds = polarMotionXArcseconds
        self.polarMotionYArcseconds = polarMotionYArcseconds
        self.lengthOfDayExcessSeconds = lengthOfDayExcessSeconds
    }

    /// The Earth's rotation rate, rad/s: ω⊕ (1 − LOD / 86400), as `teme2ecef` computes `thetasa`.
    package var earthRotationRadiansPerSecond: Double {
        EarthOrientation.nominalEarthRotationRadiansPerSecond * (1.0 - lengthOfDayExcessSeconds / 86_400.0)
    }
}
