import Foundation
import Geofence
import Testing

/// Point-to-point geodesy against GeographicLib (Karney 2013). Reference numbers from
/// `.build/oracles/bin/python Tests/GeofenceTests/Resources/geofence_oracle.py` (`make oracles`).
@Suite struct GeodesyTests {
    struct Reference: Sendable, CustomTestStringConvertible {
        var from: GeodeticCoordinate
        var to: GeodeticCoordinate
        var distanceMetres: Double
        var initialAzimuthDegrees: Double
        var testDescription: String { "\(from) → \(to)" }
    }

    static let references: [Reference] = [
        Reference(from: coordinate(0, 0), to: coordinate(0, 1), distanceMetres: 111_319.4908, initialAzimuthDegrees: 90),
        Reference(
            from: coordinate(51.4778, -0.0015), to: coordinate(40.7128, -74.006), distanceMetres: 5_594_596.5140,
            initialAzimuthDegrees: -71.529527370),
        Reference(
            from: coordinate(-33.8688, 151.2093), to: coordinate(35.6762, 139.6503), distanceMetres: 7_792_174.8271,
            initialAzimuthDegrees: -10.002482212),
        Reference(
            from: coordinate(64.0, -18.0), to: coordinate(63.8, -17.6), distanceMetres: 29_713.6315,
            initialAzimuthDegrees: 138.439372714),
        Reference(from: coordinate(89.5, 10), to: coordinate(89.5, -170), distanceMetres: 111_693.9509, initialAzimuthDegrees: 0),
        Reference(
            from: coordinate(10, 179.9), to: coordinate(10.1, -179.9), distanceMetres: 24_556.5797,
            initialAzimuthDegrees: 63.211853402),
    ]

    @Test(arguments: references)
    func vincentyInverseAgreesWithGeographicLib(_ reference: Reference) throws {
        let solution = try #require(VincentyGeodesic.inverse(from: reference.from, to: reference.to))
        #expect(abs(solution.distanceMetres - reference.distanceMetres) < 0.001)
        let azimuth =
            reference.initialAzimuthDegrees < 0 ? reference.initialAzimuthDegrees + 360 : reference.initialAzimuthDegrees
        let difference = abs(solution.initialAzimuthDegrees - azimuth)
        #expect(min(difference, 360 - difference) < 1e-6)
    }

    @Test func vincentyDirectInvertsInverse() throws {
        for reference in Self.references.dropLast(2) {
            let solution = try #require(VincentyGeodesic.inverse(from: reference.from, to: reference.to))
            let reached = VincentyGeodesic.destination(
                from: reference.from, azimuthDegrees: solution.initialAzimuthDegrees, distanceMetres: solution.distanceMetres)
            let back = try #require(VincentyGeodesic.inverse(from: reached, to: reference.to))
            #expect(back.distanceMetres < 1e-3)
        }
    }

    @Test func nearlyAntipodalInverseReportsNonConvergence() {
        #expect(VincentyGeodesic.inverse(from: coordinate(0, 0), to: coordinate(0.5, 179.7)) == nil)
        #expect(VincentyGeodesic.inverse(from: coordinate(.nan, 0), to: coordinate(0, 1)) == nil)
    }

    @Test func ellipsoidAndMaritimeConstants() {
        // NIMA TR8350.2 Table 3.3: b = 6 356 752.3142 m, e² = 6.69437999014e-3.
        #expect(abs(WGS84Ellipsoid.semiMinorAxisMetres - 6_356_752.3142) < 1e-4)
        #expect(abs(WGS84Ellipsoid.eccentricitySquared - 6.694_379_990_14e-3) < 1e-14)
        #expect(MaritimeDistance.territorialSeaMetres == 22_224)
        #expect(MaritimeDistance.metres(nauticalMiles: 0.5) == 926)
        // M and N at the equator: a(1 − e²) and a.
        #expect(abs(WGS84Ellipsoid.meridionalRadiusOfCurvatureMetres(latitudeDegrees: 0) - 6_335_439.327) < 1e-3)
        #expect(WGS84Ellipsoid.primeVerticalRadiusOfCurvatureMetres(latitudeDegrees: 0) == 6_378_137)
    }

    /// Zone distances come from Earth-centred chords turned into arcs; a point zone (circle of
    /// radius 0) shows the error against Vincenty directly.
    @Test(arguments: [0.0, 45, 70, -89])
    func chordDistancesMatchGeodesics(latitude: Double) throws {
        let centre = coordinate(latitude, 12.5)
        let zone = try Zone(name: "point", geometry: .circle(centre: centre, radiusMetres: 0))
        for (distance, tolerance) in [(1_000.0, 0.001), (22_224, 0.05), (100_000, 0.5), (500_000, 10)] {
            for azimuth in stride(from: 0.0, to: 360, by: 45) {
                let point = VincentyGeodesic.destination(from: centre, azimuthDegrees: azimuth, distanceMetres: distance)
                let measured = zone.signedDistanceMetres(to: point, searchRadiusMetres: 1_000_000)
                #expect(abs(measured - distance) < tolerance, "\(distance) m at azimuth \(azimuth): \(measured)")
            }
        }
    }

    @Test func longitudeWrapping() {
        #expect(GeodeticCoordinate.wrapLongitudeDegrees(180) == -180)
        #expect(GeodeticCoordinate.wrapLongitudeDegrees(190) == -170)
        #expect(GeodeticCoordinate.wrapLongitudeDegrees(-540) == -180)
        #expect(!coordinate(91, 0).isValid)
        #expect(!coordinate(0, .infinity).isValid)
        #expect(coordinate(-90, 180).isValid)
    }
}
