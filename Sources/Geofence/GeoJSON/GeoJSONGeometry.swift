/// The geometries Geofence reads from GeoJSON (RFC 7946 §3.1).
public enum GeoJSONGeometry: Sendable, Equatable {
    /// A Point.
    case point(GeodeticCoordinate)
    /// A MultiPoint.
    case multiPoint([GeodeticCoordinate])
    /// A LineString.
    case lineString(GeoPolyline)
    /// A MultiLineString.
    case multiLineString([GeoPolyline])
    /// A Polygon.
    case polygon(GeoPolygon)
    /// A MultiPolygon.
    case multiPolygon([GeoPolygon])

    /// The polygons of a Polygon or MultiPolygon; empty otherwise.
    public var polygons: [GeoPolygon] {
        switch self {
        case .polygon(let polygon): return [polygon]
        case .multiPolygon(let polygons): return polygons
        default: return []
        }
    }

    /// The GeoJSON type name (`Point`, `LineString`, ...), for messages.
    package var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        }
    }

    /// The lines of a LineString or MultiLineString, and points as one-vertex lines.
    package var lines: [GeoPolyline] {
        switch self {
        case .lineString(let line): return [line]
        case .multiLineString(let lines): return lines
        case .point(let point): return [GeoPolyline(vertices: [point])]
        case .multiPoint(let points): return points.map { GeoPolyline(vertices: [$0]) }
        default: return []
        }
    }
}

/// One Feature: its position in the file, its scalar properties, its geometry.
public struct GeoJSONFeature: Sendable, Equatable {
    /// Index in the FeatureCollection (0 for a lone Feature or geometry).
    package var index: Int
    /// Scalar properties as text: strings unquoted, numbers as written, `true`/`false`;
    /// null, objects and arrays are left out.
    package var properties: [String: String]
    /// The geometry, nil for an unlocated feature (`"geometry": null`).
    public var geometry: GeoJSONGeometry?

    /// Creates a feature.
    public init(index: Int, properties: [String: String], geometry: GeoJSONGeometry?) {
        self.index = index
        self.properties = properties
        self.geometry = geometry
    }

    /// A human name: the first of NAME, ADMIN, NAME_LONG, name, admin (Natural Earth and common
    /// GeoJSON spellings).
    package var name: String? {
        Self.name(in: properties)
    }

    static func name(in properties: [String: String]) -> String? {
        for key in ["NAME", "ADMIN", "NAME_LONG", "name", "admin", "Name"] {
            if let value = properties[key], !value.isEmpty { return value }
        }
        return nil
    }
}
