import Foundation
import Testing

/// Issue 7's acceptance: every scenario of `HIL/scenarios/` passes on the simulated rig,
/// through `utermd-hil run` as CI would run it, with a JUnit report.
@Suite struct HILScenarioTests {
    static let scenarios: [String] = {
        let directory = CommandLineTests.repository.appendingPathComponent("HIL/scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "HIL/scenarios/" + $0 }
    }()

    @Test func theBenchHasTheIssuesScenarios() {
        for name in ["port-approach", "operator-restricted-crossing", "pa-fault", "gnss-outage", "beamformer-unplug"] {
            #expect(Self.scenarios.contains("HIL/scenarios/\(name).yaml"), "\(name)")
        }
    }

    @Test(arguments: scenarios)
    func scenarioPassesOnTheSimulatedRig(_ scenario: String) throws {
        let junit = NSTemporaryDirectory() + "utermd-junit-\(UUID().uuidString).xml"
        let json = NSTemporaryDirectory() + "utermd-hil-\(UUID().uuidString).json"
        let run = try CommandLineTests.utermdHIL(
            "run", "--rig", "HIL/rigs/sim.yaml", "--scenario", scenario, "--junit", junit, "--json", json)
        #expect(run.status == 0, "\(run.output)\n\(run.errors)")
        #expect(run.output.contains("1 passed, 0 failed"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains(#"tests="1" failures="0""#))
        // The JSON report: one summary, with a timed reaction for every scenario that has a cause.
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]])
        #expect(report.count == 1)
        #expect(report.first?["passed"] as? Bool == true)
        let reactions = report.first?["reactions"] as? [[String: Any]] ?? []
        if !scenario.contains("gnss-outage") {
            #expect(reactions.count == 1, "one cause in \(scenario)")
            #expect(reactions.first?["wallMilliseconds"] is Double)
        }
    }

    /// Issue 18's joint scenario through the CLI, on the rig of the multi-network maritime board.
    @Test func theMultiNetworkScenarioPassesOnTheMaritimeRig() throws {
        let run = try CommandLineTests.utermdHIL(
            "run", "--rig", "HIL/rigs/sim-maritime-multi.yaml", "--scenario",
            "HIL/scenarios/multi-network/banned-sea-switch.yaml")
        #expect(run.status == 0, "\(run.output)\n\(run.errors)")
        #expect(run.output.contains("1 passed, 0 failed"))
        #expect(run.output.contains("guowang transmitting within 30.0 s"))
    }

    @Test func aFailedExpectationFailsTheRunAndTheReport() throws {
        let scenario = NSTemporaryDirectory() + "utermd-failing-\(UUID().uuidString).yaml"
        try """
        format: 1
        scenario: impossible
        start: 2026-08-23T00:00:00Z
        route:
          - { t_s: 0, lat_deg: 47.37, lon_deg: 8.54 }
        duration_s: 5
        expect:
          - handovers_at_least: 1000
        """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let junit = NSTemporaryDirectory() + "utermd-junit-\(UUID().uuidString).xml"
        let run = try CommandLineTests.utermdHIL("run", "--rig", "HIL/rigs/sim.yaml", "--scenario", scenario, "--junit", junit)
        #expect(run.status == 1)
        #expect(run.output.contains("0 passed, 1 failed"))
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("<failure message=\"at least 1000 handovers"))
    }

    /// Issue 19: the rig code is the bench's executable, not the firmware's. `utermd` has no
    /// `hil` command, and no symbol of the `HILBench` module is linked into it.
    @Test func theFirmwareBinaryCarriesNoBenchCode() throws {
        let run = try CommandLineTests.utermd("hil", "run", "--rig", "HIL/rigs/sim.yaml")
        #expect(run.status == 64, "\(run.output)\n\(run.errors)")
        let binary = try Data(contentsOf: CommandLineTests.executable)
        #expect(binary.range(of: Data("8HILBench".utf8)) == nil, "a mangled HILBench symbol in utermd")
        #expect(binary.range(of: Data("VMBench".utf8)) == nil)
        let bench = try Data(contentsOf: CommandLineTests.builtExecutable("utermd-hil"))
        #expect(bench.range(of: Data("VMBench".utf8)) != nil, "the check would see the bench's code")
    }

    @Test func theVMRigRunsOnlyInsideTheBench() throws {
        let run = try CommandLineTests.utermdHIL("run", "--rig", "HIL/rigs/vm.yaml")
        #expect(run.status == 2)
        #expect(run.errors.contains("make hil"))
    }
}
