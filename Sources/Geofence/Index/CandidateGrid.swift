/// A one-degree world grid listing, per cell, the zone parts that may matter to a point in it.
///
/// A part is filed in every cell its box, grown by its zone's buffer plus
/// ``precomputedReachMetres``, overlaps (longitudes wrapped onto the 360 columns). A query
/// whose own reach (uncertainty + hysteresis + reporting horizon) is within that precomputed
/// reach reads one cell and checks each listed part's grown box, instead of walking an R-tree;
/// queries reaching further use the R-tree.
struct CandidateGrid: Sendable {
    static let precomputedReachMetres = 30_000.0
    private static let columns = 360
    private static let rows = 180

    private let cellStarts: [Int32]
    private let cellParts: [Int32]
    /// Each part's box grown by its buffer plus the precomputed reach.
    let grownBoxes: [LonLatBox]

    init(bounds: [LonLatBox], bufferMetres: [Double]) {
        let grown = zip(bounds, bufferMetres).map { $0.grown(byMetres: $1 + Self.precomputedReachMetres) }
        var lists = [[Int32]](repeating: [], count: Self.columns * Self.rows)
        for (part, box) in grown.enumerated() {
            let firstRow = Self.row(box.south)
            let lastRow = Self.row(box.north)
            let westColumn = Int((box.west + 180).rounded(.down))
            let eastColumn = Int((box.east + 180).rounded(.down))
            let span = min(eastColumn - westColumn, Self.columns - 1)
            for row in firstRow...lastRow {
                for step in 0...span {
                    let column = ((westColumn + step) % Self.columns + Self.columns) % Self.columns
                    lists[row * Self.columns + column].append(Int32(part))
                }
            }
        }
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var parts: [Int32] = []
        for list in lists {
            parts.append(contentsOf: list)
            starts.append(Int32(parts.count))
        }
        cellStarts = starts
        cellParts = parts
        grownBoxes = grown
    }

    private static func row(_ latitude: Double) -> Int {
        min(max(Int((latitude + 90).rounded(.down)), 0), rows - 1)
    }

    /// Calls `visit` with each part whose grown box holds the point (longitude in [−180, 180)).
    func forEachCandidate(latitudeDegrees: Double, longitudeDegrees: Double, _ visit: (Int) -> Void) {
        let column = min(max(Int((longitudeDegrees + 180).rounded(.down)), 0), Self.columns - 1)
        let cell = Self.row(latitudeDegrees) * Self.columns + column
        for index in Int(cellStarts[cell])..<Int(cellStarts[cell + 1]) {
            let part = Int(cellParts[index])
            let box = grownBoxes[part]
            guard latitudeDegrees >= box.south, latitudeDegrees <= box.north else { continue }
            if (longitudeDegrees >= box.west && longitudeDegrees <= box.east)
                || (longitudeDegrees + 360 >= box.west && longitudeDegrees + 360 <= box.east)
                || (longitudeDegrees - 360 >= box.west && longitudeDegrees - 360 <= box.east)
            {
                visit(part)
            }
        }
    }
}
