import Foundation
import Geofence
import Testing

/// Precedence and uncertainty margins on hand-made squares near the equator.
@Suite struct PolicyTests {
    /// A: noService 0–1°E; D: receiveOnly 0.5–1.5°E (overlapping A); C: allow 3–4°E;
    /// B: receiveOnly 6–7°E. All span 0–1°N.
    static func zones() throws -> (a: Zone, d: Zone, c: Zone, b: Zone) {
        (
            try squareZone("A", west: 0, south: 0, east: 1, north: 1),
            try squareZone("D", west: 0.5, south: 0, east: 1.5, north: 1),
            try squareZone("C", west: 3, south: 0, east: 4, north: 1),
            try squareZone("B", west: 6, south: 0, east: 7, north: 1)
        )
    }

    static func openWorld() throws -> GeofencePolicy {
        let z = try zones()
        return GeofencePolicy(
            rules: [
                ZoneRule(zone: z.a, action: .noService), ZoneRule(zone: z.d, action: .receiveOnly),
                ZoneRule(zone: z.c, action: .allow), ZoneRule(zone: z.b, action: .receiveOnly),
            ], defaultAction: .allow)
    }

    static func closedWorld() throws -> GeofencePolicy {
        let z = try zones()
        return GeofencePolicy(
            rules: [ZoneRule(zone: z.c, action: .allow), ZoneRule(zone: z.b, action: .receiveOnly)], defaultAction: .noService)
    }

    @Test func mostRestrictiveZoneWins() throws {
        let policy = try Self.openWorld()
        let onlyA = policy.assess(coordinate(0.5, 0.25))
        #expect(onlyA.action == .noService)
        #expect(onlyA.reason == .insideZone)
        #expect(onlyA.zoneName == "A")
        #expect(onlyA.ruleIndex == 0)
        let both = policy.assess(coordinate(0.5, 0.75))
        #expect(both.action == .noService)
        #expect(both.zoneName == "A")
        let onlyD = policy.assess(coordinate(0.5, 1.25))
        #expect(onlyD.action == .receiveOnly)
        #expect(onlyD.zoneName == "D")
        #expect(!onlyD.permitsTransmit)
        #expect(onlyD.action.permitsReceive)
    }

    @Test func defaultAppliesOutsideEveryZone() throws {
        let policy = try Self.openWorld()
        let ocean = policy.assess(coordinate(0.5, 5))
        #expect(ocean == GeofenceDecision(action: .allow, reason: .defaultAction))
        #expect(ocean.permitsTransmit)
        #expect(ocean.description == "allow (defaultAction)")
    }

    @Test func boundaryDistanceNamesTheNearestRelevantEdge() throws {
        let policy = try Self.openWorld()
        // 1 km east of D (receiveOnly): the decision is the default allow; D's edge is relevant.
        let decision = policy.assess(east(of: coordinate(0.5, 1.5), metres: 1_000))
        #expect(decision.action == .allow)
        let distance = try #require(decision.boundaryDistanceMetres)
        #expect(abs(distance - 1_000) < 0.5)
        // Inside A, 300 m from its western edge: the exit is 300 m away.
        let inside = policy.assess(east(of: coordinate(0.5, 0), metres: 300))
        #expect(abs((inside.boundaryDistanceMetres ?? 0) - 300) < 0.5)
        // Inside C (allow) the edge of C is not relevant to an allow decision in an allow world.
        #expect(policy.assess(east(of: coordinate(0.5, 3), metres: 300)).boundaryDistanceMetres == nil)
    }

    @Test func uncertaintyGrowsRestrictiveZones() throws {
        let policy = try Self.openWorld()
        let point = east(of: coordinate(0.5, 1.5), metres: 50)
        let precise = policy.assess(point, uncertaintyMetres: 10)
        #expect(precise.action == .allow)
        let vague = policy.assess(point, uncertaintyMetres: 100)
        #expect(vague.action == .receiveOnly)
        #expect(vague.reason == .withinUncertaintyOfZone)
        #expect(vague.zoneName == "D")
    }

    @Test func uncertaintyShrinksZonesLessRestrictiveThanTheDefault() throws {
        let policy = try Self.closedWorld()
        let deep = policy.assess(coordinate(0.5, 3.5), uncertaintyMetres: 10)
        #expect(deep.action == .allow)
        #expect(deep.reason == .insideZone)
        #expect(deep.zoneName == "C")
        let nearEdge = east(of: coordinate(0.5, 3), metres: 50)
        #expect(policy.assess(nearEdge, uncertaintyMetres: 10).action == .allow)
        let unsure = policy.assess(nearEdge, uncertaintyMetres: 100)
        #expect(unsure.action == .noService)
        #expect(unsure.reason == .notSurelyInsideZone)
        #expect(unsure.zoneName == "C")
        #expect(abs((unsure.boundaryDistanceMetres ?? 0) - 50) < 0.5)
        // A receiveOnly zone in a noService world also needs the fix surely inside.
        #expect(policy.assess(coordinate(0.5, 6.5), uncertaintyMetres: 10).action == .receiveOnly)
        #expect(policy.assess(east(of: coordinate(0.5, 6), metres: 50), uncertaintyMetres: 100).action == .noService)
        #expect(policy.assess(coordinate(0.5, 10)).reason == .defaultAction)
    }

    @Test func zonesAcrossTheAntimeridianAreFoundFromBothSides() throws {
        let document = try Fixtures.document("antimeridian-ring.geojson")
        let zone = try Zone(name: "Across", document: document, selecting: .all, bufferMetres: 1_000)
        let policy = GeofencePolicy(rules: [ZoneRule(zone: zone, action: .noService)], defaultAction: .allow)
        #expect(policy.assess(coordinate(0, 179.99)).action == .noService)
        #expect(policy.assess(coordinate(0, -179.99)).action == .noService)
        #expect(policy.assess(coordinate(0, 169.995)).action == .noService, "within the 1 km buffer")
        #expect(policy.assess(coordinate(0, -169.98)).action == .allow)
        #expect(policy.assess(coordinate(10.005, -175)).action == .noService)
    }

    @Test func emptyPolicyIsTheDefaultEverywhere() {
        let policy = GeofencePolicy(rules: [], defaultAction: .receiveOnly)
        #expect(policy.assess(coordinate(45, 45)) == GeofenceDecision(action: .receiveOnly, reason: .defaultAction))
    }

    @Test func actionsAreOrderedByRestriction() {
        #expect(ServiceAction.allow < .receiveOnly)
        #expect(ServiceAction.receiveOnly < .noService)
        #expect(ServiceAction.allCases.map(\.permitsTransmit) == [true, false, false])
        #expect(ServiceAction.allCases.map(\.permitsReceive) == [true, true, false])
    }
}

@Suite struct CodingTests {
    @Test func geometryAndActionsRoundTripThroughJSON() throws {
        let geometry = ZoneGeometry(
            polygons: [GeoPolygon(exterior: [coordinate(0, 0), coordinate(0, 1), coordinate(1, 1), coordinate(0, 0)])],
            lines: [GeoPolyline(vertices: [coordinate(5, 5)])], bufferMetres: 22_224)
        let data = try JSONEncoder().encode(geometry)
        #expect(try JSONDecoder().decode(ZoneGeometry.self, from: data) == geometry)
        let actions = try JSONEncoder().encode([ServiceAction.noService, .receiveOnly, .allow])
        #expect(String(decoding: actions, as: UTF8.self) == #"["noService","receiveOnly","allow"]"#)
        #expect(try JSONDecoder().decode([ServiceAction].self, from: actions) == [.noService, .receiveOnly, .allow])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ServiceAction].self, from: Data(#"["deny"]"#.utf8)) }
        #expect(ServiceAction(name: "receiveOnly") == .receiveOnly)
        #expect(ServiceAction(name: "x") == nil)
    }
}
