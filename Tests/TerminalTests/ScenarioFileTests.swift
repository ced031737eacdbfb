import Foundation
@testable import Simulation
import Terminal
import Testing

@Suite struct ScenarioFileTests {
    @Test func embeddedDefaultIsTheRepositoryFile() throws {
        let file = try String(contentsOfFile: RepositoryFiles.path("HIL/scenarios/long/ningbo-port-call.yaml"), encoding: .utf8)
        #expect(EmbeddedDefaults.defaultScenarioYAML == file)
        let scenario = try ScenarioFile.parse(yaml: file, file: "ningbo.yaml")
        #expect(scenario.name == "ningbo-port-call")
        #expect(scenario.durationSeconds == 3_070)
        #expect(scenario.startUnixNanoseconds == 1_787_443_200_000_000_000)
    }

    @Test func routeIsInterpolatedAndHeldAtItsEnds() throws {
        let scenario = try ScenarioFile.parse(
            yaml: """
                format: 1
                scenario: t
                start: 2026-08-23T00:00:00Z
                route:
                  - { t_s: 10, lat_deg: 10, lon_deg: 179 }
                  - { t_s: 20, lat_deg: 12, lon_deg: -179 }
                """, file: "t.yaml")
        #expect(scenario.position(atSeconds: 0) == (10, 179))
        let middle = scenario.position(atSeconds: 15)
        #expect(middle.latitudeDegrees == 11)
        #expect(abs(abs(middle.longitudeDegrees) - 180) < 1e-9, "crosses the antimeridian the short way")
        #expect(scenario.position(atSeconds: 99) == (12, -179))
    }

    @Test(arguments: [
        ("format: 2\nscenario: t\nstart: 2026-08-23T00:00:00Z\nroute: [{ t_s: 0, lat_deg: 0, lon_deg: 0 }]\nduration_s: 1\n", "format"),
        ("format: 1\nscenario: t\nstart: yesterday\nroute: [{ t_s: 0, lat_deg: 0, lon_deg: 0 }]\nduration_s: 1\n", "start"),
        ("format: 1\nscenario: t\nstart: 2026-08-23T00:00:00Z\nroute: [{ t_s: 0, lat_deg: 95, lon_deg: 0 }]\nduration_s: 1\n", "route[0]"),
        ("format: 1\nscenario: t\nstart: 2026-08-23T00:00:00Z\nroute: [{ t_s: 0, lat_deg: 0, lon_deg: 0 }]\nduration_s: 1\nexpect:\n  - fly: true\n", "expect[0].fly"),
        ("format: 1\nscenario: t\nstart: 2026-08-23T00:00:00Z\nroute: [{ t_s: 0, lat_deg: 0, lon_deg: 0 }]\nduration_s: 1\nevents:\n  - { at_s: 1 }\n", "events[0]"),
    ])
    func badScenariosNameTheField(_ text: String, _ field: String) {
        do {
            _ = try ScenarioFile.parse(yaml: text, file: "bad.yaml")
            Issue.record("accepted a bad scenario")
        } catch {
            #expect(error.errors.first?.field == field, "\(error)")
            #expect(error.description.hasPrefix("bad.yaml:"))
        }
    }

    /// Times past what the virtual clock counts crashed `utermd simulate` (a Double too large for
    /// Int64 nanoseconds); each is now refused with the field named.
    @Test(arguments: [
        ("route:\n  - { t_s: 1e300, lat_deg: 0, lon_deg: 0 }\nduration_s: 1\n", "t_s"),
        ("route: [{ t_s: 0, lat_deg: 0, lon_deg: 0 }]\nduration_s: 1e300\n", "duration_s"),
        ("route: [{ t_s: 0, lat_deg: 0, lon_deg: 0 }]\nduration_s: 30\nevents:\n  - { at_s: 1e300, unplug: beamformer, for_s: 3 }\n", "at_s"),
        ("route: [{ t_s: 0, lat_deg: 0, lon_deg: 0 }]\nduration_s: 30\nevents:\n  - { at_s: 10, unplug: beamformer, for_s: 1e300 }\n", "for_s"),
        ("route: [{ t_s: 0, lat_deg: 0, lon_deg: 0 }]\nduration_s: 30\nevents:\n  - { at_s: 10, gnss_outage_s: -1e300 }\n", "gnss_outage_s"),
        ("route: [{ t_s: 0, lat_deg: 0, lon_deg: 0 }]\nduration_s: 30\nevents:\n  - { at_s: 10, fix_time_offset_s: 1e300, for_s: 3 }\n", "fix_time_offset_s"),
    ])
    func timesPastTenYearsAreRefusedNotACrash(_ body: String, _ field: String) {
        let text = "format: 1\nscenario: t\nstart: 2026-08-23T00:00:00Z\n" + body
        do {
            _ = try ScenarioFile.parse(yaml: text, file: "bad.yaml")
            Issue.record("accepted \(field) of 1e300 s")
        } catch {
            #expect(error.description.hasPrefix("bad.yaml:"))
            #expect(error.description.contains("\(field) must be a number of seconds within ±315360000 (ten years)"), "\(error)")
        }
    }
}
