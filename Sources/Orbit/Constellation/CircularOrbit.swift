import Foundation

/// Mean motion of a circular orbit at a given altitude, in the constants SGP4 uses.
///
/// A TLE's mean motion is Kozai's mean motion, which SGP4 converts to Brouwer's ("un-Kozai")
/// at initialisation, recovering the mean semi-major axis a″ (Hoots & Roehrich, Spacetrack
/// Report #3, 1980; Vallado et al., AIAA 2006-6753, `initl`):
///
///     a₁ = (kₑ / n₀)^(2/3),  δ₁ = (3/4) J₂ (3 cos²i − 1) / (a₁² (1 − e²)^(3/2))
///     a₀ = a₁ (1 − δ₁/3 − δ₁² − 134 δ₁³ / 81),  δ₀ = (3/4) J₂ (3 cos²i − 1) / (a₀² (1 − e²)^(3/2))
///     n″ = n₀ / (1 + δ₀),  a″ = (kₑ / n″)^(2/3)   (Earth radii, radians per minute)
///
/// `kozaiMeanMotionRevsPerDay` inverts this, so an element set built from it propagates
/// with a″ = R⊕ + altitude exactly; the Keplerian n = √(μ/a³) differs from it by
/// 6e-5 relative at 53° and 6.5e-4 at 97.6° (about 0.1 s and 0.6 s per orbit).
///
/// Constants are SGP4's WGS-72 set (`getgravconst('wgs72')`, AIAA 2006-6753 Table 2):
/// μ = 398600.8 km³/s², R⊕ = 6378.135 km, J₂ = 0.001082616.
package enum CircularOrbit {
    /// WGS-72 gravitational parameter μ, km³/s² (SGP4's constant).
    package static let gravitationalParameterKm3PerS2 = 398_600.8
    /// WGS-72 equatorial radius R⊕, km (SGP4's constant).
    package static let earthRadiusKilometres = 6_378.135
    /// WGS-72 second zonal harmonic J₂ (SGP4's constant).
    package static let j2 = 0.001_082_616
    /// kₑ = 60 / √(R⊕³/μ), √(μ) in Earth radii^(3/2) per minute, as SGP4 derives it.
    static let ke =
        60.0
        / (earthRadiusKilometres * earthRadiusKilometres * earthRadiusKilometres
        / gravitationalParameterKm3PerS2).squareRoot()
    /// Radians per minute → revolutions per day.
    static let revsPerDayPerRadianPerMinute = 1_440.0 / (2.0 * Double.pi)

    /// Keplerian mean motion √(μ / (R⊕ + h)³) of a circular orbit at `altitudeKilometres`
    /// above the WGS-72 equatorial radius, revolutions per day.
    package static func keplerianMeanMotionRevsPerDay(altitudeKilometres: Double) -> Double {
        let radius = earthRadiusKilometres + altitudeKilometres
        let radiansPerSecond = (gravitationalParameterKm3PerS2 / (radius * radius * radius)).squareRoot()
        return radiansPerSecond * 60 * revsPerDayPerRadianPerMinute
    }

    /// Keplerian period 2π √((R⊕ + h)³ / μ) of a circular orbit, minutes.
    package static func keplerianPeriodMinutes(altitudeKilometres: Double) -> Double {
        1_440.0 / keplerianMeanMotionRevsPerDay(altitudeKilometres: altitudeKilometres)
    }

    /// The TLE (Kozai) mean motion, revolutions per day, for which SGP4 recovers a mean
    /// semi-major axis of R⊕ + `altitudeKilometres` for a circular orbit at `inclinationDegrees`.
    ///
    /// Fixed-point iteration n₀ ← n″ (1 + δ₀(n₀)) from n₀ = n″; δ₀ ≈ 1e-4, so it converges to
    /// rounding in a handful of steps (python sgp4 2.27's `sgp4init` then gives back a″ to 1 µm).
    package static func kozaiMeanMotionRevsPerDay(altitudeKilometres: Double, inclinationDegrees: Double) -> Double {
        let meanSemiMajorAxisEarthRadii = (earthRadiusKilometres + altitudeKilometres) / earthRadiusKilometres
        let brouwerRadiansPerMinute = ke / pow(meanSemiMajorAxisEarthRadii, 1.5)
        let cosInclination = cos(inclinationDegrees * Double.pi / 180)
        // (3/4) J₂ (3 cos²i − 1) / (1 − e²)^(3/2), with e = 0.
        let d1 = 0.75 * j2 * (3 * cosInclination * cosInclination - 1)
        var kozai = brouwerRadiansPerMinute
        for _ in 0..<20 {
            let a1 = pow(ke / kozai, 2.0 / 3.0)
            let delta1 = d1 / (a1 * a1)
            let a0 = a1 * (1 - delta1 * delta1 - delta1 * (1.0 / 3.0 + 134.0 * delta1 * delta1 / 81.0))
            let delta0 = d1 / (a0 * a0)
            let next = brouwerRadiansPerMinute * (1 + delta0)
            if next == kozai { break }
            kozai = next
        }
        return kozai * revsPerDayPerRadianPerMinute
    }
}
