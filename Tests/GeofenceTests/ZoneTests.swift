import Foundation
import Geofence
import Testing

@Suite struct ZoneTests {
    @Test func polygonWithHole() throws {
        let document = try Fixtures.document("square-with-hole.geojson")
        let zone = try Zone(name: "Square", document: document, selecting: .isoCode("SQR"))
        #expect(zone.contains(coordinate(2, 2)))
        #expect(zone.contains(coordinate(9.9, 0.1)))
        #expect(!zone.contains(coordinate(5, 5)), "inside the hole")
        #expect(!zone.contains(coordinate(5, 12)))
        #expect(!zone.contains(coordinate(-0.1, 5)))
        // Centre of the hole: the nearest boundary is the hole's parallel edge at 4°N, due south
        // (1° of latitude at 4.5°N = 110 598.7 m by Vincenty).
        let expected = try #require(VincentyGeodesic.inverse(from: coordinate(5, 5), to: coordinate(4, 5))).distanceMetres
        #expect(abs(zone.signedDistanceMetres(to: coordinate(5, 5), searchRadiusMetres: 200_000) - expected) < 1)
        // Inside, 0.5° east of the western edge: negative, ≈ 0.5° of longitude at 2°N.
        let inside = zone.signedDistanceMetres(to: coordinate(2, 0.5))
        let westward = try #require(VincentyGeodesic.inverse(from: coordinate(2, 0.5), to: coordinate(2, 0))).distanceMetres
        #expect(abs(inside + westward) < 1)
        // Beyond the search radius the result is clamped.
        #expect(zone.signedDistanceMetres(to: coordinate(50, 50), searchRadiusMetres: 1_000) == 1_000)
    }

    @Test func marginGrowsAndShrinks() throws {
        let zone = try squareZone("S", west: 0, south: 0, east: 1, north: 1)
        let outside = east(of: coordinate(0.5, 1), metres: 40)
        #expect(!zone.contains(outside))
        #expect(zone.contains(outside, marginMetres: 50))
        let inside = east(of: coordinate(0.5, 1), metres: -40)
        #expect(zone.contains(inside))
        #expect(!zone.contains(inside, marginMetres: -50))
    }

    @Test func ringCrossingTheAntimeridianByAJumpIsUnwrapped() throws {
        let document = try Fixtures.document("antimeridian-ring.geojson")
        let zone = try Zone(name: "Across", document: document, selecting: .all)
        #expect(zone.contains(coordinate(0, 179.5)))
        #expect(zone.contains(coordinate(0, -179.5)))
        #expect(zone.contains(coordinate(9, 180)))
        #expect(zone.contains(coordinate(-9, -180)))
        #expect(!zone.contains(coordinate(0, 0)))
        #expect(!zone.contains(coordinate(0, 169)))
        #expect(!zone.contains(coordinate(0, -169)))
        // 0.5° east of the western edge at 170°E (on the equator 0.5° of longitude = 55 659.7 m).
        #expect(abs(zone.signedDistanceMetres(to: coordinate(0, 170.5)) + 55_659.745) < 1)
        #expect(abs(zone.signedDistanceMetres(to: coordinate(0, -169.5)) - 55_659.745) < 1)
    }

    @Test func holeIsAlignedWithAnUnwrappedExterior() throws {
        let exterior = [
            coordinate(-10, 170), coordinate(-10, -170), coordinate(10, -170), coordinate(10, 170), coordinate(-10, 170),
        ]
        let hole = [coordinate(-1, -179), coordinate(-1, -178), coordinate(1, -178), coordinate(1, -179), coordinate(-1, -179)]
        let zone = try Zone(name: "Ring", geometry: ZoneGeometry(polygons: [GeoPolygon(exterior: exterior, holes: [hole])]))
        #expect(!zone.contains(coordinate(0, -178.5)))
        #expect(zone.contains(coordinate(0, 179)))
        #expect(zone.contains(coordinate(0, -177)))
    }

    @Test func ringAroundThePoleIsRejected() {
        let ring = [coordinate(80, 0), coordinate(80, 120), coordinate(80, -120), coordinate(80, 0)]
        #expect(throws: ZoneError(zoneName: "Cap", location: GeometryLocation(polygon: 0, ring: 0), problem: .encirclesPole)) {
            try Zone(name: "Cap", geometry: ZoneGeometry(polygons: [GeoPolygon(exterior: ring)]))
        }
    }

    @Test func circleAgreesWithVincenty() throws {
        let centre = coordinate(48.8566, 2.3522)
        let zone = try Zone(name: "Paris 10 km", geometry: .circle(centre: centre, radiusMetres: 10_000))
        for azimuth in stride(from: 0.0, to: 360, by: 30) {
            let inside = VincentyGeodesic.destination(from: centre, azimuthDegrees: azimuth, distanceMetres: 9_999)
            let outside = VincentyGeodesic.destination(from: centre, azimuthDegrees: azimuth, distanceMetres: 10_001)
            #expect(zone.contains(inside))
            #expect(!zone.contains(outside))
            #expect(abs(zone.signedDistanceMetres(to: outside) - 1) < 0.01)
        }
    }

    @Test func lineBufferIsACorridor() throws {
        let line = GeoPolyline(vertices: [coordinate(0, 0), coordinate(0, 1)])
        let zone = try Zone(name: "Cable", geometry: ZoneGeometry(lines: [line], bufferMetres: 1_852))
        #expect(zone.contains(coordinate(0.016, 0.5)))
        #expect(!zone.contains(coordinate(0.017, 0.5)))
        #expect(zone.contains(coordinate(0, 1.016)))
        #expect(!zone.contains(coordinate(0, 1.017)))
    }

    @Test func longEdgesFollowTheirParallel() throws {
        // A 40°-wide box whose northern edge is the parallel 60°N (as the 49th parallel is in
        // Natural Earth): the edge is straight in degrees, not a geodesic, which would bulge
        // about 780 km poleward in the middle.
        let zone = try squareZone("Band", west: -20, south: 50, east: 20, north: 60)
        #expect(zone.contains(coordinate(59.99, 0)))
        #expect(!zone.contains(coordinate(60.01, 0)))
        let north = VincentyGeodesic.destination(from: coordinate(60, 0), azimuthDegrees: 0, distanceMetres: 5_000)
        #expect(abs(zone.signedDistanceMetres(to: north) - 5_000) < 2)
    }

    @Test func invalidGeometryNamesTheZone() {
        let open = [coordinate(0, 0), coordinate(0, 1), coordinate(1, 1), coordinate(1, 0)]
        do {
            _ = try Zone(name: "Bad", geometry: ZoneGeometry(polygons: [GeoPolygon(exterior: open)]))
            Issue.record("accepted an open ring")
        } catch {
            #expect(error.zoneName == "Bad")
            #expect(error.description.hasPrefix("zone \"Bad\": polygon 0 ring 0 (exterior): ring is not closed"))
        }
        #expect(throws: ZoneError(zoneName: "E", location: GeometryLocation(), problem: .empty)) {
            try Zone(name: "E", geometry: ZoneGeometry())
        }
        #expect(throws: ZoneError(zoneName: "N", location: GeometryLocation(), problem: .invalidDistance(metres: -1))) {
            try Zone(name: "N", geometry: .circle(centre: coordinate(0, 0), radiusMetres: -1))
        }
        let bowtie = [coordinate(0, 0), coordinate(2, 2), coordinate(0, 2), coordinate(2, 0), coordinate(0, 0)]
        #expect(throws: ZoneError.self) {
            try Zone(name: "Bowtie", geometry: ZoneGeometry(polygons: [GeoPolygon(exterior: bowtie)]))
        }
        #expect(throws: ZoneError.self) {
            try Zone(name: "P", geometry: ZoneGeometry(lines: [GeoPolyline(vertices: [coordinate(.nan, 0)])]))
        }
    }

    @Test func selectorThatMatchesNothing() throws {
        let document = try Fixtures.document("square-with-hole.geojson")
        #expect(
            throws: ZoneError(
                zoneName: "X", location: GeometryLocation(), problem: .noFeatureMatches(selector: "ISO code \"XYZ\""))
        ) {
            try Zone(name: "X", document: document, selecting: .isoCode("XYZ"))
        }
    }
}
