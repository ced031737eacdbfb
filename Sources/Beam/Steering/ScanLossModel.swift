import RealModule

/// Gain lost by scanning off boresight, modelled by an element power pattern cos^q θ.
///
///     L(θ) = −10 · q · log10(cos θ)   dB   (a positive loss; 0 dB at boresight)
///
/// q = 1 is the projected-aperture loss alone (the aperture seen from θ shrinks as cos θ);
/// embedded patch elements measure steeper, q ≈ 1.2–1.5 (the cos^q θ element-pattern model of
/// Mailloux, *Phased Array Antenna Handbook*, 2nd ed., §1.1 and ch. 6; Hansen, *Phased Array
/// Antennas*, 2nd ed., §7). The default q = 1.5 is the conservative end, for link budgets:
/// 2.88 dB at 50°.
public struct ScanLossModel: Sendable, Hashable {
    /// q, the exponent of the element power pattern cos^q θ (dimensionless, ≥ 0).
    package var elementPatternExponent: Double

    /// A model with element power pattern cos^q θ.
    public init(elementPatternExponent: Double = 1.5) {
        self.elementPatternExponent = elementPatternExponent
    }

    /// Projected-aperture loss only: cos θ (q = 1).
    package static let projectedAperture = ScanLossModel(elementPatternExponent: 1)

    /// The loss at `offBoresightDegrees`, dB (≥ 0; +∞ at and beyond 90°).
    package func lossDecibels(offBoresightDegrees: Double) -> Double {
        // cos(90°) evaluates to 6e-17, not 0: the edge of the model is decided on the angle.
        guard abs(offBoresightDegrees) < 90 else { return .infinity }
        return lossDecibels(cosineOffBoresight: Double.cos(offBoresightDegrees * Double.pi / 180))
    }

    /// The loss for a direction with cos θ = `cosineOffBoresight` (the w direction cosine), dB.
    package func lossDecibels(cosineOffBoresight: Double) -> Double {
        guard cosineOffBoresight > 0 else { return .infinity }
        return -10 * elementPatternExponent * Double.log10(min(cosineOffBoresight, 1))
    }
}
