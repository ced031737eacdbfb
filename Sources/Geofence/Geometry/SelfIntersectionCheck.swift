/// Finds two non-adjacent edges of a closed planar ring that cross or touch.
///
/// A sweep along longitude: edges sorted by their western end (O(n log n)); an edge is tested
/// only against the still-open edges whose longitude span reaches it and whose latitude span
/// overlaps. For coastlines the open set stays near √n, so the work is close to O(n log n);
/// a pathological ring (thousands of edges spanning the same longitudes) is cut off after
/// `maximumPairTests` tests and reported as clean, which bounds the time on hostile input.
/// Touching counts (OGC Simple Features forbid self-tangent rings, as GEOS does).
enum SelfIntersectionCheck {
    static let maximumPairTests = 50_000_000

    static func firstCrossing(in ring: [PlanarPoint]) -> (edge: Int, otherEdge: Int, point: PlanarPoint)? {
        let edgeCount = ring.count - 1
        guard edgeCount >= 3 else { return nil }
        let order = (0..<edgeCount).sorted { min(ring[$0].x, ring[$0 + 1].x) < min(ring[$1].x, ring[$1 + 1].x) }
        var open: [Int] = []
        var tests = 0
        for edge in order {
            let a = ring[edge]
            let b = ring[edge + 1]
            let west = min(a.x, b.x)
            let south = min(a.y, b.y)
            let north = max(a.y, b.y)
            open.removeAll { max(ring[$0].x, ring[$0 + 1].x) < west }
            for other in open {
                let c = ring[other]
                let d = ring[other + 1]
                if max(c.y, d.y) < south || min(c.y, d.y) > north { continue }
                if areAdjacent(edge, other, edgeCount: edgeCount) { continue }
                tests += 1
                if tests > maximumPairTests { return nil }
                if segmentsIntersect(a, b, c, d) {
                    return (min(edge, other), max(edge, other), crossingPoint(a, b, c, d))
                }
            }
            open.append(edge)
        }
        return nil
    }

    static func areAdjacent(_ i: Int, _ j: Int, edgeCount: Int) -> Bool {
        let difference = abs(i - j)
        return difference == 1 || difference == edgeCount - 1
    }

    /// Closed-segment intersection by orientation signs (Cormen et al., *Introduction to
    /// Algorithms*, 3rd ed., §33.1).
    static func segmentsIntersect(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint, _ d: PlanarPoint) -> Bool {
        let d1 = orientation(c, d, a)
        let d2 = orientation(c, d, b)
        let d3 = orientation(a, b, c)
        let d4 = orientation(a, b, d)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            return true
        }
        if d1 == 0 && onSegment(c, d, a) { return true }
        if d2 == 0 && onSegment(c, d, b) { return true }
        if d3 == 0 && onSegment(a, b, c) { return true }
        if d4 == 0 && onSegment(a, b, d) { return true }
        return false
    }

    /// Where two intersecting segments meet (for collinear overlaps, an end inside the other).
    static func crossingPoint(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint, _ d: PlanarPoint) -> PlanarPoint {
        let denominator = (b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x)
        if denominator != 0 {
            let t = ((c.x - a.x) * (d.y - c.y) - (c.y - a.y) * (d.x - c.x)) / denominator
            return PlanarPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
        }
        for candidate in [c, d] where onSegment(a, b, candidate) { return candidate }
        return a
    }

    static func orientation(_ p: PlanarPoint, _ q: PlanarPoint, _ r: PlanarPoint) -> Double {
        (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
    }

    static func onSegment(_ p: PlanarPoint, _ q: PlanarPoint, _ r: PlanarPoint) -> Bool {
        r.x >= min(p.x, q.x) && r.x <= max(p.x, q.x) && r.y >= min(p.y, q.y) && r.y <= max(p.y, q.y)
    }
}
