/// Nearest-boundary distance over polylines held as Earth-centred vertices.
///
/// Each polyline (a ring's boundary runs, a coastline piece, or a single point) is cut into
/// chunks of up to eight consecutive edges; an STR-packed ``PackedRTree`` over the chunks'
/// Earth-centred boxes answers "nearest edge within r" by depth-first branch and bound: a node
/// is opened only while the squared distance to its box is below the best found so far.
///
/// Distances are chords between Earth-centred points (the straight line through the Earth),
/// which avoids every antimeridian and pole special case. The edge between two stored vertices
/// is the straight chord; the polylines are densified when built (``ZonePartBuilder``) so that
/// the chord sags below the surface by at most L²/(8R) (0.5 m for L = 5 km) and follows the
/// longitude/latitude-straight edge of the source data to within L² tan φ / (8R).
struct BoundaryDistanceIndex: Sendable {
    private let vertices: [EarthCentredPoint]
    private let chunkFirstVertex: [Int32]
    private let chunkVertexCount: [Int32]
    private let tree: PackedRTree<CartesianBox>

    static let edgesPerChunk = 8

    /// - Parameter polylines: each entry one run of vertices (one vertex = a point).
    init(polylines: [[EarthCentredPoint]]) {
        var vertices: [EarthCentredPoint] = []
        var firsts: [Int32] = []
        var counts: [Int32] = []
        var boxes: [CartesianBox] = []
        for line in polylines where !line.isEmpty {
            let base = vertices.count
            vertices.append(contentsOf: line)
            let edgeCount = max(line.count - 1, 0)
            var start = 0
            repeat {
                let end = min(start + Self.edgesPerChunk, edgeCount)
                var box = CartesianBox(line[start])
                for index in start...end { box.include(line[index]) }
                firsts.append(Int32(base + start))
                counts.append(Int32(end - start + 1))
                boxes.append(box)
                start = end
            } while start < edgeCount
        }
        self.vertices = vertices
        chunkFirstVertex = firsts
        chunkVertexCount = counts
        tree = PackedRTree(boxes: boxes)
    }

    var isEmpty: Bool { tree.count == 0 }

    /// The smallest squared chord distance from `point` to the polylines, or
    /// `limitSquared` when nothing is nearer than that.
    func nearestSquaredChord(to point: EarthCentredPoint, limitSquared: Double) -> Double {
        vertices.withUnsafeBufferPointer { vertex in
            tree.nearestSquaredDistance(to: point, limitSquared: limitSquared) { chunk, bound in
                let first = Int(chunkFirstVertex[Int(chunk)])
                let count = Int(chunkVertexCount[Int(chunk)])
                if count == 1 { return (vertex[first] - point).lengthSquared }
                var best = bound
                for index in first..<first + count - 1 {
                    let squared = vertex[index].squaredDistance(ofSegmentTo: vertex[index + 1], from: point)
                    if squared < best { best = squared }
                }
                return best
            }
        }
    }
}
