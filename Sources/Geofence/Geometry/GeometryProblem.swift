/// What is wrong with a piece of zone geometry.
package enum GeometryProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// A ring has fewer than four positions (or fewer than three distinct corners after
    /// repeated positions are dropped), or a line has none.
    case tooFewPositions(count: Int, minimum: Int)
    /// A ring's last position is not its first (RFC 7946 §3.1.6 requires closed rings).
    case ringNotClosed(first: GeodeticCoordinate, last: GeodeticCoordinate)
    /// A position is NaN, infinite, or outside |latitude| ≤ 90°, |longitude| ≤ 180°.
    case invalidCoordinate(vertex: Int, coordinate: GeodeticCoordinate)
    /// Two non-adjacent edges of one ring cross or touch.
    case selfIntersection(edge: Int, otherEdge: Int, near: GeodeticCoordinate)
    /// After unwrapping longitude jumps the ring does not close: it goes round the Earth
    /// (around a pole). Split it at the antimeridian, as Natural Earth does.
    case encirclesPole
    /// A distance (buffer, radius) is negative or not finite.
    case invalidDistance(metres: Double)
    /// The geometry has no polygon, line or point at all.
    case empty
    /// A selection of GeoJSON features chose nothing.
    case noFeatureMatches(selector: String)
    /// A hole lies outside its polygon's exterior ring (RFC 7946 §3.1.6: holes are inside).
    case holeOutsideExterior
    /// A hole's edge crosses the exterior ring.
    case holeCrossesExterior(holeEdge: Int, exteriorEdge: Int)
    /// A zone without area: its selected features are only points or lines and it has no
    /// buffer, so no position could ever be inside it.
    case noArea(feature: Int, name: String?, type: String)

    /// A sentence naming the problem and the numbers involved.
    package var description: String {
        switch self {
        case .tooFewPositions(let count, let minimum):
            return "has \(count) positions, at least \(minimum) are needed"
        case .ringNotClosed(let first, let last):
            return "ring is not closed: first position \(first) differs from last \(last)"
        case .invalidCoordinate(let vertex, let coordinate):
            return "position \(vertex) is not a valid coordinate: latitude \(coordinate.latitudeDegrees), "
                + "longitude \(coordinate.longitudeDegrees)"
        case .selfIntersection(let edge, let otherEdge, let near):
            return "ring intersects itself: edges \(edge) and \(otherEdge) cross near \(near)"
        case .encirclesPole:
            return "ring goes round the Earth (encircles a pole); split it at the antimeridian"
        case .invalidDistance(let metres):
            return "distance \(metres) m is negative or not finite"
        case .empty:
            return "geometry is empty"
        case .noFeatureMatches(let selector):
            return "no feature matches \(selector)"
        case .holeOutsideExterior:
            return "hole lies outside its polygon's exterior ring (holes must be inside it)"
        case .holeCrossesExterior(let holeEdge, let exteriorEdge):
            return "hole crosses its polygon's exterior ring: hole edge \(holeEdge) crosses exterior edge \(exteriorEdge)"
        case .noArea(let feature, let name, let type):
            let named = name.map { " \"\($0)\"" } ?? ""
            return "feature \(feature)\(named) is a \(type), which has no area: give the zone a buffer (buffer_nm or "
                + "buffer_m, the radius around it), or use circle: { lat_deg, lon_deg, radius_m } for a point"
        }
    }
}

/// Where in a geometry a problem was found: polygon, ring (0 = exterior) and line indices.
package struct GeometryLocation: Sendable, Equatable, CustomStringConvertible {
    /// Index of the polygon in a MultiPolygon (or 0 for a Polygon).
    package var polygon: Int?
    /// Index of the ring in its polygon: 0 is the exterior, 1… the holes.
    package var ring: Int?
    /// Index of the line in a MultiLineString, or of a point.
    package var line: Int?

    /// Creates a location; nil parts are left out of the description.
    package init(polygon: Int? = nil, ring: Int? = nil, line: Int? = nil) {
        self.polygon = polygon
        self.ring = ring
        self.line = line
    }

    /// E.g. `polygon 3 ring 1 (hole)`.
    package var description: String {
        var parts: [String] = []
        if let polygon { parts.append("polygon \(polygon)") }
        if let ring { parts.append(ring == 0 ? "ring 0 (exterior)" : "ring \(ring) (hole)") }
        if let line { parts.append("line \(line)") }
        return parts.joined(separator: " ")
    }
}
