import Foundation

/// The turn from SGP4's TEME frame to the Earth-fixed frame at one instant, computed once and
/// applied to any number of satellites.
///
/// Vallado's `teme2ecef` (Vallado et al., AIAA 2006-6753, Appendix C; Vallado 4th ed. §3.7):
///
///     r_PEF  = R3(θ_GMST) r_TEME
///     v_PEF  = R3(θ_GMST) v_TEME − ω⊕ẑ × r_PEF
///     r_ECEF = Wᵀ r_PEF,  v_ECEF = Wᵀ v_PEF
///
/// with θ_GMST the IAU-82 GMST of UT1 (`GreenwichMeanSiderealTime`, split precision here),
/// ω⊕ = 7.292115146706979e-5 rad/s scaled by the length of day, and W Vallado's IAU-76/FK5
/// polar-motion matrix (`polarm`, option '80') from x_p, y_p. With no Earth orientation
/// parameters the result is the pseudo-Earth-fixed frame, within ~15 m of ITRF at the surface.
package struct TEMEToECEFTransform: Sendable {
    /// The UTC instant the transform is for.
    package let instant: JulianDate
    /// The Earth orientation parameters used.
    package let earthOrientation: EarthOrientation
    /// IAU-82 GMST at the instant (UT1 = UTC + DUT1), radians.
    package let greenwichMeanSiderealTimeRadians: Double

    /// R3(θ_GMST): TEME → PEF.
    let pefFromTEME: FrameRotation
    /// Wᵀ: PEF → ECEF (identity without polar motion).
    let ecefFromPEF: FrameRotation
    /// Wᵀ R3(θ_GMST): TEME → ECEF in one product.
    let ecefFromTEME: FrameRotation
    /// ω⊕ ẑ, rad/s.
    let earthAngularVelocityRadiansPerSecond: SIMD3<Double>

    /// Builds the transform for `instant` (UTC), with optional Earth orientation parameters.
    package init(at instant: JulianDate, earthOrientation: EarthOrientation = .none) {
        self.instant = instant
        self.earthOrientation = earthOrientation
        let gmst = GreenwichMeanSiderealTime.radians(
            at: instant, ut1MinusUTCSeconds: earthOrientation.ut1MinusUTCSeconds)
        greenwichMeanSiderealTimeRadians = gmst
        pefFromTEME = .aboutZ(radians: gmst)
        ecefFromPEF =
            TEMEToECEFTransform.polarMotion(
                xRadians: earthOrientation.polarMotionXArcseconds * TEMEToECEFTransform.radiansPerArcsecond,
                yRadians: earthOrientation.polarMotionYArcseconds * TEMEToECEFTransform.radiansPerArcsecond
            ).transposed
        ecefFromTEME = ecefFromPEF * pefFromTEME
        earthAngularVelocityRadiansPerSecond = SIMD3(0, 0, earthOrientation.earthRotationRadiansPerSecond)
    }

    /// A TEME position (km) in the Earth-fixed frame (km).
    package func ecefPosition(fromTEMEPosition temePositionKilometres: SIMD3<Double>) -> SIMD3<Double> {
        ecefFromTEME.apply(temePositionKilometres)
    }

    /// A TEME position (km) and velocity (km/s) in the Earth-fixed frame; the velocity is
    /// relative to the rotating Earth (the ω⊕ × r term removed).
    package func ecefState(
        fromTEMEPosition temePositionKilometres: SIMD3<Double>,
        velocity temeVelocityKilometresPerSecond: SIMD3<Double>
    ) -> ECEFState {
        let pefPosition = pefFromTEME.apply(temePositionKilometres)
        let pefVelocity =
            pefFromTEME.apply(temeVelocityKilometresPerSecond)
            - crossProduct(earthAngularVelocityRadiansPerSecond, pefPosition)
        return ECEFState(
            positionKilometres: ecefFromPEF.apply(pefPosition),
            velocityKilometresPerSecond: ecefFromPEF.apply(pefVelocity))
    }

    /// π / (180 · 3600).
    static let radiansPerArcsecond = Double.pi / 648_000.0

    /// Vallado's `polarm` for the IAU-76/FK5 ('80') convention, W = ITRF → PEF
    /// (Vallado 4th ed. eq. 3-77); `teme2ecef` applies its transpose.
    static func polarMotion(xRadians xp: Double, yRadians yp: Double) -> FrameRotation {
        let cosX = cos(xp)
        let sinX = sin(xp)
        let cosY = cos(yp)
        let sinY = sin(yp)
        return FrameRotation(
            row0: SIMD3(cosX, 0, -sinX),
            row1: SIMD3(sinX * sinY, cosY, cosX * sinY),
            row2: SIMD3(sinX * cosY, -sinY, cosX * cosY))
    }
}
