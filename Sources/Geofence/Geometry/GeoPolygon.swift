/// A polygon as GeoJSON draws it: one exterior ring and zero or more holes, each a closed
/// ring (first position repeated as the last, at least four positions; RFC 7946 §3.1.6).
///
/// Edges are straight lines in longitude/latitude (RFC 7946 §3.1.1), the way Natural Earth
/// and every GIS draws them; Geofence keeps that meaning for containment and for distances.
/// Orientation is not required: containment uses the even–odd rule.
public struct GeoPolygon: Sendable, Equatable, Codable {
    /// The outer ring, closed.
    public var exterior: [GeodeticCoordinate]
    /// Holes (e.g. Lesotho inside South Africa), each closed.
    package var holes: [[GeodeticCoordinate]]

    /// Creates a polygon from closed rings; validation happens when a ``Zone`` is built.
    package init(exterior: [GeodeticCoordinate], holes: [[GeodeticCoordinate]] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// Exterior first, then the holes.
    package var rings: [[GeodeticCoordinate]] { [exterior] + holes }
}

/// An open line, such as a stretch of coastline (a GeoJSON LineString), at least two positions;
/// a single position stands for a point (the centre of a circular zone).
public struct GeoPolyline: Sendable, Equatable, Codable {
    /// Vertices in order.
    package var vertices: [GeodeticCoordinate]

    /// Creates a polyline.
    package init(vertices: [GeodeticCoordinate]) {
        self.vertices = vertices
    }
}

/// A longitude/latitude pair in degrees after antimeridian unwrapping: `x` may leave
/// [−180, 180] so that consecutive vertices never differ by more than 180°.
struct PlanarPoint: Sendable, Equatable {
    var x: Double
    var y: Double
}
