/// Point-in-polygon by even–odd ray casting, with the edges bucketed into latitude bands.
///
/// A ray from the point towards the east crosses only edges whose latitude span holds the
/// point's latitude, so the edges are filed in horizontal bands (an edge in every band its span
/// touches) and, within a band, sorted by their eastern end, largest first: the scan stops at
/// the first edge that ends west of the point. The test per edge is the classic crossing rule
/// (W. R. Franklin, PNPOLY, 1970s; J. O'Rourke, *Computational Geometry in C*, 2nd ed., §7.4):
/// the edge counts when exactly one end lies strictly north of the point and the crossing is
/// strictly east of it, which treats vertices on the ray consistently. The rings live in the
/// planar longitude/latitude frame (edges straight in degrees, RFC 7946); a query longitude is
/// shifted by ±360° into the frame of an unwrapped ring. Points exactly on an edge may fall
/// either way, which the boundary margin makes irrelevant.
struct LatitudeBandIndex: Sendable {
    struct Edge: Sendable {
        var ax: Double
        var ay: Double
        var bx: Double
        var by: Double
        var eastX: Double
    }

    let bounds: LonLatBox
    private let bandHeightDegrees: Double
    private let bandCount: Int
    private let bandStarts: [Int32]
    private let edges: [Edge]

    init(rings: [[PlanarPoint]]) {
        var all: [Edge] = []
        var latitudeSpanSum = 0.0
        for ring in rings {
            for index in 0..<max(ring.count - 1, 0) {
                let a = ring[index]
                let b = ring[index + 1]
                if a.y == b.y { continue }
                all.append(Edge(ax: a.x, ay: a.y, bx: b.x, by: b.y, eastX: max(a.x, b.x)))
                latitudeSpanSum += abs(b.y - a.y)
            }
        }
        bounds = LonLatBox(enclosing: rings.flatMap { $0 })
        let latitudeRange = bounds.north - bounds.south
        guard !all.isEmpty, latitudeRange > 0 else {
            bandHeightDegrees = 1
            bandCount = 0
            bandStarts = [0]
            edges = []
            return
        }
        // A band about as tall as the mean edge puts each edge in about two bands.
        let meanSpan = latitudeSpanSum / Double(all.count)
        let height = max(meanSpan, latitudeRange / 262_144)
        let count = max(1, min(Int((latitudeRange / height).rounded(.up)), 262_144))
        bandHeightDegrees = latitudeRange / Double(count)
        bandCount = count
        let south = bounds.south
        let heightDegrees = bandHeightDegrees
        func band(_ y: Double) -> Int { min(max(Int((y - south) / heightDegrees), 0), count - 1) }
        var counts = [Int32](repeating: 0, count: count + 1)
        for edge in all {
            for b in band(min(edge.ay, edge.by))...band(max(edge.ay, edge.by)) { counts[b + 1] += 1 }
        }
        for b in 0..<count { counts[b + 1] += counts[b] }
        var fill = counts
        var filed = [Edge](repeating: Edge(ax: 0, ay: 0, bx: 0, by: 0, eastX: 0), count: Int(counts[count]))
        for edge in all {
            for b in band(min(edge.ay, edge.by))...band(max(edge.ay, edge.by)) {
                filed[Int(fill[b])] = edge
                fill[b] += 1
            }
        }
        for b in 0..<count {
            filed[Int(counts[b])..<Int(counts[b + 1])].sort { $0.eastX > $1.eastX }
        }
        bandStarts = counts
        edges = filed
    }

    /// Even–odd containment of a point (longitude in [−180, 180]).
    func contains(latitudeDegrees y: Double, longitudeDegrees longitude: Double) -> Bool {
        guard bandCount > 0, y >= bounds.south, y <= bounds.north else { return false }
        var x = longitude
        if x < bounds.west { x += 360 } else if x > bounds.east { x -= 360 }
        guard x >= bounds.west, x <= bounds.east else { return false }
        let band = min(max(Int((y - bounds.south) / bandHeightDegrees), 0), bandCount - 1)
        var inside = false
        return edges.withUnsafeBufferPointer { buffer in
            for index in Int(bandStarts[band])..<Int(bandStarts[band + 1]) {
                let edge = buffer[index]
                if edge.eastX <= x { break }
                if (edge.ay > y) != (edge.by > y) {
                    let crossingX = edge.ax + (y - edge.ay) * (edge.bx - edge.ax) / (edge.by - edge.ay)
                    if x < crossingX { inside.toggle() }
                }
            }
            return inside
        }
    }
}
