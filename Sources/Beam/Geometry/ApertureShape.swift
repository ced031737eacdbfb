/// Which lattice sites of `ArrayLattice` carry an element.
public enum ApertureShape: Sendable, Hashable {
    /// The `elementCount` lattice sites nearest the aperture centre: a roughly circular
    /// aperture (a square grid is centred between four sites, a triangular grid on a site;
    /// a partly filled outer ring is filled in order of angle from +x, counter-clockwise).
    case circular(elementCount: Int)
    /// A full grid of `rows` rows of `columns` elements (on a triangular lattice every odd
    /// row is shifted by half a spacing, so the outline stays a rectangle to within half a spacing).
    case grid(rows: Int, columns: Int)

    /// The Gen-1-like default: 1,280 elements in a circle (Starlink Gen-1 teardowns count
    /// about 1,264–1,280 patches on a ~50 cm board; sources in `Boards/README.md`).
    public static let gen1Circular = ApertureShape.circular(elementCount: 1280)

    /// The number of elements the shape holds.
    package var elementCount: Int {
        switch self {
        case .circular(let count): count
        case .grid(let rows, let columns): rows * columns
        }
    }
}
