import ArgumentParser
import Foundation
import Geofence
import Orbit
import Simulation
import Terminal

/// The options `simulate` and `utermd-hil run` share: what to simulate, on what, under which policy.
package struct SimulationOptions: ParsableArguments {
    @Option(help: "Scenario file (default: the embedded HIL/scenarios/long/ningbo-port-call.yaml).")
    package var scenario: String?

    @Option(help: "Board file (default: the embedded Boards/sim.yaml).")
    package var board: String?

    @Option(help: "Signed policy bundle (default: the embedded example policy).")
    package var policy: String?

    @Option(help: "Operator public key for --policy: a file or base64 (default: the example key).")
    package var publicKey: String?

    @Option(help: "Element sets, TLE or OMM (default: the generated Starlink shells at the scenario's start).")
    package var elements: String?

    @Option(help: "Audit log file (default: a new file in the temporary directory).")
    package var auditLog: String?

    @Option(help: "Seed of the simulated GNSS noise (default: the scenario's gnss.noise_seed, else 1).")
    package var seed: UInt64?

    @Option(help: "Write an HTML report (sky plot, timeline, route map with zones, latency histogram) into this directory.")
    package var report: String?

    package init() {}

    /// The options as plain values.
    package var setup: SimulationSetup {
        SimulationSetup(
            scenario: scenario, board: board, policy: policy, publicKey: publicKey, elements: elements, auditLog: auditLog,
            seed: seed)
    }

    package func prepare() throws -> SimulationSetup.Prepared { try setup.prepare() }
}

/// What to simulate, on what, under which policy: plain values (from `SimulationOptions` or
/// built by `utermd-hil run` per scenario).
package struct SimulationSetup {
    package var scenario: String?
    package var board: String?
    package var policy: String?
    package var publicKey: String?
    package var elements: String?
    package var auditLog: String?
    /// nil: the scenario's `gnss.noise_seed`, else 1.
    package var seed: UInt64?

    package init(
        scenario: String? = nil, board: String? = nil, policy: String? = nil, publicKey: String? = nil,
        elements: String? = nil, auditLog: String? = nil, seed: UInt64? = nil
    ) {
        self.scenario = scenario
        self.board = board
        self.policy = policy
        self.publicKey = publicKey
        self.elements = elements
        self.auditLog = auditLog
        self.seed = seed
    }

    /// A scenario, loaded and checked, with the simulator's options.
    package struct Prepared {
        package var scenario: Scenario
        package var options: Simulator.Options
        package var policyName: String
        package var policyDocument: PolicyDocument
    }

    package func prepare() throws -> Prepared {
        let scenario: Scenario
        do {
            scenario = try self.scenario.map { try ScenarioFile.load(path: $0) }
                ?? ScenarioFile.parse(yaml: EmbeddedDefaults.defaultScenarioYAML, file: EmbeddedDefaults.defaultScenarioSource)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let startDate = Date(timeIntervalSince1970: Double(scenario.startUnixNanoseconds) / 1e9)
        let key: PolicyVerificationKey
        do {
            if let publicKey {
                key = try PolicyVerificationKey.load(pathOrBase64: publicKey)
            } else {
                key = try EmbeddedDefaults.examplePolicyPublicKey()
            }
        } catch {
            printError("utermd: --public-key: \(error)")
            throw ExitCode(2)
        }
        var keeper = PolicyKeeper(operatorKey: key)
        let update =
            policy.map { keeper.offer(path: $0, at: startDate) }
            ?? keeper.offer(fileBytes: Data(EmbeddedDefaults.examplePolicyYAML.utf8), source: EmbeddedDefaults.examplePolicySource, at: startDate)
        guard let inForce = keeper.inForce else {
            printError("utermd: \(update.logLine)")
            throw ExitCode(2)
        }
        let elementSets = try elements.map { try loadElementSets($0, strict: false) }
        let audit = auditLog ?? NSTemporaryDirectory() + "utermd-sim-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).audit"
        var options = Simulator.Options(
            board: try loadBoard(board), elementSets: elementSets, policy: inForce.geofencePolicy,
            policyValidUntilUnixNanoseconds: inForce.header.validUntil.unixNanosecondsClamped,
            auditLogPath: audit, seed: seed ?? scenario.gnssNoiseSeed ?? 1)
        options.serviceRules = inForce.document.serviceRules
        return Prepared(
            scenario: scenario, options: options, policyName: "\(inForce.header.name) v\(inForce.header.version)",
            policyDocument: inForce.document)
    }
}
