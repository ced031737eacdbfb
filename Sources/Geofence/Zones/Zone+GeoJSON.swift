/// Zones built from GeoJSON documents (country polygons, coastlines).
extension Zone {
    /// A zone from the features of a document chosen by `selector` (their polygons, lines and
    /// points), with everything within `bufferMetres` of their boundaries, plus optional extra
    /// lines (e.g. a finer coastline from ``nearbyPieces(of:withinMetres:)``).
    ///
    /// `Zone(name: "Russia + 12 nm", document: countries, selecting: .isoCode("RUS"),
    /// bufferMetres: MaritimeDistance.territorialSeaMetres)` is a state's land and
    /// territorial sea. The document was checked when read, so by default rings are not
    /// checked for self-intersection again.
    /// - Throws: ``ZoneError`` with ``GeometryProblem/noFeatureMatches(selector:)`` when the
    ///   selector chooses nothing, or a geometry problem.
    package init(
        name: String, document: GeoJSONDocument, selecting selector: FeatureSelector, bufferMetres: Double = 0,
        extraLines: [GeoPolyline] = [], options: ZoneBuildOptions = ZoneBuildOptions(checksSelfIntersections: false)
    ) throws(ZoneError) {
        let features = document.features(matching: selector).filter { $0.geometry != nil }
        guard !features.isEmpty else {
            throw ZoneError(
                zoneName: name, location: GeometryLocation(), problem: .noFeatureMatches(selector: selector.description))
        }
        // A point or a line is a zone only with a buffer around it: without one nothing is
        // ever inside, and the zone would be accepted but never apply.
        if bufferMetres <= 0, features.allSatisfy({ $0.geometry?.polygons.isEmpty ?? true }), let first = features.first {
            throw ZoneError(
                zoneName: name, location: GeometryLocation(),
                problem: .noArea(feature: first.index, name: first.name, type: first.geometry?.typeName ?? "geometry"))
        }
        let geometry = ZoneGeometry(
            polygons: features.flatMap { $0.geometry?.polygons ?? [] },
            lines: features.flatMap { $0.geometry?.lines ?? [] } + extraLines, bufferMetres: bufferMetres)
        try self.init(name: name, geometry: geometry, options: options)
    }

    /// One zone per selected feature that has a geometry, named by the feature's name (or
    /// "feature N"), each with the same buffer: e.g. every country with its territorial sea.
    public static func perFeature(
        of document: GeoJSONDocument, selecting selector: FeatureSelector = .all, bufferMetres: Double = 0,
        options: ZoneBuildOptions = ZoneBuildOptions(checksSelfIntersections: false)
    ) throws(ZoneError) -> [Zone] {
        var zones: [Zone] = []
        for feature in document.features(matching: selector) {
            guard let geometry = feature.geometry else { continue }
            let name = feature.name ?? "feature \(feature.index)"
            zones.append(
                try Zone(
                    name: name,
                    geometry: ZoneGeometry(polygons: geometry.polygons, lines: geometry.lines, bufferMetres: bufferMetres),
                    options: options))
        }
        return zones
    }

    /// The runs of `lines` whose vertices lie within `withinMetres` of this zone (each run
    /// extended by one vertex at either end so that no edge reaching the zone is lost): e.g. a
    /// country's own stretch of the 1:10m world coastline, to measure its territorial sea from
    /// a finer line than the country polygon.
    package func nearbyPieces(of lines: [GeoPolyline], withinMetres distance: Double) -> [GeoPolyline] {
        guard let extent = parts.dropFirst().reduce(parts.first?.bounds, { $0?.union($1.bounds) }) else { return [] }
        let reach = extent.grown(byMetres: bufferMetres + distance)
        var pieces: [GeoPolyline] = []
        for line in lines {
            let box = LonLatBox(enclosing: RingPreparation.unwrapped(line.vertices))
            let overlaps = (0..<3).contains { step in
                let shift = step == 0 ? 0 : (step == 1 ? 360.0 : -360.0)
                return reach.intersects(
                    LonLatBox(west: box.west + shift, south: box.south, east: box.east + shift, north: box.north))
            }
            guard overlaps else { continue }
            let near = line.vertices.map {
                $0.isValid && signedDistanceMetres(to: $0, searchRadiusMetres: distance + 1) <= distance
            }
            var index = 0
            while index < near.count {
                guard near[index] else {
                    index += 1
                    continue
                }
                var end = index
                while end + 1 < near.count && near[end + 1] { end += 1 }
                let first = max(index - 1, 0)
                let last = min(end + 1, near.count - 1)
                if last > first { pieces.append(GeoPolyline(vertices: Array(line.vertices[first...last]))) }
                index = end + 1
            }
        }
        return pieces
    }
}
