import Foundation
import Orbit

/// What a satellite's orbit allows it to do in one observer's sky, used to skip time and whole
/// satellites without propagating them.
///
/// For an observer at geocentric distance R and a satellite at r, elevation E is reached at
/// geocentric (central) angle ψ(E) = arccos(R cos E / r) − E (the triangle Earth centre–
/// observer–satellite: λ = 90° − ε − η with sin η = sin ρ cos ε, Larson and Wertz, *Space
/// Mission Analysis and Design*, 3rd ed., §5.2). Elevation falls as ψ grows,
/// so the satellite is below E whenever ψ > ψ_max, taken at the apogee radius plus a margin and
/// at E lowered by 0.5° (the geodetic vertical differs from the geocentric one by ≤ 0.19°).
/// The satellite's direction from the Earth's centre turns, in the Earth-fixed frame, no faster
/// than ω_max = v_p / r_p + ω⊕ (perigee speed over perigee radius, plus the Earth's rotation),
/// with 5 % margin; so from a sample at ψ > ψ_max the satellite stays below E for at least
/// (ψ − ψ_max) / ω_max seconds. And a satellite whose ground track never leaves latitudes
/// ±i' (i' = min(i, 180° − i), plus 0.5° for short-period terms) can only be seen from
/// geocentric latitude φ when |φ| − i' ≤ ψ_max.
///
/// The satellite lies in its osculating orbital plane, so ψ is never below the angle β between
/// the observer's direction and that plane. β changes only as the Earth turns the observer
/// (at most ω⊕ cos φ) and as the plane moves (J2 precession, a few degrees a day, and
/// short-period wobbles of ~0.05° at twice the orbital rate: below 1e-5 rad/s together, the
/// allowance taken). So from a sample at β > ψ_max the satellite stays below E for at least
/// (β − ψ_max) / β̇_max seconds: hours, for a plane that passes far from the observer.
struct VisibilityBound {
    /// μ of WGS-72, the constant SGP4 uses, km³/s².
    static let gravitationalParameter = 398_600.8
    /// Earth's rotation rate, rad/s (IERS Conventions 2010, 7.292115e-5).
    static let earthRotationRadiansPerSecond = 7.292_115e-5
    /// Allowance for the difference between SGP4's osculating radius and the mean orbit, km.
    static let radiusMarginKilometres = 50.0

    /// Beyond this central angle the satellite is below the threshold, radians.
    let maximumCentralAngleRadians: Double
    /// Bound on the rate of the central angle, radians per second.
    let maximumCentralAngleRateRadiansPerSecond: Double
    /// Bound on the rate of the observer–plane angle, radians per second.
    let maximumPlaneAngleRateRadiansPerSecond: Double
    /// The nominal orbital period, seconds.
    let periodSeconds: Double
    /// Whether the orbit can never bring the satellite above the threshold for this observer.
    let neverVisible: Bool

    init(
        meanMotionRadiansPerMinute: Double, eccentricity: Double, inclinationDegrees: Double,
        observerECEFKilometres: SIMD3<Double>, minimumElevationDegrees: Double
    ) {
        let meanMotion = meanMotionRadiansPerMinute / 60
        let semiMajorAxis = cbrt(VisibilityBound.gravitationalParameter / (meanMotion * meanMotion))
        let e = min(max(eccentricity, 0), 0.99)
        let apogee = semiMajorAxis * (1 + e) + VisibilityBound.radiusMarginKilometres
        let perigee = max(semiMajorAxis * (1 - e) - VisibilityBound.radiusMarginKilometres, 6_000)
        let perigeeSpeed = (VisibilityBound.gravitationalParameter * (2 / perigee - 1 / semiMajorAxis)).squareRoot()
        periodSeconds = 2 * Double.pi / meanMotion
        maximumCentralAngleRateRadiansPerSecond =
            1.05 * perigeeSpeed / perigee + VisibilityBound.earthRotationRadiansPerSecond

        let observerRadius = (observerECEFKilometres * observerECEFKilometres).sum().squareRoot()
        let elevation = max(minimumElevationDegrees - 0.5, -89.9) * SkyDirection.radiansPerDegree
        let ratio = observerRadius * cos(elevation) / apogee
        maximumCentralAngleRadians = ratio < 1 ? min(acos(ratio) - elevation, Double.pi) : Double.pi
        let observerLatitude = asin(min(max(observerECEFKilometres.z / observerRadius, -1), 1))
        maximumPlaneAngleRateRadiansPerSecond =
            VisibilityBound.earthRotationRadiansPerSecond * cos(observerLatitude) + 1e-5
        let inclination = min(inclinationDegrees, 180 - inclinationDegrees) + 0.5
        let latitudeGap = abs(observerLatitude) - inclination * SkyDirection.radiansPerDegree
        neverVisible = latitudeGap > maximumCentralAngleRadians || !(semiMajorAxis.isFinite)
    }

    /// How long, from a sample at central angle `centralAngleRadians` and observer–plane angle
    /// `planeAngleRadians`, the satellite is surely below the threshold, seconds (0 when it may
    /// already be above).
    @inline(__always)
    func secondsSurelyBelow(centralAngleRadians: Double, planeAngleRadians: Double) -> Double {
        max(
            0, (centralAngleRadians - maximumCentralAngleRadians) / maximumCentralAngleRateRadiansPerSecond,
            (planeAngleRadians - maximumCentralAngleRadians) / maximumPlaneAngleRateRadiansPerSecond)
    }
}
