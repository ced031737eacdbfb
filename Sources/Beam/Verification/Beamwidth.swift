import RealModule

/// Closed-form half-power (−3 dB) beamwidths of uniformly excited apertures.
///
/// Scanning to θ off boresight broadens the beam in the scan plane by 1/cos θ, because the
/// aperture seen from θ is foreshortened (Mailloux, *Phased Array Antenna Handbook*, 2nd ed.,
/// §1.1.3, eq. 1.23).
package enum BeamwidthEstimate {
    /// Uniform line of N elements spaced d: θ₃ ≈ 0.886 · λ / (N · d · cos θ) radians, in
    /// degrees (Mailloux eq. 1.23, large N; 0.886 = 2 × 0.443, where sinc² falls to ½).
    package static func uniformLineDegrees(
        elementCount: Int, spacingMetres: Double, wavelengthMetres: Double, offBoresightDegrees: Double = 0
    ) -> Double {
        let length = Double(elementCount) * spacingMetres
        return 0.886 * wavelengthMetres / (length * Double.cos(offBoresightDegrees * Double.pi / 180)) * 180 / Double.pi
    }

    /// Uniform circular aperture of diameter D: θ₃ ≈ 1.029 · λ / (D · cos θ) radians, in
    /// degrees. The pattern is 2·J₁(x)/x with x = π·D·sin θ/λ, half power at x = 1.6163
    /// (Balanis, *Antenna Theory*, 3rd ed., §12.7, Table 12.2: 58.9°·λ/D).
    package static func uniformCircularApertureDegrees(
        diameterMetres: Double, wavelengthMetres: Double, offBoresightDegrees: Double = 0
    ) -> Double {
        1.029 * wavelengthMetres / (diameterMetres * Double.cos(offBoresightDegrees * Double.pi / 180)) * 180 / Double.pi
    }
}

extension PhasedArray {
    /// The scan-plane half-power beamwidth of this array on `link`, degrees, estimated as a
    /// uniform circular aperture of the same area (`equivalentApertureDiameterMetres`):
    /// 2.97° at boresight for the default array at 14.25 GHz, 4.62° at 50°.
    package func estimatedHalfPowerBeamwidthDegrees(offBoresightDegrees: Double = 0, link: LinkDirection) -> Double {
        BeamwidthEstimate.uniformCircularApertureDegrees(
            diameterMetres: equivalentApertureDiameterMetres, wavelengthMetres: wavelengthMetres(link),
            offBoresightDegrees: offBoresightDegrees)
    }
}
