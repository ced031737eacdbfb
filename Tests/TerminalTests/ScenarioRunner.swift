import Foundation
import Geofence

@testable import Simulation
@testable import Terminal

/// Runs scenario text on the simulated bench with the embedded example policy and board.
enum ScenarioRunner {
    /// `board`: a board file of the repository (default: the embedded simulated board).
    static func run(_ yaml: String, name: String, seed: UInt64 = 1, board boardFile: String? = nil) throws -> (
        result: SimulationResult, auditPath: String
    ) {
        let scenario = try ScenarioFile.parse(yaml: yaml, file: name)
        let start = Date(timeIntervalSince1970: Double(scenario.startUnixNanoseconds) / 1e9)
        let (keeper, _) = try EmbeddedDefaults.examplePolicyKeeper(at: start)
        let policy = try require(keeper.inForce)
        let board =
            try boardFile.map { try BoardFile.load(path: RepositoryFiles.path($0)) }
            ?? BoardFile.parse(yaml: EmbeddedDefaults.simulatedBoardYAML, file: "embedded:sim")
        let audit = NSTemporaryDirectory() + "utermd-scenario-\(UUID().uuidString).audit"
        let options = Simulator.Options(
            board: board, policy: policy.geofencePolicy,
            policyValidUntilUnixNanoseconds: Int64(policy.header.validUntil.timeIntervalSince1970) * 1_000_000_000,
            auditLogPath: audit, seed: seed)
        return (try Simulator(scenario: scenario, options: options).run(), audit)
    }
}

/// The value, or a failure naming what was missing.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw ScenarioRunnerFailure("missing \(what)") }
    return value
}

struct ScenarioRunnerFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
