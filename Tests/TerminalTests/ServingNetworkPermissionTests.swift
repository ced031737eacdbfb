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
}
