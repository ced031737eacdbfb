import RealModule

/// When a periodic array steered off boresight lets a grating lobe into visible space.
///
/// Steered to direction cosines (u₀, v₀), a lattice with reciprocal vectors g radiates
/// full-strength copies of the main beam at (u₀, v₀) + λ·g (Mailloux, *Phased Array Antenna
/// Handbook*, 2nd ed., §2.1.4). A copy is visible when it lies inside the unit circle
/// u² + v² ≤ 1. Over every scan azimuth, the first to enter is the one from the shortest
/// reciprocal vector, when scanning opposite to it, at the off-boresight angle θg with
///
///     sin θg = λ·|g|min − 1
///
/// which for the square grid (|g|min = 1/d) is the textbook condition
/// d/λ < 1 / (1 + sin θmax) for no grating lobe anywhere in a scan cone of half-angle θmax,
/// and for the equilateral triangular grid d/λ < (2/√3) / (1 + sin θmax).
/// Longer wavelengths (lower frequencies) only push θg further out, so checking a band's
/// upper edge covers the whole band.
package enum GratingLobes {
    /// The off-boresight scan angle at which the first grating lobe enters visible space,
    /// degrees, for the worst scan azimuth.
    ///
    /// - Returns: `nil` when no grating lobe can become visible for any scan up to 90°
    ///   (λ·|g|min ≥ 2); `0` when one is visible already at boresight (λ·|g|min ≤ 1, i.e.
    ///   a square grid with d ≥ λ); otherwise asin(λ·|g|min − 1) in degrees.
    package static func onsetOffBoresightDegrees(
        lattice: ArrayLattice, spacingMetres: Double, frequencyHertz: Double
    ) -> Double? {
        let wavelength = FreeSpace.wavelengthMetres(frequencyHertz: frequencyHertz)
        let sine = wavelength * lattice.shortestReciprocalVectorPerMetre(spacingMetres: spacingMetres) - 1
        if sine >= 1 { return nil }
        if sine <= 0 { return 0 }
        return Double.asin(sine) * 180 / Double.pi
    }

    /// The largest nearest-neighbour spacing for which no grating lobe enters visible
    /// space while scanning anywhere within `scanLimitDegrees` of boresight, metres:
    /// λ / (1 + sin θmax) for the square grid, (2/√3)·λ / (1 + sin θmax) for the triangular.
    package static func maximumSpacingMetres(
        lattice: ArrayLattice, frequencyHertz: Double, scanLimitDegrees: Double
    ) -> Double {
        let wavelength = FreeSpace.wavelengthMetres(frequencyHertz: frequencyHertz)
        // |g|min scales as 1/d: the value at d = 1 m is the lattice's shape factor.
        let shapeFactor = lattice.shortestReciprocalVectorPerMetre(spacingMetres: 1)
        return shapeFactor * wavelength / (1 + Double.sin(scanLimitDegrees * Double.pi / 180))
    }

    /// Whether a grating lobe becomes visible at some scan within `scanLimitDegrees` of
    /// boresight (the onset angle is at or inside the limit).
    package static func appearsWithinScanCone(
        lattice: ArrayLattice, spacingMetres: Double, frequencyHertz: Double, scanLimitDegrees: Double
    ) -> Bool {
        guard
            let onset = onsetOffBoresightDegrees(
                lattice: lattice, spacingMetres: spacingMetres, frequencyHertz: frequencyHertz)
        else { return false }
        return onset <= scanLimitDegrees
    }
}
