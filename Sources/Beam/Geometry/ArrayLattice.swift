/// How the radiating elements of the array are packed in the array plane.
///
/// `spacing` below is always `ArrayDescription.elementSpacingMetres`, the distance between
/// nearest neighbours.
public enum ArrayLattice: String, Sendable, Hashable, CaseIterable {
    /// A square grid: columns `spacing` apart along x, rows `spacing` apart along y.
    case rectangular
    /// An equilateral triangular (hexagonal) grid: neighbours `spacing` apart, rows
    /// `spacing·√3/2` apart along y, every odd row shifted by `spacing/2` along +x.
    case triangular

    /// Distance between adjacent rows along y, metres.
    package func rowPitchMetres(spacingMetres: Double) -> Double {
        switch self {
        case .rectangular: spacingMetres
        case .triangular: spacingMetres * 3.0.squareRoot() / 2
        }
    }

    /// Area of the aperture one element occupies (the unit cell), square metres:
    /// d² for the square grid, d²·√3/2 for the triangular grid.
    package func cellAreaSquareMetres(spacingMetres: Double) -> Double {
        spacingMetres * rowPitchMetres(spacingMetres: spacingMetres)
    }

    /// Length of the shortest non-zero vector of the reciprocal lattice, per metre.
    ///
    /// The reciprocal lattice {g} satisfies g·r ∈ ℤ for every lattice point r; grating
    /// lobes of a beam steered to (u₀, v₀) appear at (u₀, v₀) + λ·g (Mailloux, *Phased Array
    /// Antenna Handbook*, 2nd ed., §2.1.4, "Grating lobes of planar arrays"). For the square
    /// grid |g|min = 1/d; for the equilateral triangular grid |g|min = 2/(√3·d).
    package func shortestReciprocalVectorPerMetre(spacingMetres: Double) -> Double {
        switch self {
        case .rectangular: 1 / spacingMetres
        case .triangular: 2 / (3.0.squareRoot() * spacingMetres)
        }
    }
}
