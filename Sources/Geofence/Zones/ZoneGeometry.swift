/// The shape of a zone: polygons, plus everything within `bufferMetres` of the polygons and of
/// some lines or points.
///
/// The zone is P ∪ { x : d(x, ∂P ∪ L) ≤ b }, with P the union of the polygons, ∂P their
/// boundaries, L the lines (a line of one vertex is a point) and b the buffer. So
/// - polygons alone, buffer 0: a country, a licensed area;
/// - polygons, buffer 12 nm: a country with its territorial sea in one line of policy (the
///   buffer also reaches 12 nm across land borders into neighbours, the conservative side for
///   a restriction);
/// - polygons plus coastline lines, buffer 12 nm: the same measured from a finer coastline;
/// - one point, buffer r: a circle of radius r.
package struct ZoneGeometry: Sendable, Equatable, Codable {
    /// Areas (even–odd within each polygon; polygons are united).
    package var polygons: [GeoPolygon]
    /// Lines (coastlines) or single points (circle centres), used only for the buffer.
    package var lines: [GeoPolyline]
    /// Buffer distance b around the polygons' boundaries and the lines, metres (≥ 0).
    package var bufferMetres: Double

    /// Creates a geometry; it is checked when the ``Zone`` is built.
    package init(polygons: [GeoPolygon] = [], lines: [GeoPolyline] = [], bufferMetres: Double = 0) {
        self.polygons = polygons
        self.lines = lines
        self.bufferMetres = bufferMetres
    }

    /// A circle: every point within `radiusMetres` (geodesic distance) of `centre`.
    package static func circle(centre: GeodeticCoordinate, radiusMetres: Double) -> ZoneGeometry {
        ZoneGeometry(lines: [GeoPolyline(vertices: [centre])], bufferMetres: radiusMetres)
    }

    /// Polygons grown by a distance given in nautical miles (1 nm = 1 852 m); with 12 nm this
    /// is a state's land plus its territorial sea (UNCLOS art. 3).
    package static func polygons(_ polygons: [GeoPolygon], bufferNauticalMiles: Double) -> ZoneGeometry {
        ZoneGeometry(polygons: polygons, bufferMetres: MaritimeDistance.metres(nauticalMiles: bufferNauticalMiles))
    }
}

/// How zone geometry is turned into its indexes.
public struct ZoneBuildOptions: Sendable, Equatable {
    /// Longest boundary edge L kept for distance computations, metres (shortened to L/√tan φ
    /// above 45°). Longer edges are split along their longitude/latitude-straight line, so
    /// distances follow the source's edges to within L²/(8R), 0.5 m for 5 km.
    package var maximumEdgeLengthMetres: Double
    /// Whether rings are checked for self-intersections (O(n log n) sweep). Files loaded with
    /// ``GeoJSONDocument`` have been checked already.
    package var checksSelfIntersections: Bool
    /// Lines are cut into pieces of at most this many edges, each indexed on its own, so that a
    /// continent-long coastline does not become a candidate for every query.
    package var maximumEdgesPerLinePiece: Int
    /// Whether large polygons get a cell grid that answers most queries without touching an
    /// edge (up to 65 536 cells, 4 bytes each, per polygon). Results are identical either way;
    /// only speed and memory differ.
    package var buildsCellGrids: Bool

    /// Defaults: 5 km edges, self-intersection check on, 512-edge line pieces, cell grids.
    public init(
        maximumEdgeLengthMetres: Double = 5_000, checksSelfIntersections: Bool = true,
        maximumEdgesPerLinePiece: Int = 512, buildsCellGrids: Bool = true
    ) {
        self.maximumEdgeLengthMetres = maximumEdgeLengthMetres
        self.checksSelfIntersections = checksSelfIntersections
        self.maximumEdgesPerLinePiece = maximumEdgesPerLinePiece
        self.buildsCellGrids = buildsCellGrids
    }
}

/// A zone could not be built: which zone, where in its geometry, and what is wrong.
public struct ZoneError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Name of the zone being built.
    package var zoneName: String
    /// Polygon/ring/line where the problem is.
    package var location: GeometryLocation
    /// The problem.
    package var problem: GeometryProblem

    /// Creates an error.
    package init(zoneName: String, location: GeometryLocation, problem: GeometryProblem) {
        self.zoneName = zoneName
        self.location = location
        self.problem = problem
    }

    /// E.g. `zone "Test": polygon 0 ring 0 (exterior): ring is not closed: …`.
    public var description: String {
        let place = location.description
        return "zone \"\(zoneName)\": " + (place.isEmpty ? "" : place + ": ") + problem.description
    }
}
