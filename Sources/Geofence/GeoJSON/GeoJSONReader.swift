/// Reads the GeoJSON object structure (RFC 7946 §3) from a ``JSONScanner``.
///
/// Members may come in any order (a geometry's `type` after its `coordinates`, a feature's
/// `properties` after its `geometry`), so each object is read into a ``RawObject`` first and
/// interpreted when it closes. Coordinates go straight into flat arrays (``NestedCoordinates``);
/// properties keep only scalars. Memory is thus the result itself plus O(nesting depth).
final class GeoJSONReader {
    let options: GeoJSONReadOptions
    private(set) var featureIndex: Int?
    private(set) var featureName: String?
    var positionsRead = 0

    init(options: GeoJSONReadOptions) {
        self.options = options
    }

    struct RawObject {
        var type: String?
        var properties: [String: String] = [:]
        var geometry: RawGeometry?
        var hasGeometryMember = false
        var coordinates: NestedCoordinates?
        var features: [GeoJSONFeature]?
        var hasGeometries = false
    }

    struct RawGeometry {
        var type: String?
        var coordinates: NestedCoordinates?
        var hasGeometries: Bool
        var offset: Int
    }

    func readDocument(_ scanner: inout JSONScanner) throws(GeoJSONParseFailure) -> [GeoJSONFeature] {
        let start = scanner.offset
        guard try scanner.peek() == UInt8(ascii: "{") else {
            throw scanner.unexpected(try scanner.peek(), expecting: "a GeoJSON object '{'")
        }
        let raw = try readObject(&scanner, isFeature: false)
        scanner.skipWhitespace()
        if scanner.offset < scanner.bytes.count {
            throw GeoJSONParseFailure(offset: scanner.offset, problem: .syntax("data after the end of the GeoJSON object"))
        }
        switch raw.type {
        case "FeatureCollection":
            guard let features = raw.features else {
                throw GeoJSONParseFailure(offset: start, problem: .missingMember("features"))
            }
            return features
        case "Feature":
            featureIndex = 0
            featureName = GeoJSONFeature.name(in: raw.properties)
            return [try feature(from: raw, index: 0, offset: start)]
        case nil:
            throw GeoJSONParseFailure(offset: start, problem: .missingMember("type"))
        case let type?:
            let geometry = RawGeometry(
                type: type, coordinates: raw.coordinates, hasGeometries: raw.hasGeometries, offset: start)
            return [GeoJSONFeature(index: 0, properties: [:], geometry: try interpret(geometry))]
        }
    }

    private func readObject(_ scanner: inout JSONScanner, isFeature: Bool) throws(GeoJSONParseFailure) -> RawObject {
        var raw = RawObject()
        try scanner.readObject { (scanner, key) throws(GeoJSONParseFailure) in
            switch key {
            case "type":
                guard try scanner.peek() == UInt8(ascii: "\"") else {
                    throw GeoJSONParseFailure(offset: scanner.offset, problem: .wrongType("\"type\" must be a string"))
                }
                raw.type = try scanner.readString()
            case "properties":
                if try scanner.readNullIfPresent() { return }
                guard try scanner.peek() == UInt8(ascii: "{") else {
                    throw GeoJSONParseFailure(
                        offset: scanner.offset, problem: .wrongType("\"properties\" must be an object or null"))
                }
                try scanner.readObject { (scanner, name) throws(GeoJSONParseFailure) in
                    if let value = try scanner.readScalarText() { raw.properties[name] = value }
                }
                if isFeature { featureName = GeoJSONFeature.name(in: raw.properties) }
            case "geometry":
                raw.hasGeometryMember = true
                if try scanner.readNullIfPresent() { return }
                let offset = scanner.offset
                guard try scanner.peek() == UInt8(ascii: "{") else {
                    throw GeoJSONParseFailure(offset: offset, problem: .wrongType("\"geometry\" must be an object or null"))
                }
                let inner = try readObject(&scanner, isFeature: false)
                raw.geometry = RawGeometry(
                    type: inner.type, coordinates: inner.coordinates, hasGeometries: inner.hasGeometries, offset: offset)
            case "coordinates":
                raw.coordinates = try readCoordinates(&scanner)
            case "features":
                guard try scanner.peek() == UInt8(ascii: "[") else {
                    throw GeoJSONParseFailure(offset: scanner.offset, problem: .wrongType("\"features\" must be an array"))
                }
                var features: [GeoJSONFeature] = []
                try scanner.readArray { (scanner) throws(GeoJSONParseFailure) in
                    features.append(try readFeature(&scanner, index: features.count))
                }
                raw.features = features
            case "geometries":
                raw.hasGeometries = true
                try scanner.skipValue()
            default:
                try scanner.skipValue()
            }
        }
        return raw
    }

    private func readFeature(_ scanner: inout JSONScanner, index: Int) throws(GeoJSONParseFailure) -> GeoJSONFeature {
        featureIndex = index
        featureName = nil
        let offset = scanner.offset
        guard try scanner.peek() == UInt8(ascii: "{") else {
            throw GeoJSONParseFailure(offset: offset, problem: .wrongType("a feature must be an object"))
        }
        let raw = try readObject(&scanner, isFeature: true)
        guard raw.type == "Feature" else {
            let found = raw.type.map { "\"\($0)\"" } ?? "no type"
            throw GeoJSONParseFailure(offset: offset, problem: .wrongType("feature has \(found), expected \"Feature\""))
        }
        let result = try feature(from: raw, index: index, offset: offset)
        featureIndex = nil
        featureName = nil
        return result
    }

    private func feature(from raw: RawObject, index: Int, offset: Int) throws(GeoJSONParseFailure) -> GeoJSONFeature {
        guard raw.hasGeometryMember else { throw GeoJSONParseFailure(offset: offset, problem: .missingMember("geometry")) }
        let geometry = try raw.geometry.map { (geometry) throws(GeoJSONParseFailure) in try interpret(geometry) }
        return GeoJSONFeature(index: index, properties: raw.properties, geometry: geometry)
    }
}
