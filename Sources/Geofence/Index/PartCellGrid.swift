import Foundation

/// A coarse grid over a polygon's box that answers most queries without touching an edge.
///
/// Cells that some edge's box overlaps are *mixed*; every other cell lies wholly inside or
/// wholly outside (no edge passes through it), classified once by testing its centre. Each pure
/// cell also stores a *clearance*: a lower bound on the surface distance from any point in it
/// to any edge. From the chessboard distance k (in cells) to the nearest mixed cell, computed
/// by the two-pass distance transform (A. Rosenfeld, J. L. Pfaltz, "Sequential operations in
/// digital picture processing", *J. ACM* 13, 1966), a path to an edge crosses at least k − 1
/// whole columns or rows; a column of width Δλ costs at least a·cos φ*·Δλ (parallel radius,
/// N ≥ a, φ* the highest latitude the path can reach) and a row of height Δφ at least
/// a(1 − e²)·Δφ. Clearances are capped at ``clearanceCapMetres`` so that φ* is the row's
/// extreme latitude plus the cap (a path over a pole then gets cos φ* = 0). A grid wider than
/// 180° treats its first and last columns as mixed, since a path across ±180° joins them.
struct PartCellGrid: Sendable {
    static let maximumCells = 65_536
    /// Cells per polygon vertex: enough that most cells are pure, small for small islands.
    static let cellsPerVertex = 8
    static let clearanceCapMetres = 200_000.0

    private let bounds: LonLatBox
    private let columns: Int
    private let rows: Int
    private let cellDegrees: Double
    /// Per cell: 1 + clearance (metres, rounded down) for an inside cell, −(1 + clearance) for
    /// an outside cell, 0 for a mixed cell.
    private let cells: [Float]

    init?(rings: [[PlanarPoint]], bounds: LonLatBox, area: LatitudeBandIndex) {
        let width = bounds.east - bounds.west
        let height = bounds.north - bounds.south
        guard width > 0, height > 0 else { return nil }
        let vertices = rings.reduce(0) { $0 + $1.count }
        let budget = min(Self.maximumCells, max(64, Self.cellsPerVertex * vertices))
        let size = max((width * height / Double(budget)).squareRoot(), 0.02)
        let columns = max(1, min(Int((width / size).rounded(.up)), budget))
        let rows = max(1, min(Int((height / size).rounded(.up)), budget / columns))
        guard columns * rows >= 4 else { return nil }
        let cellDegrees = max(width / Double(columns), height / Double(rows))
        self.bounds = bounds
        self.columns = columns
        self.rows = rows
        self.cellDegrees = cellDegrees
        func column(_ x: Double) -> Int { min(max(Int((x - bounds.west) / cellDegrees), 0), columns - 1) }
        func row(_ y: Double) -> Int { min(max(Int((y - bounds.south) / cellDegrees), 0), rows - 1) }
        var steps = [Int32](repeating: Int32.max / 2, count: columns * rows)
        for ring in rings {
            for index in 0..<max(ring.count - 1, 0) {
                let a = ring[index]
                let b = ring[index + 1]
                for r in row(min(a.y, b.y))...row(max(a.y, b.y)) {
                    for c in column(min(a.x, b.x))...column(max(a.x, b.x)) { steps[r * columns + c] = 0 }
                }
            }
        }
        // A path can leave a wide grid westward and come back from the east (the columns
        // are not adjacent in the grid but are across ±180°): the border columns count as
        // mixed, so no clearance reaches past them.
        if width > 180 {
            for r in 0..<rows {
                steps[r * columns] = 0
                for c in column(bounds.east)..<columns { steps[r * columns + c] = 0 }
            }
        }
        Self.chessboardTransform(&steps, columns: columns, rows: rows)
        var cells = [Float](repeating: 0, count: columns * rows)
        let capDegrees = Self.clearanceCapMetres / WGS84Ellipsoid.smallestMeridionalRadiusMetres * radiansToDegrees
        for r in 0..<rows {
            let south = bounds.south + Double(r) * cellDegrees
            let polar = min(max(abs(south), abs(south + cellDegrees)) + capDegrees, 90)
            let columnMetres =
                WGS84Ellipsoid.semiMajorAxisMetres * cos(polar * degreesToRadians) * cellDegrees
                * degreesToRadians
            let rowMetres = WGS84Ellipsoid.smallestMeridionalRadiusMetres * cellDegrees * degreesToRadians
            let stepMetres = max(min(columnMetres, rowMetres), 0)
            for c in 0..<columns where steps[r * columns + c] > 0 {
                let clearance = min(Double(steps[r * columns + c] - 1) * stepMetres, Self.clearanceCapMetres)
                let inside = area.contains(
                    latitudeDegrees: south + cellDegrees / 2,
                    longitudeDegrees: bounds.west + (Double(c) + 0.5) * cellDegrees)
                let encoded = Float(1 + clearance).nextDown
                cells[r * columns + c] = inside ? encoded : -encoded
            }
        }
        self.cells = cells
    }

    /// For a point in a pure cell: whether it is inside and a lower bound of its distance to
    /// any edge, metres. Nil for mixed cells and points off the grid. `x` must already be in the
    /// grid's longitude frame.
    func lookup(x: Double, y: Double) -> (inside: Bool, clearanceMetres: Double)? {
        guard x >= bounds.west, x < bounds.east, y >= bounds.south, y < bounds.north else { return nil }
        let c = min(Int((x - bounds.west) / cellDegrees), columns - 1)
        let r = min(Int((y - bounds.south) / cellDegrees), rows - 1)
        let value = cells[r * columns + c]
        if value == 0 { return nil }
        return (value > 0, max(Double(abs(value)) - 1, 0))
    }

    private static func chessboardTransform(_ d: inout [Int32], columns: Int, rows: Int) {
        for r in 0..<rows {
            for c in 0..<columns {
                var best = d[r * columns + c]
                if c > 0 { best = min(best, d[r * columns + c - 1] + 1) }
                if r > 0 {
                    for dc in -1...1 where c + dc >= 0 && c + dc < columns { best = min(best, d[(r - 1) * columns + c + dc] + 1) }
                }
                d[r * columns + c] = best
            }
        }
        for r in stride(from: rows - 1, through: 0, by: -1) {
            for c in stride(from: columns - 1, through: 0, by: -1) {
                var best = d[r * columns + c]
                if c < columns - 1 { best = min(best, d[r * columns + c + 1] + 1) }
                if r < rows - 1 {
                    for dc in -1...1 where c + dc >= 0 && c + dc < columns { best = min(best, d[(r + 1) * columns + c + dc] + 1) }
                }
                d[r * columns + c] = best
            }
        }
    }
}
