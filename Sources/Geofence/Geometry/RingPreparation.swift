/// Checks a ring and brings it into the planar longitude/latitude frame used for containment.
///
/// Steps, each failing with a ``GeometryProblem``: at least four positions; every position
/// valid; closed; repeated consecutive positions dropped (at least three corners must remain);
/// longitude jumps of more than 180° between consecutive positions unwrapped by ±360° (a ring
/// written across the antimeridian as 179° → −179°), except steps between two positions that
/// both lie on ±180° (Natural Earth's cut lines along the antimeridian and round the pole,
/// which are real edges of the split polygon); the unwrapped ring must close again, otherwise
/// it encircles a pole; optionally no self-intersection (``SelfIntersectionCheck``).
enum RingPreparation {
    static func planarRing(
        _ ring: [GeodeticCoordinate], checkSelfIntersection: Bool
    ) throws(GeometryProblem) -> [PlanarPoint] {
        guard ring.count >= 4 else { throw .tooFewPositions(count: ring.count, minimum: 4) }
        for (index, coordinate) in ring.enumerated() where !coordinate.isValid {
            throw .invalidCoordinate(vertex: index, coordinate: coordinate)
        }
        guard let first = ring.first, let last = ring.last, first == last else {
            throw .ringNotClosed(first: ring[0], last: ring[ring.count - 1])
        }
        let points = unwrapped(ring)
        guard points.count >= 4 else { throw .tooFewPositions(count: points.count, minimum: 4) }
        if let closing = points.last, abs(closing.x - points[0].x) > 1e-9 { throw .encirclesPole }
        if checkSelfIntersection, let crossing = SelfIntersectionCheck.firstCrossing(in: points) {
            let near = crossing.point
            throw .selfIntersection(
                edge: crossing.edge, otherEdge: crossing.otherEdge,
                near: GeodeticCoordinate(
                    latitudeDegrees: near.y, longitudeDegrees: GeodeticCoordinate.wrapLongitudeDegrees(near.x)))
        }
        return points
    }

    /// The positions with repeated neighbours dropped and longitude jumps unwrapped; the last
    /// position of a closed ring stays (possibly shifted by 360° if the ring goes round).
    static func unwrapped(_ coordinates: [GeodeticCoordinate]) -> [PlanarPoint] {
        var points: [PlanarPoint] = []
        points.reserveCapacity(coordinates.count)
        var shift = 0.0
        var previous: GeodeticCoordinate?
        for coordinate in coordinates {
            if let previous {
                if previous == coordinate { continue }
                let step = coordinate.longitudeDegrees - previous.longitudeDegrees
                let alongCut = abs(coordinate.longitudeDegrees) == 180 && abs(previous.longitudeDegrees) == 180
                if abs(step) > 180 && !alongCut { shift -= step > 0 ? 360 : -360 }
            }
            points.append(PlanarPoint(x: coordinate.longitudeDegrees + shift, y: coordinate.latitudeDegrees))
            previous = coordinate
        }
        return points
    }

    /// Shifts a hole by a multiple of 360° so that it lies over its exterior ring.
    static func aligned(hole: [PlanarPoint], withExterior exterior: [PlanarPoint]) -> [PlanarPoint] {
        guard let holeX = hole.first?.x, let exteriorMin = exterior.map(\.x).min(),
            let exteriorMax = exterior.map(\.x).max()
        else { return hole }
        let centre = (exteriorMin + exteriorMax) / 2
        let turns = ((centre - holeX) / 360).rounded()
        if turns == 0 { return hole }
        return hole.map { PlanarPoint(x: $0.x + turns * 360, y: $0.y) }
    }
}
