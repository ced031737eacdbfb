/// Why a GeoJSON file could not be read, with enough context to find the spot: the file, the
/// feature (index and name), the byte offset or the polygon/ring, and the problem.
public struct GeoJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    package enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// The file could not be opened or read.
        case unreadable(String)
        /// The file is larger than ``GeoJSONReadOptions/maximumFileBytes``.
        case fileTooLarge(bytes: Int, limitBytes: Int)
        /// More positions than ``GeoJSONReadOptions/maximumPositions``.
        case tooManyPositions(limit: Int)
        /// Malformed JSON.
        case syntax(String)
        /// The input ends inside a value (a truncated file).
        case unexpectedEndOfInput
        /// A member has the wrong JSON type or a GeoJSON object the wrong `type`.
        case wrongType(String)
        /// A required member is absent.
        case missingMember(String)
        /// A geometry type Geofence does not use (e.g. GeometryCollection).
        case unsupportedGeometry(String)
        /// A ring or line is invalid (open, too short, bad coordinate, self-intersecting…).
        case invalidGeometry(GeometryLocation, GeometryProblem)

        /// A sentence describing the problem.
        package var description: String {
            switch self {
            case .unreadable(let reason): return "cannot read file: \(reason)"
            case .fileTooLarge(let bytes, let limit): return "file has \(bytes) bytes, more than the limit of \(limit)"
            case .tooManyPositions(let limit): return "more than \(limit) positions"
            case .syntax(let message): return "invalid JSON: \(message)"
            case .unexpectedEndOfInput: return "unexpected end of input (truncated file?)"
            case .wrongType(let message): return "wrong type: \(message)"
            case .missingMember(let name): return "missing member \"\(name)\""
            case .unsupportedGeometry(let type): return "unsupported geometry type \"\(type)\""
            case .invalidGeometry(let location, let problem):
                let place = location.description
                return (place.isEmpty ? "" : place + ": ") + problem.description
            }
        }
    }

    /// File name or other label of the source.
    package var source: String
    /// Index of the feature in the FeatureCollection, when inside one.
    package var featureIndex: Int?
    /// The feature's name (from NAME, ADMIN or name), when known.
    package var featureName: String?
    /// Byte offset in the file, for syntax and type errors.
    package var byteOffset: Int?
    /// The problem.
    package var problem: Problem

    /// Creates an error.
    package init(
        source: String, featureIndex: Int? = nil, featureName: String? = nil, byteOffset: Int? = nil,
        problem: Problem
    ) {
        self.source = source
        self.featureIndex = featureIndex
        self.featureName = featureName
        self.byteOffset = byteOffset
        self.problem = problem
    }

    /// E.g. `countries.geojson: feature 17 "France": polygon 2 ring 0 (exterior): ring is not closed…`.
    public var description: String {
        var text = source
        if let featureIndex {
            text += ": feature \(featureIndex)"
            if let featureName { text += " \"\(featureName)\"" }
        }
        if let byteOffset { text += " (byte \(byteOffset))" }
        return text + ": " + problem.description
    }
}
