import Foundation
import Geofence
import Testing

@testable import Terminal

/// Issue 18's joint scenario on the simulated bench: a terminal able to use several networks,
/// a zone that bans one operator and spares others.
@Suite struct MultiNetworkSwitchTests {
    /// HIL/scenarios/multi-network/banned-sea-switch.yaml at 100 Hz (a test's budget): a
    /// Starlink + Guowang + Qianfan vessel crosses into the example policy's "China + 12 nm".
    static let bannedSea = """
        format: 1
        scenario: banned-sea-switch-100hz
        start: 2026-08-23T00:00:00Z
        tick_hz: 100
        gnss: { rate_hz: 1, accuracy_m: 5 }
        service: { constellations: [starlink, guowang, qianfan] }
        route:
          - { t_s: 0,   lat_deg: 29.95, lon_deg: 122.6444 }
          - { t_s: 120, lat_deg: 29.95, lon_deg: 122.6274 }
          - { t_s: 150, lat_deg: 29.95, lon_deg: 122.6274 }
        expect:
          - transmit_off_within_ms_of_restriction: 10
          - never_transmit_in_restricted_zone_grace_ms: 1000
          - network_serving_within_s_of_refusal: { network: guowang, within_s: 30 }
          - safety_invariants: true
        """

    @Test func aVesselEnteringASeaThatBansStarlinkSwitchesToADomesticNetwork() throws {
        let (result, _) = try ScenarioRunner.run(Self.bannedSea, name: "banned-sea", board: "Boards/sim-maritime-multi.yaml")
        for verdict in result.verdicts { #expect(verdict.passed, "\(verdict.expectation): \(verdict.detail)") }
        // Starlink off within a tick of the first fix inside; then a network switch (the
        // acquisition outage, NO_SCHEDULE) and service again through Guowang.
        #expect(result.reactions.contains { $0.kind == .restriction && $0.ticks <= 1 })
        #expect((result.outageSeconds[.noSchedule] ?? 0) >= 10)
        #expect(result.finalService.permittedConstellations == ConstellationSet([.guowang, .qianfan]))
        #expect(result.transmitOnSeconds > 100)
    }

    /// The defect: a multi-network board (Boards/sim-multi.yaml) subscribed to Starlink alone
    /// (the default `service:`) scheduled Kuiper or OneWeb satellites, which the service rules
    /// then refused: transmit never came on. The scheduler now chooses among the networks the
    /// board can use *and* the terminal is subscribed to.
    @Test func aMultiNetworkBoardSubscribedToStarlinkAloneServesThroughStarlink() throws {
        // The open sea off Zhoushan, outside every zone, where the best first satellite is not
        // a Starlink one.
        let openSea = """
            format: 1
            scenario: multi-board-starlink-subscription
            start: 2026-08-23T00:00:00Z
            tick_hz: 100
            route:
              - { t_s: 0, lat_deg: 29.95, lon_deg: 122.6444 }
            duration_s: 40
            """
        let (result, _) = try ScenarioRunner.run(openSea, name: "open-sea", board: "Boards/sim-multi.yaml")
        #expect(result.transmitOnSeconds > 30, "transmit on \(result.transmitOnSeconds) s of 40")
    }
}
