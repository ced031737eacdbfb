import Geofence
import Orbit
import Terminal
import Testing

/// The service rules' transmit condition judges the network actually serving: a zone that
/// refuses one operator refuses transmit through its satellites, even while the board could
/// use a network the zone permits.
@Suite struct ServingNetworkPermissionTests {
    @Test func everyEphemerisNetworkHasThePolicysName() {
        for constellation in Constellation.allCases {
            #expect(ConstellationName(constellation).rawValue == constellation.rawValue)
        }
    }

    @Test func theServingNetworkMustBeAmongThePermitted() {
        // A zone permitting the domestic networks only, a board that can use Starlink and Guowang.
        let decision = ServiceDecision(code: .okay, permittedConstellations: ConstellationSet([.guowang]))
        #expect(decision.permitsTransmit)  // some network the board can use is permitted...
        #expect(!decision.permitsTransmit(servingNetwork: .starlink))  // ...but not the one serving
        #expect(decision.permitsTransmit(servingNetwork: .guowang))
        #expect(decision.permitsTransmit(servingNetwork: nil))  // nothing scheduled: satellite_scheduled refuses
    }

    @Test func aRefusingCodeRefusesEveryNetwork() {
        let decision = ServiceDecision(code: .blockedCountry, permittedConstellations: .all)
        for name in ConstellationName.allCases { #expect(!decision.permitsTransmit(servingNetwork: name)) }
        #expect(!decision.permitsTransmit(servingNetwork: nil))
    }

    /// The example's state ban: Starlink refused, the domestic networks spared.
    static let banned = GeofenceDecision(
        action: .noService, reason: .insideZone, zoneName: "China + 12 nm",
        transmitPermittedConstellations: ConstellationSet([.guowang, .qianfan]),
        receivePermittedConstellations: ConstellationSet([.guowang, .qianfan]))

    @Test func theGeofenceJudgesTheNetworkInUse() {
        #expect(Self.banned.action(for: ConstellationSet(.starlink)) == .noService)
        #expect(Self.banned.action(for: ConstellationSet(.guowang)) == .allow)
        // A board of both: some network may serve here.
        #expect(Self.banned.action(for: ConstellationSet([.starlink, .guowang])) == .allow)
        // A zone binding every network: its action for all of them.
        let everywhere = GeofenceDecision(action: .receiveOnly, reason: .insideZone)
        #expect(everywhere.action(for: .all) == .receiveOnly)
        #expect(everywhere.action(for: ConstellationSet(.oneweb)) == .receiveOnly)
    }

    @Test func theSchedulerIsToldTheNetworksItMayUseHere() {
        let board = ConstellationSet([.starlink, .guowang])
        #expect(Self.banned.schedulingNetworks(usable: board) == ConstellationSet(.guowang))
        #expect(Self.banned.schedulingNetworks(usable: ConstellationSet(.starlink)) == [])
        let open = GeofenceDecision(action: .allow, reason: .defaultAction)
        #expect(open.schedulingNetworks(usable: board) == board)
        // Receive-only for every network: the scheduler keeps receiving on the board's networks.
        let quiet = GeofenceDecision(action: .receiveOnly, reason: .insideZone)
        #expect(quiet.schedulingNetworks(usable: board) == board)
        // A fix missing or doubtful says nothing about which network: the set is kept.
        #expect(GeofenceDecision(action: .noService, reason: .staleFix).schedulingNetworks(usable: board) == nil)
    }

    @Test func networkNamesConvertBothWays() {
        for name in ConstellationName.allCases { #expect(ConstellationName(Constellation(name)) == name) }
        #expect(ConstellationSet(networks: [Constellation.kuiper, .starlink]).constellations == [.kuiper, .starlink])
    }
}
