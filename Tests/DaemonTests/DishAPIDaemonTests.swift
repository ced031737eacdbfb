import DishAPI
import Drivers
import Foundation
import Testing

@testable import Daemon
@testable import Terminal

/// The daemon's side of the dish API: the `dish_api:` section, and the terminal's vocabulary
/// mapped to the dish's (outage causes, disablement codes).
@Suite struct DishAPIDaemonTests {
    func parse(_ yaml: String) throws(DataFileErrors) -> DaemonConfiguration {
        try DaemonConfigurationFile.parse(yaml: yaml, file: "test.yaml", baseDirectory: "/etc/utermd")
    }

    func problems(_ yaml: String) -> [String] {
        do {
            _ = try parse(yaml)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func absentSectionIsOffAPresentOneOnWithTheDishDefaults() throws {
        #expect(try parse(DaemonConfigurationTests.minimal).dishAPI.enabled == false)
        let dish = try parse(DaemonConfigurationTests.minimal + "dish_api: {}\n").dishAPI
        #expect(dish.enabled && dish.bind == "127.0.0.1" && dish.port == 9200 && dish.controls && !dish.locationEnabled)
        let sim = try DaemonConfigurationFile.load(
            path: DaemonConfigurationTests.repository.appendingPathComponent("Config/sim.yaml").path)
        #expect(sim.dishAPI.enabled && sim.dishAPI.port == 9200 && sim.dishAPI.countryCode == "CH")
    }

    @Test func badSettingsAreLocatedByLineAndField() {
        let found = problems(
            DaemonConfigurationTests.minimal + """
                dish_api: { bind: 0.0.0.0, port: 70000, country_code: che, colour: blue }

                """)
        #expect(found.contains { $0.hasPrefix("test.yaml:7:") && $0.contains("colour") })
        #expect(found.contains { $0.hasPrefix("test.yaml:7:") && $0.contains("0.0.0.0 is not a loopback address") })
        #expect(found.contains { $0.hasPrefix("test.yaml:7:") && $0.contains("70000") })
        #expect(found.contains { $0.hasPrefix("test.yaml:7:") && $0.contains("\"che\" is not an ISO 3166-1 alpha-2 code") })
        #expect(throws: Never.self) {
            try parse(DaemonConfigurationTests.minimal + "dish_api: { bind: \"::\", allow_non_loopback: true }\n")
        }
    }

    @Test func aPortSharedWithAnotherListenerIsAProblem() throws {
        let clash = try parse(
            DaemonConfigurationTests.minimal + "status_api: { port: 9200 }\ndish_api: { port: 9200 }\n")
        let found = StartupChecks.portProblems(clash).map(\.description)
        #expect(found.count == 1)
        #expect(found.first?.contains("dish_api.port") == true)
        #expect(found.first?.contains("port 9200 is also the status API's (status_api.port)") == true)
        let rotator = try parse(
            DaemonConfigurationTests.minimal + "rotctld: { port: 9200 }\ndish_api: { port: 9200 }\n")
        #expect(StartupChecks.portProblems(rotator).map(\.description).first?.contains("rotctld's") == true)
        let apart = try parse(DaemonConfigurationTests.minimal + "dish_api: { port: 9300 }\n")
        #expect(StartupChecks.portProblems(apart).isEmpty)
    }

    static func snapshot(_ build: (inout TerminalSnapshot) -> Void) -> TerminalSnapshot {
        var snapshot = TerminalSnapshot.initial
        snapshot.state = .tracking
        snapshot.latitudeDegrees = -33.45
        snapshot.longitudeDegrees = -70.66
        snapshot.geofenceAction = 0
        build(&snapshot)
        return snapshot
    }

    @Test func disablementCodeIsTheGeofencesDecision() {
        #expect(DishStatusMapping.disablementCode(Self.snapshot { _ in }) == .okay)
        #expect(DishStatusMapping.disablementCode(Self.snapshot { $0.geofenceAction = 2 }) == .blockedCountry)
        #expect(DishStatusMapping.disablementCode(Self.snapshot { $0.geofenceAction = 1 }) == .blockedArea)
        #expect(DishStatusMapping.disablementCode(Self.snapshot { $0.latitudeDegrees = .nan }) == .unknownLocation)
        #expect(
            DishStatusMapping.disablementCode(
                Self.snapshot { $0.unmetConditions = TransmitConditionSet(.positionFixFresh).rawValue }) == .unknownLocation)
        // The initial snapshot: no fix, noService by default: the location decides.
        #expect(DishStatusMapping.disablementCode(.initial) == .unknownLocation)
    }

    @Test func outageCausesInTheDishsVocabulary() {
        #expect(DishStatusMapping.outageCause(Self.snapshot { _ in }) == nil)
        #expect(DishStatusMapping.outageCause(Self.snapshot { $0.state = .handover }) == nil)
        #expect(DishStatusMapping.outageCause(.initial) == .booting)
        #expect(
            DishStatusMapping.outageCause(
                Self.snapshot {
                    $0.state = .stowed; $0.outageCause = OutageCause.restricted.rawValue
                }) == .stowed)
        let cases: [(OutageCause, SpaceX_API_Device_DishOutage.Cause)] = [
            (.noSchedule, .noSchedule), (.noFix, .noSchedule), (.noUTC, .noSchedule), (.noSatellites, .noSats),
            (.outOfScan, .noSats), (.obstructed, .obstructed), (.restricted, .inhibitRf), (.fault, .unknown),
            (.beamformer, .noDownlink),
        ]
        for (cause, expected) in cases {
            let snapshot = Self.snapshot {
                $0.state = .searching
                $0.outageCause = cause.rawValue
            }
            #expect(DishStatusMapping.outageCause(snapshot) == expected, "\(cause)")
        }
        let hot = Self.snapshot {
            $0.state = .fault
            $0.outageCause = OutageCause.fault.rawValue
            $0.faults = FaultSourceSet(.overTemperature).rawValue
        }
        #expect(DishStatusMapping.outageCause(hot) == .thermalShutdown)
    }

    @Test func slotEndFromTheSchedulerOrTheFifteenSecondGrid() {
        var assignment = ServingAssignment.none
        #expect(DaemonDishSource.secondsToSlotEnd(assignment, utcNanoseconds: .min) == nil)
        #expect(DaemonDishSource.secondsToSlotEnd(assignment, utcNanoseconds: 1_500_000_000_000_000_000 + 4_000_000_000) == 11)
        assignment.nextSlotStartUnixNanoseconds = 1_000_000_010_000_000_000
        #expect(DaemonDishSource.secondsToSlotEnd(assignment, utcNanoseconds: 1_000_000_007_500_000_000) == 2.5)
    }
}
