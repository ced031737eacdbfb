/// Positions nested in arrays, flattened: all positions in order plus, for each array level
/// above the positions, the element count of every array at that level.
struct NestedCoordinates {
    var positions: [GeodeticCoordinate] = []
    var counts: [[Int]] = [[], [], [], []]
    /// Array level holding positions (0 = `coordinates` is itself a position); nil when no
    /// position was seen.
    var positionLevel: Int?
    var deepestEmptyLevel = -1
}

extension GeoJSONReader {
    func readCoordinates(_ scanner: inout JSONScanner) throws(GeoJSONParseFailure) -> NestedCoordinates {
        var nested = NestedCoordinates()
        guard try scanner.peek() == UInt8(ascii: "[") else {
            throw GeoJSONParseFailure(offset: scanner.offset, problem: .wrongType("\"coordinates\" must be an array"))
        }
        try readCoordinateArray(&scanner, level: 0, into: &nested)
        if let level = nested.positionLevel, nested.deepestEmptyLevel >= level {
            throw GeoJSONParseFailure(offset: scanner.offset, problem: .wrongType("empty position []"))
        }
        return nested
    }

    private func readCoordinateArray(_ scanner: inout JSONScanner, level: Int, into nested: inout NestedCoordinates)
        throws(GeoJSONParseFailure)
    {
        let start = scanner.offset
        if Self.startsNumber(try scanner.peekInsideArray()) {
            guard nested.positionLevel == nil || nested.positionLevel == level else {
                throw GeoJSONParseFailure(
                    offset: start, problem: .wrongType("positions at different nesting depths in \"coordinates\""))
            }
            nested.positionLevel = level
            var values: (Double, Double) = (0, 0)
            var count = 0
            try scanner.readArray { (scanner) throws(GeoJSONParseFailure) in
                guard Self.startsNumber(try scanner.peek()) else {
                    throw GeoJSONParseFailure(offset: scanner.offset, problem: .wrongType("a position must hold only numbers"))
                }
                let value = try scanner.readNumber()
                if count == 0 { values.0 = value } else if count == 1 { values.1 = value }
                count += 1
            }
            guard count >= 2 else {
                throw GeoJSONParseFailure(offset: start, problem: .wrongType("a position needs longitude and latitude"))
            }
            positionsRead += 1
            guard positionsRead <= options.maximumPositions else {
                throw GeoJSONParseFailure(offset: start, problem: .tooManyPositions(limit: options.maximumPositions))
            }
            nested.positions.append(GeodeticCoordinate(latitudeDegrees: values.1, longitudeDegrees: values.0))
            return
        }
        guard level < nested.counts.count else {
            throw GeoJSONParseFailure(offset: start, problem: .wrongType("\"coordinates\" nested deeper than a MultiPolygon"))
        }
        var elements = 0
        try scanner.readArray { (scanner) throws(GeoJSONParseFailure) in
            guard try scanner.peek() == UInt8(ascii: "[") else {
                throw scanner.unexpected(try scanner.peek(), expecting: "'[' (an array of positions)")
            }
            try readCoordinateArray(&scanner, level: level + 1, into: &nested)
            elements += 1
        }
        if elements == 0 { nested.deepestEmptyLevel = max(nested.deepestEmptyLevel, level) }
        nested.counts[level].append(elements)
    }

    private static func startsNumber(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "N")
            || byte == UInt8(ascii: "I")
    }

    /// Builds and checks the geometry of a raw `{ "type": …, "coordinates": … }` object.
    func interpret(_ raw: RawGeometry) throws(GeoJSONParseFailure) -> GeoJSONGeometry {
        guard let type = raw.type else { throw GeoJSONParseFailure(offset: raw.offset, problem: .missingMember("type")) }
        let expectedLevel: Int
        switch type {
        case "Point": expectedLevel = 0
        case "MultiPoint", "LineString": expectedLevel = 1
        case "MultiLineString", "Polygon": expectedLevel = 2
        case "MultiPolygon": expectedLevel = 3
        case "GeometryCollection": throw GeoJSONParseFailure(offset: raw.offset, problem: .unsupportedGeometry(type))
        default:
            throw GeoJSONParseFailure(offset: raw.offset, problem: .wrongType("unknown geometry type \"\(type)\""))
        }
        guard let nested = raw.coordinates else {
            throw GeoJSONParseFailure(offset: raw.offset, problem: .missingMember("coordinates"))
        }
        if let level = nested.positionLevel, level != expectedLevel {
            throw GeoJSONParseFailure(
                offset: raw.offset,
                problem: .wrongType(
                    "\(type) coordinates must nest positions \(expectedLevel + 1) arrays deep, found \(level + 1)"))
        }
        var cursor = CoordinateCursor(nested: nested)
        let geometry: GeoJSONGeometry
        switch type {
        case "Point":
            guard let point = nested.positions.first else {
                throw GeoJSONParseFailure(offset: raw.offset, problem: .wrongType("Point without a position"))
            }
            geometry = .point(point)
        case "MultiPoint": geometry = .multiPoint(cursor.list(level: 0))
        case "LineString": geometry = .lineString(GeoPolyline(vertices: cursor.list(level: 0)))
        case "MultiLineString":
            geometry = .multiLineString((0..<cursor.count(level: 0)).map { _ in GeoPolyline(vertices: cursor.list(level: 1)) })
        case "Polygon": geometry = .polygon(cursor.polygon(level: 0))
        default: geometry = .multiPolygon((0..<cursor.count(level: 0)).map { _ in cursor.polygon(level: 1) })
        }
        try validate(geometry, offset: raw.offset)
        return geometry
    }

    private func validate(_ geometry: GeoJSONGeometry, offset: Int) throws(GeoJSONParseFailure) {
        for (polygonIndex, polygon) in geometry.polygons.enumerated() {
            guard !polygon.exterior.isEmpty || !polygon.holes.isEmpty else {
                throw GeoJSONParseFailure(
                    offset: offset, problem: .invalidGeometry(GeometryLocation(polygon: polygonIndex), .empty))
            }
            var exterior: [PlanarPoint] = []
            for (ringIndex, ring) in polygon.rings.enumerated() {
                let planar: [PlanarPoint]
                do {
                    planar = try RingPreparation.planarRing(ring, checkSelfIntersection: options.checksSelfIntersections)
                } catch {
                    throw GeoJSONParseFailure(
                        offset: offset,
                        problem: .invalidGeometry(GeometryLocation(polygon: polygonIndex, ring: ringIndex), error))
                }
                if ringIndex == 0 {
                    exterior = planar
                } else if let problem = HoleContainmentCheck.problem(exterior: exterior, hole: planar) {
                    throw GeoJSONParseFailure(
                        offset: offset,
                        problem: .invalidGeometry(GeometryLocation(polygon: polygonIndex, ring: ringIndex), problem))
                }
            }
        }
        for (lineIndex, line) in geometry.lines.enumerated() {
            let isPoint: Bool
            switch geometry {
            case .point, .multiPoint: isPoint = true
            default: isPoint = false
            }
            if !isPoint && line.vertices.count < 2 {
                throw GeoJSONParseFailure(
                    offset: offset,
                    problem: .invalidGeometry(
                        GeometryLocation(line: lineIndex), .tooFewPositions(count: line.vertices.count, minimum: 2)))
            }
            for (vertexIndex, vertex) in line.vertices.enumerated() where !vertex.isValid {
                throw GeoJSONParseFailure(
                    offset: offset,
                    problem: .invalidGeometry(
                        GeometryLocation(line: lineIndex), .invalidCoordinate(vertex: vertexIndex, coordinate: vertex)))
            }
        }
    }
}

/// Walks ``NestedCoordinates`` in order, handing out lists, rings and polygons.
private struct CoordinateCursor {
    let nested: NestedCoordinates
    var next = [0, 0, 0, 0]
    var position = 0

    init(nested: NestedCoordinates) {
        self.nested = nested
    }

    mutating func count(level: Int) -> Int {
        guard next[level] < nested.counts[level].count else { return 0 }
        defer { next[level] += 1 }
        return nested.counts[level][next[level]]
    }

    mutating func list(level: Int) -> [GeodeticCoordinate] {
        let length = min(count(level: level), nested.positions.count - position)
        defer { position += length }
        return Array(nested.positions[position..<position + length])
    }

    mutating func polygon(level: Int) -> GeoPolygon {
        let rings = (0..<count(level: level)).map { _ in list(level: level + 1) }
        return GeoPolygon(exterior: rings.first ?? [], holes: Array(rings.dropFirst()))
    }
}
