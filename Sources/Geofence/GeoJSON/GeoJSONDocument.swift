import Foundation

/// Limits and checks applied while reading GeoJSON.
public struct GeoJSONReadOptions: Sendable, Equatable {
    /// Files larger than this are refused before reading, bytes.
    package var maximumFileBytes: Int
    /// Reading stops with an error after this many positions.
    package var maximumPositions: Int
    /// Whether polygon rings are checked for self-intersections (a sweep, O(n log n) in
    /// practice; about 0.1 s for the 100 000 positions of Natural Earth 1:50m countries).
    package var checksSelfIntersections: Bool

    /// Defaults: 512 MiB, 50 million positions, self-intersection check on.
    public init(
        maximumFileBytes: Int = 512 << 20, maximumPositions: Int = 50_000_000, checksSelfIntersections: Bool = true
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumPositions = maximumPositions
        self.checksSelfIntersections = checksSelfIntersections
    }
}

/// The features of a GeoJSON file (RFC 7946), checked: closed rings of at least four
/// positions, finite coordinates within range, no self-intersecting ring.
///
/// Reads FeatureCollection, Feature, or a bare geometry; geometry types Point, MultiPoint,
/// LineString, MultiLineString, Polygon, MultiPolygon. The file is memory-mapped and scanned
/// once without building a JSON tree, so memory is the mapped file plus the coordinates
/// (16 bytes each) and scalar properties: the 11 MB Natural Earth 1:10m coastline reads into
/// about 7 MB.
public struct GeoJSONDocument: Sendable {
    /// Label used in errors (the file name).
    package var sourceName: String
    /// The features in file order.
    public var features: [GeoJSONFeature]

    /// Reads and checks a file.
    /// - Throws: ``GeoJSONError`` naming the file, the feature (index, name), the byte offset
    ///   or polygon/ring, and the problem.
    public init(contentsOf url: URL, options: GeoJSONReadOptions = GeoJSONReadOptions()) throws(GeoJSONError) {
        let name = url.lastPathComponent
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw GeoJSONError(source: name, problem: .unreadable(error.localizedDescription))
        }
        guard size <= options.maximumFileBytes else {
            throw GeoJSONError(source: name, problem: .fileTooLarge(bytes: size, limitBytes: options.maximumFileBytes))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw GeoJSONError(source: name, problem: .unreadable(error.localizedDescription))
        }
        try self.init(data: data, sourceName: name, options: options)
    }

    /// Reads and checks GeoJSON held in memory.
    package init(data: Data, sourceName: String, options: GeoJSONReadOptions = GeoJSONReadOptions())
        throws(GeoJSONError)
    {
        guard data.count <= options.maximumFileBytes else {
            throw GeoJSONError(
                source: sourceName, problem: .fileTooLarge(bytes: data.count, limitBytes: options.maximumFileBytes))
        }
        let reader = GeoJSONReader(options: options)
        let result: Result<[GeoJSONFeature], GeoJSONParseFailure> = data.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes: bytes)
            do throws(GeoJSONParseFailure) {
                return .success(try reader.readDocument(&scanner))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let features):
            self.sourceName = sourceName
            self.features = features
        case .failure(let failure):
            let hasLocation: Bool
            if case .invalidGeometry = failure.problem { hasLocation = true } else { hasLocation = false }
            throw GeoJSONError(
                source: sourceName, featureIndex: reader.featureIndex, featureName: reader.featureName,
                byteOffset: hasLocation ? nil : failure.offset, problem: failure.problem)
        }
    }

    /// Features chosen by a selector, in file order.
    public func features(matching selector: FeatureSelector) -> [GeoJSONFeature] {
        features.filter { selector.matches($0) }
    }

    /// All polygons of the selected features.
    package func polygons(matching selector: FeatureSelector) -> [GeoPolygon] {
        features(matching: selector).flatMap { $0.geometry?.polygons ?? [] }
    }

    /// All lines (and points) of the selected features.
    package func lines(matching selector: FeatureSelector) -> [GeoPolyline] {
        features(matching: selector).flatMap { $0.geometry?.lines ?? [] }
    }
}

/// Chooses features by code or name.
public enum FeatureSelector: Sendable, Equatable, CustomStringConvertible {
    /// Every feature.
    case all
    /// An ISO 3166-1 code, case-insensitive: three letters match ISO_A3, ISO_A3_EH or ADM0_A3
    /// (Natural Earth gives France and Norway ISO_A3 "-99"; ADM0_A3 has "FRA", "NOR"); two
    /// letters match ISO_A2 or ISO_A2_EH. Property names are compared case-insensitively.
    case isoCode(String)
    /// A name, case-insensitive, against NAME, NAME_LONG, ADMIN, NAME_EN, name.
    case name(String)
    /// An exact property value.
    case property(key: String, value: String)
    /// Any of several selectors.
    indirect case anyOf([FeatureSelector])

    /// Whether a feature is selected.
    package func matches(_ feature: GeoJSONFeature) -> Bool {
        switch self {
        case .all:
            return true
        case .isoCode(let code):
            let keys: Set<String> = code.count == 2 ? ["ISO_A2", "ISO_A2_EH"] : ["ISO_A3", "ISO_A3_EH", "ADM0_A3"]
            return Self.anyProperty(of: feature, keys: keys, equals: code)
        case .name(let name):
            return Self.anyProperty(of: feature, keys: ["NAME", "NAME_LONG", "ADMIN", "NAME_EN"], equals: name)
        case .property(let key, let value):
            return feature.properties[key] == value
        case .anyOf(let selectors):
            return selectors.contains { $0.matches(feature) }
        }
    }

    private static func anyProperty(of feature: GeoJSONFeature, keys: Set<String>, equals value: String) -> Bool {
        feature.properties.contains { key, candidate in
            keys.contains(key.uppercased()) && candidate.caseInsensitiveCompare(value) == .orderedSame
        }
    }

    /// E.g. `ISO code "FRA"`.
    public var description: String {
        switch self {
        case .all: return "all features"
        case .isoCode(let code): return "ISO code \"\(code)\""
        case .name(let name): return "name \"\(name)\""
        case .property(let key, let value): return "\(key) = \"\(value)\""
        case .anyOf(let selectors): return selectors.map(\.description).joined(separator: " or ")
        }
    }
}
