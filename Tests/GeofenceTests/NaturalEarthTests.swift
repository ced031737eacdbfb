import Foundation
import Geofence
import Testing

/// Acceptance tests on the real Natural Earth data committed in `Tests/Data`. Reference
/// values: `python3 Tests/GeofenceTests/Resources/geofence_oracle.py` (GeographicLib for geodesics; shapely on a pyproj azimuthal-equidistant
/// projection centred on each point for point-to-boundary distances, boundaries densified along
/// their longitude/latitude-straight edges).
@Suite
struct NaturalEarthTests {
    @Test func countriesReadAndAllBuild() throws {
        let document = try #require(NaturalEarth.countries)
        #expect(document.features.count == 242)
        #expect(document.features(matching: .isoCode("FRA")).count == 1, "France has ISO_A3 -99 but ADM0_A3 FRA")
        #expect(document.features(matching: .isoCode("NO")).count == 1)
        let zones = try #require(NaturalEarth.worldTerritorialSeas)
        #expect(zones.count == 242)
        // 1 620 polygons; Russia's mainland and Chukotka, cut apart along 180°, are one part.
        #expect(zones.map(\.partCount).reduce(0, +) == 1_619)
    }

    @Test func lesothoIsAHoleInSouthAfrica() throws {
        let southAfrica = try NaturalEarth.country("ZAF")
        let lesotho = try NaturalEarth.country("LSO")
        let johannesburg = coordinate(-26.2041, 28.0473)
        let maseru = coordinate(-29.31, 27.48)
        let highlands = coordinate(-29.6, 28.3)
        #expect(southAfrica.contains(johannesburg))
        #expect(!southAfrica.contains(maseru))
        #expect(lesotho.contains(maseru))
        #expect(!southAfrica.contains(highlands))
        #expect(lesotho.contains(highlands))
        // Oracle: 61 345.627 m from the highlands point to the Lesotho border, which is also
        // South Africa's hole.
        #expect(abs(lesotho.signedDistanceMetres(to: highlands) + 61_345.627) < 1)
        #expect(abs(southAfrica.signedDistanceMetres(to: highlands) - 61_345.627) < 1)
    }

    @Test func fijiAndRussiaOnBothSidesOfTheAntimeridian() throws {
        let fiji = try NaturalEarth.country("FJI")
        #expect(fiji.contains(coordinate(-16.6, 179.3)))
        #expect(fiji.contains(coordinate(-16.8, -179.95)))
        #expect(!fiji.contains(coordinate(-17.0, 179.999)))
        #expect(!fiji.contains(coordinate(-16.0, -179.5)))
        #expect(abs(fiji.signedDistanceMetres(to: coordinate(-16.8, -179.95)) + 4_636.642) < 1)

        let russia = try NaturalEarth.country("RUS")
        for longitude in [179.5, -179.5, -175.0, 179.99, -179.99] {
            #expect(russia.contains(coordinate(66.5, longitude)), "66.5N \(longitude)")
        }
        #expect(russia.contains(coordinate(55.75, 37.62)))
        // Natural Earth cuts Chukotka along 180°; that cut is not a border. Oracle, cut edges
        // excluded: 38 142.462 m and 37 489.669 m (with the cut it would be 445 m).
        #expect(abs(russia.signedDistanceMetres(to: coordinate(66.5, 179.99)) + 38_142.462) < 1)
        #expect(abs(russia.signedDistanceMetres(to: coordinate(66.5, -179.99)) + 37_489.669) < 1)

        let antarctica = try NaturalEarth.country("ATA")
        #expect(antarctica.contains(coordinate(-85, 179.9)))
        #expect(antarctica.contains(coordinate(-85, -179.9)))
        #expect(antarctica.contains(coordinate(-80, 0)))
    }

    struct Offshore: Sendable, CustomTestStringConvertible {
        var country: String
        var point: GeodeticCoordinate
        var boundaryDistanceMetres: Double
        var testDescription: String { "\(country) \(boundaryDistanceMetres) m" }
    }

    /// Points moved offshore along the outward normal of a coastal vertex, the offset bisected
    /// in the oracle until the true boundary distance is 11.9 nm, 12.1 nm, 50 km, 200 km.
    static let offshore: [Offshore] = [
        Offshore(country: "MRT", point: coordinate(18.494198179, -16.294899050), boundaryDistanceMetres: 22_038.800),
        Offshore(country: "MRT", point: coordinate(18.493742532, -16.298426822), boundaryDistanceMetres: 22_409.200),
        Offshore(country: "MRT", point: coordinate(18.459617459, -16.561151826), boundaryDistanceMetres: 50_000.000),
        Offshore(country: "MRT", point: coordinate(18.260659251, -18.038796091), boundaryDistanceMetres: 200_000.000),
        Offshore(country: "ISL", point: coordinate(63.209174874, -18.673508058), boundaryDistanceMetres: 22_038.800),
        Offshore(country: "ISL", point: coordinate(63.205855238, -18.673840110), boundaryDistanceMetres: 22_409.200),
        Offshore(country: "ISL", point: coordinate(62.958571646, -18.698362407), boundaryDistanceMetres: 50_000.000),
        Offshore(country: "ISL", point: coordinate(61.613966490, -18.824773703), boundaryDistanceMetres: 200_000.000),
    ]

    @Test(arguments: offshore)
    func territorialSeaBoundaryAt12NauticalMiles(_ case: Offshore) throws {
        let zone = try NaturalEarth.country(`case`.country, bufferMetres: MaritimeDistance.territorialSeaMetres)
        let measured = zone.signedDistanceMetres(to: `case`.point, searchRadiusMetres: 300_000)
        let expected = `case`.boundaryDistanceMetres - MaritimeDistance.territorialSeaMetres
        // Well under the 100 m requirement; the error is the chord-to-arc residual, O(s³/R²).
        let tolerance = `case`.boundaryDistanceMetres > 100_000 ? 5.0 : 1.0
        #expect(abs(measured - expected) < tolerance, "measured \(measured), expected \(expected)")
        let nauticalMiles = `case`.boundaryDistanceMetres / MaritimeDistance.metresPerNauticalMile
        #expect(zone.contains(`case`.point) == (nauticalMiles < 12))
    }

    @Test func territorialSeaFromTheFinerCoastline() throws {
        let coastline = try #require(NaturalEarth.coastline)
        // The committed subset: the 5 of the layer's 4,133 LineStrings that reach 26–12° W, 62–67.5° N.
        #expect(coastline.features.count == 5)
        let iceland = try NaturalEarth.country("ISL")
        let coast = iceland.nearbyPieces(of: coastline.lines(matching: .all), withinMetres: 30_000)
        #expect(!coast.isEmpty)
        let sea = try Zone(name: "Iceland coast + 12 nm", geometry: ZoneGeometry(lines: coast, bufferMetres: 22_224))
        // Oracle: 18 217.575 m and 39 410.148 m from the 1:10m coastline.
        #expect(abs(sea.signedDistanceMetres(to: coordinate(63.2435, -18.6)) - (18_217.575 - 22_224)) < 1)
        #expect(abs(sea.signedDistanceMetres(to: coordinate(63.1, -18.2)) - (39_410.148 - 22_224)) < 1)
        #expect(sea.contains(coordinate(63.2435, -18.6)))
        #expect(!sea.contains(coordinate(63.1, -18.2)))
    }

    @Test func worldPolicyWithTerritorialSeas() throws {
        let zones = try #require(NaturalEarth.worldTerritorialSeas)
        let policy = GeofencePolicy(rules: zones.map { ZoneRule(zone: $0, action: .noService) }, defaultAction: .allow)
        let pacific = policy.assess(coordinate(-30, -140), uncertaintyMetres: 10)
        #expect(pacific == GeofenceDecision(action: .allow, reason: .defaultAction))
        let moscow = policy.assess(coordinate(55.75, 37.62), uncertaintyMetres: 10)
        #expect(moscow.action == .noService)
        #expect(moscow.reason == .insideZone)
        #expect(moscow.zoneName == "Russia")
        #expect(moscow.boundaryDistanceMetres == nil, "no other-action boundary within 10 km")
        // Off Iceland at 11.9 and 12.1 nm.
        let inside = policy.assess(coordinate(63.209174874, -18.673508058), uncertaintyMetres: 0)
        #expect(inside.action == .noService)
        #expect(inside.zoneName == "Iceland")
        #expect(abs((inside.boundaryDistanceMetres ?? 0) - (22_224 - 22_038.8)) < 0.5)
        let outside = policy.assess(coordinate(63.205855238, -18.673840110), uncertaintyMetres: 0)
        #expect(outside.action == .allow)
        #expect(abs((outside.boundaryDistanceMetres ?? 0) - (22_409.2 - 22_224)) < 0.5)
        // 185 m outside, but the fix is only good to 200 m: possibly inside.
        let uncertain = policy.assess(coordinate(63.205855238, -18.673840110), uncertaintyMetres: 200)
        #expect(uncertain.action == .noService)
        #expect(uncertain.reason == .withinUncertaintyOfZone)
    }
}

/// The cell grid is only a shortcut: zones built with and without it must give identical
/// signed distances, here for random points in and around wide, antimeridian-crossing and
/// island-rich countries (half of them within 3° of ±180°).
@Suite
struct CellGridConsistencyTests {
    @Test(arguments: ["RUS", "ATA", "FJI", "USA", "CAN", "KIR", "NZL", "IDN"])
    func gridShortcutChangesNothing(code: String) throws {
        let document = try #require(NaturalEarth.countries)
        let options = ZoneBuildOptions(checksSelfIntersections: false)
        var plain = options
        plain.buildsCellGrids = false
        let gridded = try Zone(name: code, document: document, selecting: .isoCode(code), options: options)
        let reference = try Zone(name: code, document: document, selecting: .isoCode(code), options: plain)
        let polygons = document.polygons(matching: .isoCode(code))
        let latitudes = polygons.flatMap { $0.exterior.map(\.latitudeDegrees) }
        let south = (latitudes.min() ?? 0) - 0.5
        let north = (latitudes.max() ?? 0) + 0.5
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func random() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for index in 0..<800 {
            let longitude = index % 2 == 0 ? 180 - 6 * random() + 3 : 360 * random() - 180
            let point = coordinate(
                max(min(south + (north - south) * random(), 90), -90), GeodeticCoordinate.wrapLongitudeDegrees(longitude))
            for radius in [5_000.0, 50_000] {
                let fast = gridded.signedDistanceMetres(to: point, searchRadiusMetres: radius)
                let slow = reference.signedDistanceMetres(to: point, searchRadiusMetres: radius)
                #expect(fast == slow, "\(point) within \(radius) m")
            }
        }
    }
}

/// The policy's indexes (candidate grid, R-tree for wide reaches, ±360° shifts) choose the same
/// action as asking every zone directly, for points near coasts, near ±180° and anywhere.
@Suite
struct PolicyIndexConsistencyTests {
    @Test func indexedDecisionEqualsExhaustiveDecision() throws {
        let zones = try #require(NaturalEarth.worldTerritorialSeas)
        let document = try #require(NaturalEarth.countries)
        let policy = GeofencePolicy(
            rules: zones.enumerated().map { ZoneRule(zone: $1, action: ServiceAction.allCases[$0 % 3]) },
            defaultAction: .receiveOnly)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let vertices = document.polygons(matching: .all).flatMap(\.exterior)
        for index in 0..<400 {
            let point: GeodeticCoordinate
            switch index % 3 {
            case 0:
                let vertex = vertices[Int(random() * Double(vertices.count))]
                point = VincentyGeodesic.destination(
                    from: vertex, azimuthDegrees: 360 * random(), distanceMetres: 30_000 * random())
            case 1: point = coordinate(170 * random() - 85, 179 + 2 * random() > 180 ? -180 + random() : 179 + random())
            default: point = coordinate(asin(2 * random() - 1) * 180 / .pi, 360 * random() - 180)
            }
            let margin = [0.0, 200, 25_000][index % 3]
            var worst: ServiceAction?
            var covered = false
            for rule in policy.rules {
                let signed = rule.zone.signedDistanceMetres(to: point, searchRadiusMetres: margin + 1_000)
                if signed <= margin { worst = max(worst ?? rule.action, rule.action) }
                if signed <= -margin { covered = true }
            }
            var expected = policy.defaultAction
            if let worst, covered || worst >= policy.defaultAction { expected = worst }
            #expect(policy.assess(point, uncertaintyMetres: margin).action == expected, "\(point) ± \(margin) m")
        }
    }
}
