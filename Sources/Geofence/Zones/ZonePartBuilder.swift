import Foundation

/// Turns a ``ZoneGeometry`` into ``ZonePart``s: checks rings, unwraps the antimeridian, drops
/// cut lines from the boundary, densifies edges and converts them to Earth-centred points.
///
/// Cut lines. Natural Earth splits polygons that cross the antimeridian (Russia, Fiji) into
/// pieces whose rings run along ±180°, and closes Antarctica along the meridian and round the
/// pole. Those edges are not borders: a point in Chukotka next to 180° is deep inside Russia.
/// The part of an edge on +180° whose latitudes are also covered by edges of the same zone on
/// −180° is a cut (and vice versa); the rest of it stays a boundary, because there the other
/// side is not in the zone (Natural Earth's two sides of Chukotka end at 68.98°N and 68.74°N).
/// An edge between two positions at the same pole is a cut. Cuts still bound the polygon for
/// containment (they do in the source data); they are only left out of boundary distances.
struct ZonePartBuilder {
    let zoneName: String
    let options: ZoneBuildOptions

    /// Polygons with fewer vertices are fast enough without a ``PartCellGrid``.
    static let smallestGriddedPolygon = 64

    func parts(of geometry: ZoneGeometry) throws(ZoneError) -> [ZonePart] {
        guard geometry.bufferMetres.isFinite, geometry.bufferMetres >= 0 else {
            throw ZoneError(
                zoneName: zoneName, location: GeometryLocation(), problem: .invalidDistance(metres: geometry.bufferMetres))
        }
        guard !geometry.polygons.isEmpty || !geometry.lines.isEmpty else {
            throw ZoneError(zoneName: zoneName, location: GeometryLocation(), problem: .empty)
        }
        var planarPolygons: [[[PlanarPoint]]] = []
        for (polygonIndex, polygon) in geometry.polygons.enumerated() {
            var rings: [[PlanarPoint]] = []
            for (ringIndex, ring) in polygon.rings.enumerated() {
                do {
                    let planar = try RingPreparation.planarRing(
                        ring, checkSelfIntersection: options.checksSelfIntersections)
                    rings.append(ringIndex == 0 ? planar : RingPreparation.aligned(hole: planar, withExterior: rings[0]))
                } catch {
                    throw ZoneError(
                        zoneName: zoneName, location: GeometryLocation(polygon: polygonIndex, ring: ringIndex),
                        problem: error)
                }
            }
            planarPolygons.append(rings)
        }
        let cuts = AntimeridianCuts(polygons: planarPolygons)
        var parts: [ZonePart] = []
        // Polygons joined along a cut form one part: a point beside the cut in one of them is
        // measured against the other's coast too, and parts stay disjoint with complete
        // boundaries, so per-part signed distances combine by taking the minimum.
        for group in AntimeridianCuts.joinedGroups(planarPolygons) {
            let rings = group.flatMap { planarPolygons[$0] }
            var runs: [[EarthCentredPoint]] = []
            for ring in rings { runs.append(contentsOf: boundaryRuns(of: ring, cuts: cuts)) }
            let area = LatitudeBandIndex(rings: rings)
            let bounds = group.dropFirst().reduce(LonLatBox(enclosing: planarPolygons[group[0]][0])) {
                $0.union(LonLatBox(enclosing: planarPolygons[$1][0]))
            }
            let vertexCount = rings.reduce(0) { $0 + $1.count }
            let gridded = options.buildsCellGrids && vertexCount >= Self.smallestGriddedPolygon
            let grid = gridded ? PartCellGrid(rings: rings, bounds: bounds, area: area) : nil
            parts.append(
                ZonePart(area: area, grid: grid, boundary: BoundaryDistanceIndex(polylines: runs), bounds: bounds))
        }
        for (lineIndex, line) in geometry.lines.enumerated() {
            guard !line.vertices.isEmpty else {
                throw ZoneError(
                    zoneName: zoneName, location: GeometryLocation(line: lineIndex),
                    problem: .tooFewPositions(count: 0, minimum: 1))
            }
            for (vertexIndex, vertex) in line.vertices.enumerated() where !vertex.isValid {
                throw ZoneError(
                    zoneName: zoneName, location: GeometryLocation(line: lineIndex),
                    problem: .invalidCoordinate(vertex: vertexIndex, coordinate: vertex))
            }
            let planar = RingPreparation.unwrapped(line.vertices)
            let pieceEdges = max(options.maximumEdgesPerLinePiece, 1)
            var start = 0
            repeat {
                let end = min(start + pieceEdges, planar.count - 1)
                let piece = Array(planar[start...max(end, start)])
                parts.append(
                    ZonePart(
                        area: nil, boundary: BoundaryDistanceIndex(polylines: [densified(piece)]),
                        bounds: LonLatBox(enclosing: piece)))
                start = end
            } while start < planar.count - 1
        }
        return parts
    }

    /// The ring's edges minus cuts, as runs of densified Earth-centred vertices.
    private func boundaryRuns(of ring: [PlanarPoint], cuts: AntimeridianCuts) -> [[EarthCentredPoint]] {
        var runs: [[EarthCentredPoint]] = []
        var current: [PlanarPoint] = []
        for index in 0..<ring.count - 1 {
            let a = ring[index]
            let b = ring[index + 1]
            if let kept = cuts.boundaryPieces(a, b) {
                if current.count > 1 { runs.append(densified(current)) }
                current = []
                for piece in kept { runs.append(densified([piece.0, piece.1])) }
                continue
            }
            if current.isEmpty { current.append(a) }
            current.append(b)
        }
        if current.count > 1 { runs.append(densified(current)) }
        return runs
    }

    /// Earth-centred vertices with extra vertices along longitude/latitude-straight edges
    /// longer than the option's limit L. A longitude/latitude-straight line bends away from the
    /// chord by up to L² tan φ / (8R) (a parallel's geodesic curvature is tan φ / R), so above
    /// 45° the limit shrinks to L / √tan φ, which keeps that under L²/(8R) (0.5 m for 5 km) at
    /// every latitude. Length estimate: √((M Δφ)² + (N cos φ Δλ)²) at the mid-latitude.
    func densified(_ points: [PlanarPoint]) -> [EarthCentredPoint] {
        guard let first = points.first else { return [] }
        var result = [earthCentred(first)]
        let limit = max(options.maximumEdgeLengthMetres, 1)
        for index in 1..<max(points.count, 1) {
            let a = points[index - 1]
            let b = points[index]
            let middle = (a.y + b.y) / 2
            let north =
                WGS84Ellipsoid.meridionalRadiusOfCurvatureMetres(latitudeDegrees: middle)
                * (b.y - a.y) * degreesToRadians
            let east =
                WGS84Ellipsoid.primeVerticalRadiusOfCurvatureMetres(latitudeDegrees: middle)
                * cos(middle * degreesToRadians) * (b.x - a.x) * degreesToRadians
            let polar = min(max(abs(a.y), abs(b.y)), 89.9) * degreesToRadians
            let localLimit = limit / max(tan(polar), 1).squareRoot()
            let pieces = max(1, Int(((north * north + east * east).squareRoot() / localLimit).rounded(.up)))
            for step in 1...pieces {
                let t = Double(step) / Double(pieces)
                result.append(earthCentred(PlanarPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))))
            }
        }
        return result
    }

    private func earthCentred(_ point: PlanarPoint) -> EarthCentredPoint {
        WGS84Ellipsoid.earthCentred(GeodeticCoordinate(latitudeDegrees: point.y, longitudeDegrees: point.x))
    }
}

/// Which edges of a zone's rings are antimeridian or polar cut lines (see ``ZonePartBuilder``).
struct AntimeridianCuts {
    private var east: [(Double, Double)] = []
    private var west: [(Double, Double)] = []

    init(polygons: [[[PlanarPoint]]]) {
        for rings in polygons {
            for ring in rings {
                for index in 0..<max(ring.count - 1, 0) {
                    let a = ring[index]
                    let b = ring[index + 1]
                    guard a.x == b.x, a.y != b.y else { continue }
                    let span = (min(a.y, b.y), max(a.y, b.y))
                    if a.x == 180 { east.append(span) } else if a.x == -180 { west.append(span) }
                }
            }
        }
        east = Self.merged(east)
        west = Self.merged(west)
    }

    /// Nil for an ordinary edge. For an edge on ±180° or along a pole, the pieces of it that
    /// remain boundary (empty when it is wholly a cut).
    func boundaryPieces(_ a: PlanarPoint, _ b: PlanarPoint) -> [(PlanarPoint, PlanarPoint)]? {
        if abs(a.y) == 90 && a.y == b.y { return [] }
        guard a.x == b.x, a.y != b.y, abs(a.x) == 180 else { return nil }
        let opposite = a.x == 180 ? west : east
        var pieces: [(PlanarPoint, PlanarPoint)] = []
        var start = min(a.y, b.y)
        let end = max(a.y, b.y)
        for span in opposite where span.1 > start && span.0 < end {
            if span.0 > start + Self.tolerance {
                pieces.append((PlanarPoint(x: a.x, y: start), PlanarPoint(x: a.x, y: span.0)))
            }
            start = max(start, span.1)
        }
        if end > start + Self.tolerance { pieces.append((PlanarPoint(x: a.x, y: start), PlanarPoint(x: a.x, y: end))) }
        return pieces
    }

    private static let tolerance = 1e-7

    /// Polygons grouped so that two polygons with overlapping cut spans on +180° and −180°
    /// share a group (union–find); each group lists polygon indices in order.
    static func joinedGroups(_ polygons: [[[PlanarPoint]]]) -> [[Int]] {
        var eastSpans: [(polygon: Int, span: (Double, Double))] = []
        var westSpans: [(polygon: Int, span: (Double, Double))] = []
        for (index, rings) in polygons.enumerated() {
            for ring in rings {
                for edge in 0..<max(ring.count - 1, 0) {
                    let a = ring[edge]
                    let b = ring[edge + 1]
                    guard a.x == b.x, a.y != b.y, abs(a.x) == 180 else { continue }
                    let span = (min(a.y, b.y), max(a.y, b.y))
                    if a.x == 180 { eastSpans.append((index, span)) } else { westSpans.append((index, span)) }
                }
            }
        }
        var parent = Array(polygons.indices)
        func root(_ index: Int) -> Int {
            var current = index
            while parent[current] != current {
                parent[current] = parent[parent[current]]
                current = parent[current]
            }
            return current
        }
        for east in eastSpans {
            for west in westSpans where east.polygon != west.polygon {
                if min(east.span.1, west.span.1) - max(east.span.0, west.span.0) > tolerance {
                    parent[root(east.polygon)] = root(west.polygon)
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in polygons.indices { groups[root(index), default: []].append(index) }
        return groups.values.sorted { $0[0] < $1[0] }
    }

    private static func merged(_ spans: [(Double, Double)]) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        for span in spans.sorted(by: { $0.0 < $1.0 }) {
            if let last = result.last, span.0 <= last.1 + tolerance {
                result[result.count - 1].1 = max(last.1, span.1)
            } else {
                result.append(span)
            }
        }
        return result
    }
}
