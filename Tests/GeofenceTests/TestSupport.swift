import Foundation
import Geofence
import Testing

/// Fixtures in Resources/; the Natural Earth data in `Tests/Data` (`NaturalEarth`).
enum Fixtures {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(name)
    }

    static func document(_ name: String) throws -> GeoJSONDocument {
        try GeoJSONDocument(contentsOf: url(name))
    }

    /// The error reading a fixture produces (nil if it reads).
    static func readError(_ name: String, options: GeoJSONReadOptions = GeoJSONReadOptions()) -> GeoJSONError? {
        do {
            _ = try GeoJSONDocument(contentsOf: url(name), options: options)
            return nil
        } catch {
            return error
        }
    }
}

/// The Natural Earth layers committed with the tests (`Tests/Data`, provenance and the
/// reduction in its README): all 242 countries at 1:50m with their geometry unchanged, and
/// the 1:10m coastline around Iceland.
enum NaturalEarth {
    /// `Tests/GeofenceTests/TestSupport.swift` → `Tests/Data`.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")
    static let countriesURL = directory.appendingPathComponent("ne_50m_admin_0_countries.geojson")
    static let coastlineURL = directory.appendingPathComponent("ne_10m_coastline_iceland.geojson")

    /// Read once per test process.
    static let countries: GeoJSONDocument? = try? GeoJSONDocument(contentsOf: countriesURL)
    static let coastline: GeoJSONDocument? = try? GeoJSONDocument(contentsOf: coastlineURL)

    /// Every country with its 12 nm territorial sea, built once.
    static let worldTerritorialSeas: [Zone]? = countries.flatMap {
        try? Zone.perFeature(of: $0, bufferMetres: MaritimeDistance.territorialSeaMetres)
    }

    static func country(_ code: String, bufferMetres: Double = 0) throws -> Zone {
        let document = try #require(countries, "countries file did not read")
        return try Zone(name: code, document: document, selecting: .isoCode(code), bufferMetres: bufferMetres)
    }
}

func coordinate(_ latitude: Double, _ longitude: Double) -> GeodeticCoordinate {
    GeodeticCoordinate(latitudeDegrees: latitude, longitudeDegrees: longitude)
}

/// A square zone in degrees, closed ring, counter-clockwise.
func squareZone(_ name: String, west: Double, south: Double, east: Double, north: Double, bufferMetres: Double = 0)
    throws -> Zone
{
    let ring = [
        coordinate(south, west), coordinate(south, east), coordinate(north, east), coordinate(north, west),
        coordinate(south, west),
    ]
    return try Zone(
        name: name, geometry: ZoneGeometry(polygons: [GeoPolygon(exterior: ring)], bufferMetres: bufferMetres))
}

/// The point `metres` east of a coordinate along its parallel direction (geodesic, azimuth 90°).
func east(of point: GeodeticCoordinate, metres: Double) -> GeodeticCoordinate {
    VincentyGeodesic.destination(from: point, azimuthDegrees: 90, distanceMetres: metres)
}
