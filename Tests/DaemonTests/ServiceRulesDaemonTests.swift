import DishAPI
import Drivers
import Foundation
import Geofence
import Testing

@testable import Daemon
@testable import Terminal

/// The daemon's side of the service rules: the `service:` section, the dish's
/// `disablement_code` for every reason code, and `/status`'s `service` object.
@Suite struct ServiceRulesDaemonTests {
    func parse(_ yaml: String) throws(DataFileErrors) -> DaemonConfiguration {
        try DaemonConfigurationFile.parse(yaml: yaml, file: "test.yaml", baseDirectory: "/etc/utermd")
    }

    @Test func theServiceSection() throws {
        let none = try parse(DaemonConfigurationTests.minimal).service
        #expect(none.plan == nil && none.address == nil && none.constellations == ConstellationSet(.starlink))
        let configured = try parse(
            DaemonConfigurationTests.minimal
                + "service: { plan: residential, address: { lat_deg: -34.8836, lon_deg: -56.1819 }, constellations: [starlink, oneweb] }\n"
                + "safety: { mobility: stationary }\n")
        let subscription = configured.service.subscription(mobility: configured.safety.mobility)
        #expect(subscription.planName == "residential")
        #expect(subscription.mobility == .stationary)
        #expect(subscription.serviceAddress == GeodeticCoordinate(latitudeDegrees: -34.8836, longitudeDegrees: -56.1819))
        #expect(subscription.constellations == ConstellationSet([.starlink, .oneweb]))
        do {
            _ = try parse(DaemonConfigurationTests.minimal + "service: { address: { lat_deg: -95, lon_deg: 0 }, constellations: [iridium] }\n")
            Issue.record("accepted a bad service section")
        } catch {
            let text = error.errors.map(\.description).joined(separator: "\n")
            #expect(text.contains("service.address.lat_deg"), "\(text)")
            #expect(text.contains("service.constellations[0]"), "\(text)")
        }
    }

    @Test func everyReasonCodeReachesTheDish() {
        var snapshot = TerminalSnapshot.initial
        snapshot.latitudeDegrees = -34.6
        snapshot.longitudeDegrees = -56.0
        snapshot.geofenceAction = 0
        snapshot.unmetConditions = 0
        for code in DisablementCode.allCases where code != .unknownLocation {
            snapshot.service = ServiceDecision(code: code, permittedConstellations: ConstellationSet(.starlink))
            #expect(DishStatusMapping.disablementCode(snapshot).rawValue == Self.dishNumbers[code], "\(code)")
        }
        // No usable fix: UNKNOWN_LOCATION whatever the rules said last.
        snapshot.latitudeDegrees = .nan
        #expect(DishStatusMapping.disablementCode(snapshot) == .unknownLocation)
    }

    /// The dish's numbers (`ut_disablement_codes.proto`).
    static let dishNumbers: [DisablementCode: Int] = [
        .okay: 1, .tooFarFromServiceAddress: 3, .inOcean: 4, .blockedCountry: 6, .blockedArea: 16, .roamRestricted: 10,
        .movingTooFastForPolicy: 14,
    ]

    @Test func statusCarriesTheDecision() {
        var decision = ServiceDecision(code: .roamRestricted, permittedConstellations: [])
        decision.place = .coastal(region: 0)
        decision.consecutiveCoastalDays = 2
        let json = StatusJSON.service(decision)
        guard case .object(let members) = json else {
            Issue.record("not an object")
            return
        }
        let names = members.map(\.0)
        #expect(names.contains("disablement_code") && names.contains("permitted_constellations"))
        #expect(members.first { $0.0 == "disablement_code" }?.1 == .string("ROAM_RESTRICTED"))
        #expect(members.first { $0.0 == "place" }?.1 == .string("coastal"))
        #expect(members.first { $0.0 == "consecutive_coastal_days" }?.1 == .int(2))
    }
}
