/// First-order Doppler shift of a carrier seen across a changing range.
///
///     Δf = −f · ṙ / c
///
/// with ṙ the range rate (positive receding) and c = 299 792.458 km/s (exact, SI definition
/// of the metre, CGPM 1983). The relativistic terms are of order (v/c)² ≈ 7e-10 for LEO,
/// 8 Hz at 12 GHz, and neglected.
package enum Doppler {
    /// Speed of light in vacuum, km/s (exact by definition).
    package static let speedOfLightKilometresPerSecond = 299_792.458

    /// The shift, Hz, received minus transmitted, of a carrier of `carrierHertz` from a
    /// source whose range changes at `rangeRateKilometresPerSecond` (negative while
    /// approaching, which raises the frequency).
    package static func shiftHertz(carrierHertz: Double, rangeRateKilometresPerSecond: Double) -> Double {
        -carrierHertz * rangeRateKilometresPerSecond / speedOfLightKilometresPerSecond
    }
}

extension LookAngles {
    /// The Doppler shift, Hz, of a carrier of `carrierHertz` along this line of sight
    /// (`Doppler.shiftHertz(carrierHertz:rangeRateKilometresPerSecond:)`).
    package func dopplerShiftHertz(carrierHertz: Double) -> Double {
        Doppler.shiftHertz(carrierHertz: carrierHertz, rangeRateKilometresPerSecond: rangeRateKilometresPerSecond)
    }
}
