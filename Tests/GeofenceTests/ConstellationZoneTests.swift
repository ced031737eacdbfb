import Foundation
import Geofence
import Testing

/// Zones that bind some constellations and spare others (a state's ban on a foreign operator).
@Suite struct ConstellationZoneTests {
    /// "Banned state": noService for starlink only, south-west of null island (negative
    /// coordinates), inside an allow world; "Licensed": allow for oneweb only in a noService world.
    static func policies() throws -> (open: GeofencePolicy, closed: GeofencePolicy) {
        let banned = try squareZone("Banned state", west: -11, south: -11, east: -10, north: -10)
        let licensed = try squareZone("Licensed", west: -21, south: -21, east: -20, north: -20)
        return (
            GeofencePolicy(
                rules: [
                    ZoneRule(
                        zone: banned, action: .noService,
                        constellations: ConstellationSet.all.subtracting(ConstellationSet([.guowang, .qianfan])))
                ], defaultAction: .allow),
            GeofencePolicy(
                rules: [ZoneRule(zone: licensed, action: .allow, constellations: ConstellationSet(.oneweb))],
                defaultAction: .noService)
        )
    }

    @Test func aBanOnAForeignOperatorSparesTheDomesticConstellations() throws {
        let policy = try Self.policies().open
        let inside = policy.assess(coordinate(-10.5, -10.5))
        #expect(inside.action == .noService)  // for a constellation the zone binds
        #expect(inside.transmitPermittedConstellations == ConstellationSet([.guowang, .qianfan]))
        let outside = policy.assess(coordinate(-10.5, -12))
        #expect(outside.action == .allow)
        #expect(outside.transmitPermittedConstellations == .all)
    }

    @Test func theUncertaintyDiscCountsPerConstellationToo() throws {
        let policy = try Self.policies().open
        // 500 m west of the zone's western edge, 1 km uncertainty: possibly inside.
        let near = policy.assess(east(of: coordinate(-10.5, -11), metres: -500), uncertaintyMetres: 1_000)
        #expect(near.action == .noService)
        #expect(near.transmitPermittedConstellations == ConstellationSet([.guowang, .qianfan]))
    }

    @Test func anAllowZoneForOneConstellationInAClosedWorld() throws {
        let policy = try Self.policies().closed
        let inside = policy.assess(coordinate(-20.5, -20.5))
        #expect(inside.action == .allow)
        #expect(inside.transmitPermittedConstellations == ConstellationSet(.oneweb))
        let outside = policy.assess(coordinate(-30, -30))
        #expect(outside.transmitPermittedConstellations.isEmpty)
    }

    @Test func receivingIsPermittedPerConstellationAsTransmitting() throws {
        let (open, closed) = try Self.policies()
        let banned = open.assess(coordinate(-10.5, -10.5))
        #expect(banned.receivePermittedConstellations == ConstellationSet([.guowang, .qianfan]))
        #expect(open.assess(coordinate(-10.5, -12)).receivePermittedConstellations == .all)
        #expect(closed.assess(coordinate(-20.5, -20.5)).receivePermittedConstellations == ConstellationSet(.oneweb))
        #expect(closed.assess(coordinate(-30, -30)).receivePermittedConstellations.isEmpty)
        // A receive-only zone for every network: receiving stays permitted, transmitting not.
        let quiet = GeofencePolicy(
            rules: [ZoneRule(zone: try squareZone("Quiet", west: -41, south: -41, east: -40, north: -40), action: .receiveOnly)],
            defaultAction: .allow)
        let inside = quiet.assess(coordinate(-40.5, -40.5))
        #expect(inside.transmitPermittedConstellations.isEmpty)
        #expect(inside.receivePermittedConstellations == .all)
    }

    @Test func failingClosedPermitsNoConstellation() throws {
        var evaluator = GeofenceEvaluator(policy: try Self.policies().open)
        #expect(evaluator.decide(at: .zero).transmitPermittedConstellations.isEmpty)
    }

    @Test func setsReadAndPrintByName() {
        let set = ConstellationSet([.qianfan, .starlink])
        #expect(set.names == [.starlink, .qianfan])
        #expect(set.description == "starlink,qianfan")
        #expect(ConstellationSet().description == "none")
        #expect(ConstellationName.allCases.map(\.rawValue) == ["starlink", "oneweb", "kuiper", "guowang", "qianfan"])
    }
}
