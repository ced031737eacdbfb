import RealModule

/// Positions of the elements in the array plane, and the order they are numbered in.
///
/// Element order (the order of phase codes everywhere in `Beam`): row-major, rows from the
/// −y edge to the +y edge, and within a row from −x to +x. Seen from the front of the array
/// (from the sky, looking down the boresight), with +x to the right and +y up, element 0 is
/// the bottom-left and the last element the top-right. Positions are relative to the
/// centroid of the elements, so the phase reference is the centre of the aperture.
enum ElementLayout {
    /// One lattice site: row index `row`, column index `column`.
    private struct Site {
        var row: Int
        var column: Int
        /// 4·|r|²/d², an integer for both lattices, so rings tie exactly.
        var scaledRadiusSquared: Int
        var angleRadians: Double
    }

    /// Element positions in metres, in element order, centred on their centroid.
    static func positionsMetres(
        lattice: ArrayLattice, shape: ApertureShape, spacingMetres: Double
    ) -> [SIMD2<Double>] {
        let sites: [Site]
        switch shape {
        case .grid(let rows, let columns):
            sites = (0..<rows).flatMap { row in
                (0..<columns).map { Site(row: row, column: $0, scaledRadiusSquared: 0, angleRadians: 0) }
            }
        case .circular(let count):
            sites = nearestSites(count: count, lattice: lattice)
        }
        let ordered = sites.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        let raw = ordered.map { site in
            position(row: site.row, column: site.column, lattice: lattice, spacingMetres: spacingMetres)
        }
        guard !raw.isEmpty else { return [] }
        let centroid = raw.reduce(SIMD2<Double>(0, 0), +) / Double(raw.count)
        return raw.map { $0 - centroid }
    }

    /// The site's position before centring, metres.
    private static func position(row: Int, column: Int, lattice: ArrayLattice, spacingMetres: Double) -> SIMD2<Double> {
        let rowPitch = lattice.rowPitchMetres(spacingMetres: spacingMetres)
        switch lattice {
        case .rectangular:
            return SIMD2(Double(column) * spacingMetres, Double(row) * rowPitch)
        case .triangular:
            let shift = (row & 1) == 1 ? spacingMetres / 2 : 0
            return SIMD2(Double(column) * spacingMetres + shift, Double(row) * rowPitch)
        }
    }

    /// The `count` sites nearest the aperture centre, ties broken by angle from +x.
    private static func nearestSites(count: Int, lattice: ArrayLattice) -> [Site] {
        guard count > 0 else { return [] }
        // Radius, in spacings, of a circle holding `count` cells, plus a margin of rings.
        let cellArea = lattice.cellAreaSquareMetres(spacingMetres: 1)
        let radius = (Double(count) * cellArea / Double.pi).squareRoot()
        let reach = Int((radius / lattice.rowPitchMetres(spacingMetres: 1)).rounded(.up)) + 3
        var candidates: [Site] = []
        candidates.reserveCapacity((2 * reach + 1) * (2 * reach + 1))
        for row in -reach...reach {
            for column in -reach...reach {
                // Doubled coordinates: x in half-spacings, y in half row pitches (square) or
                // rows (triangular), chosen so the squared radius is an exact integer.
                let twiceX: Int
                let scaled: Int
                switch lattice {
                case .rectangular:
                    // Centred between four sites: coordinates (column + ½, row + ½)·d.
                    twiceX = 2 * column + 1
                    scaled = twiceX * twiceX + (2 * row + 1) * (2 * row + 1)
                case .triangular:
                    // Centred on a site: x = (2·column + (row odd))·d/2, y = row·d·√3/2.
                    twiceX = 2 * column + (row & 1)
                    scaled = twiceX * twiceX + 3 * row * row
                }
                let y = lattice == .rectangular ? Double(2 * row + 1) : Double(row) * 3.0.squareRoot()
                var angle = Double.atan2(y: y, x: Double(twiceX))
                if angle < 0 { angle += 2 * Double.pi }
                candidates.append(Site(row: row, column: column, scaledRadiusSquared: scaled, angleRadians: angle))
            }
        }
        candidates.sort {
            ($0.scaledRadiusSquared, $0.angleRadians, $0.row, $0.column)
                < ($1.scaledRadiusSquared, $1.angleRadians, $1.row, $1.column)
        }
        return Array(candidates.prefix(count))
    }
}
