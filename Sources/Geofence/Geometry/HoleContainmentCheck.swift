/// Checks that a polygon's holes lie inside its exterior ring, as RFC 7946 §3.1.6 requires:
/// a hole outside the exterior (or crossing it) would otherwise be read as a second piece of
/// the zone, or cut a piece out of nothing, silently.
///
/// Planar, in unwrapped longitude and latitude (as ``RingPreparation`` lays rings out); each
/// hole is first moved by whole turns of longitude to the exterior's side of the antimeridian.
/// Edges that only touch do not count as crossing (OGC allows a hole to touch the exterior at
/// a point). Bounded like ``SelfIntersectionCheck``: past `maximumPairTests` the crossing test
/// stops and reports none.
enum HoleContainmentCheck {
    static let maximumPairTests = 20_000_000

    static func problem(exterior: [PlanarPoint], hole rawHole: [PlanarPoint]) -> GeometryProblem? {
        guard exterior.count >= 4, rawHole.count >= 4 else { return nil }
        let xs = exterior.map(\.x)
        let centre = ((xs.min() ?? 0) + (xs.max() ?? 0)) / 2
        let turns = ((centre - rawHole[0].x) / 360).rounded()
        let hole = rawHole.map { PlanarPoint(x: $0.x + turns * 360, y: $0.y) }
        var tests = 0
        for h in 0..<(hole.count - 1) {
            let a = hole[h], b = hole[h + 1]
            for e in 0..<(exterior.count - 1) {
                let c = exterior[e], d = exterior[e + 1]
                if max(a.x, b.x) < min(c.x, d.x) || min(a.x, b.x) > max(c.x, d.x)
                    || max(a.y, b.y) < min(c.y, d.y) || min(a.y, b.y) > max(c.y, d.y)
                {
                    continue
                }
                tests += 1
                if tests > maximumPairTests { return nil }
                if properlyCross(a, b, c, d) { return .holeCrossesExterior(holeEdge: h, exteriorEdge: e) }
            }
        }
        // No crossing: the hole is wholly inside or wholly outside; one vertex off the
        // exterior's boundary tells which.
        for vertex in hole.dropLast() {
            switch location(of: vertex, in: exterior) {
            case .inside: return nil
            case .outside: return .holeOutsideExterior
            case .boundary: continue
            }
        }
        return nil
    }

    enum Location { case inside, outside, boundary }

    /// Even-odd ray casting, with points on an edge reported as such.
    static func location(of point: PlanarPoint, in ring: [PlanarPoint]) -> Location {
        var inside = false
        for index in 0..<(ring.count - 1) {
            let a = ring[index], b = ring[index + 1]
            if orientation(a, b, point) == 0, min(a.x, b.x) <= point.x, point.x <= max(a.x, b.x),
                min(a.y, b.y) <= point.y, point.y <= max(a.y, b.y)
            {
                return .boundary
            }
            if (a.y > point.y) != (b.y > point.y) {
                let x = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x)
                if point.x < x { inside.toggle() }
            }
        }
        return inside ? .inside : .outside
    }

    /// The open segments cross at one point interior to both.
    static func properlyCross(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint, _ d: PlanarPoint) -> Bool {
        let o1 = orientation(a, b, c), o2 = orientation(a, b, d)
        let o3 = orientation(c, d, a), o4 = orientation(c, d, b)
        return o1 * o2 < 0 && o3 * o4 < 0
    }

    static func orientation(_ a: PlanarPoint, _ b: PlanarPoint, _ c: PlanarPoint) -> Int {
        let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        return cross > 0 ? 1 : (cross < 0 ? -1 : 0)
    }
}
