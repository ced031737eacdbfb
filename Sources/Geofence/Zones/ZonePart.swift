/// One independently indexed piece of a zone: a polygon with its holes, a piece of a line, or
/// a point. Immutable and shared between copies of a policy.
final class ZonePart: Sendable {
    /// Containment structure; nil for lines and points (they have no inside).
    let area: LatitudeBandIndex?
    /// Shortcut for points far from every edge (large polygons only).
    let grid: PartCellGrid?
    /// Boundary (or line) distance structure.
    let boundary: BoundaryDistanceIndex
    /// Longitude/latitude box of the geometry, before any buffer.
    let bounds: LonLatBox

    init(area: LatitudeBandIndex?, grid: PartCellGrid? = nil, boundary: BoundaryDistanceIndex, bounds: LonLatBox) {
        self.area = area
        self.grid = grid
        self.boundary = boundary
        self.bounds = bounds
    }

    /// Signed distance of the query point from this part's boundary, metres: negative inside
    /// the polygon, positive outside (always positive for lines and points); ±infinity when no
    /// boundary lies within `searchRadiusMetres` (so that "not found" can never equal a
    /// threshold).
    func signedDistanceMetres(at query: QueryPoint, searchRadiusMetres radius: Double) -> Double {
        let latitude = query.coordinate.latitudeDegrees
        var longitude = query.coordinate.longitudeDegrees
        if longitude < bounds.west { longitude += 360 } else if longitude > bounds.east { longitude -= 360 }
        let inside: Bool
        if longitude < bounds.west || longitude > bounds.east || latitude < bounds.south || latitude > bounds.north {
            inside = false
        } else if let grid, let cell = grid.lookup(x: longitude, y: latitude) {
            if cell.clearanceMetres >= radius { return cell.inside ? -.infinity : .infinity }
            inside = cell.inside
        } else {
            inside = area?.contains(latitudeDegrees: latitude, longitudeDegrees: query.coordinate.longitudeDegrees) ?? false
        }
        // A chord is never longer than its arc, so searching chords up to `radius` finds every
        // boundary point within `radius` along the surface.
        let limitSquared = radius * radius
        let squared = boundary.nearestSquaredChord(to: query.earthCentred, limitSquared: limitSquared)
        var distance = Double.infinity
        if squared < limitSquared {
            let arc = ChordToArc.arcMetres(chordMetres: squared.squareRoot(), radiusMetres: query.radiusMetres)
            if arc <= radius { distance = arc }
        }
        return inside ? -distance : distance
    }
}

/// A query position prepared once per decision: normalised coordinate, Earth-centred point and
/// the Gaussian radius used to turn chords into arcs.
struct QueryPoint: Sendable {
    let coordinate: GeodeticCoordinate
    let earthCentred: EarthCentredPoint
    let radiusMetres: Double

    init(_ coordinate: GeodeticCoordinate) {
        let normalised = coordinate.normalised
        self.coordinate = normalised
        earthCentred = WGS84Ellipsoid.earthCentred(normalised)
        radiusMetres = WGS84Ellipsoid.gaussianRadiusMetres(latitudeDegrees: normalised.latitudeDegrees)
    }
}
