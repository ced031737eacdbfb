import Foundation
import Geofence
import Orbit
import Terminal

/// Runs a shard of a randomised campaign: for each of its indices, the generated scenario is
/// written as a scenario file, read back (so what runs is exactly what the file says) and run
/// on the simulated bench and the virtual clock with the safety invariants checked at every
/// tick. A run that breaks one is shrunk (`ScenarioShrinker`) to a file that
/// `utermd simulate --scenario F` replays, and the replay is checked.
package struct CampaignRunner {
    /// What to run.
    package struct Configuration: Sendable {
        /// The campaign's seed.
        package var seed: UInt64
        /// Runs in the whole campaign.
        package var runs: Int
        /// This shard (0-based) and the number of shards: it runs the indices `i` with
        /// `i % shardCount == shardIndex`.
        package var shardIndex: Int
        package var shardCount: Int
        /// Where shrunk cases (and the shard's report, by the caller) go.
        package var outputDirectory: String
        /// The simulator's options (board, policy); the audit log and seed are set per run.
        package var options: Simulator.Options
        /// Shrink violations (on by default).
        package var shrink = true
        /// Also write every run's scenario file (run-S-i.yaml), violation or not.
        package var keepScenarios = false

        /// A configuration.
        package init(seed: UInt64, runs: Int, shardIndex: Int, shardCount: Int, outputDirectory: String, options: Simulator.Options) {
            self.seed = seed
            self.runs = runs
            self.shardIndex = shardIndex
            self.shardCount = shardCount
            self.outputDirectory = outputDirectory
            self.options = options
        }

        /// The shard's indices.
        package var indices: [Int] { Array(stride(from: shardIndex, to: runs, by: max(1, shardCount))) }
    }

    /// The configuration.
    package let configuration: Configuration
    /// The scenarios.
    package let generator: CampaignScenarioGenerator

    /// A runner.
    package init(configuration: Configuration) {
        self.configuration = configuration
        generator = CampaignScenarioGenerator(seed: configuration.seed, policy: configuration.options.policy)
    }

    /// The embedded shells generated at each start the campaign uses (a handful), once each:
    /// the same element sets `utermd simulate` generates for that start, so replays match.
    private let shells = ShellCache()

    private final class ShellCache {
        var byStart: [Int64: [ElementSet]] = [:]

        func elementSets(startUnixNanoseconds start: Int64) -> [ElementSet] {
            if let cached = byStart[start] { return cached }
            let sets = EmbeddedConstellation.elementSets(epoch: JulianDate(unixSeconds: Double(start) / 1e9))
            byStart[start] = sets
            return sets
        }
    }

    /// Runs the shard; `progress(done, total, violations)` after each run.
    package func run(progress: (Int, Int, Int) -> Void = { _, _, _ in }) throws -> CampaignReport {
        try FileManager.default.createDirectory(atPath: configuration.outputDirectory, withIntermediateDirectories: true)
        let wallStart = Date()
        var records: [CampaignRunRecord] = []
        var violations: [CampaignViolation] = []
        let indices = configuration.indices
        records.reserveCapacity(indices.count)
        for index in indices {
            let scenario = generator.scenario(index: index)
            let runStart = Date()
            let (replayable, result) = try run(scenario)
            if configuration.keepScenarios {
                try ScenarioYAMLWriter.yaml(replayable).write(
                    toFile: "\(configuration.outputDirectory)/run-\(configuration.seed)-\(index).yaml", atomically: true, encoding: .utf8)
            }
            let failed = result.verdicts.filter { !$0.passed }
            let site = scenario.summary.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let nearZone = !CampaignScenarioGenerator.openSites.contains { $0.name == site }
            records.append(
                CampaignRunRecord(
                    index: index, ticks: result.ticks, invariantChecks: result.invariantChecks, summary: scenario.summary,
                    kinds: CampaignCoverage.kinds(of: replayable, result: result, nearZone: nearZone),
                    transmitOnFraction: result.simulatedSeconds > 0 ? result.transmitOnSeconds / result.simulatedSeconds : 0,
                    wallSeconds: Date().timeIntervalSince(runStart), violated: failed.map(\.expectation)))
            if let first = failed.first {
                violations.append(try shrinkAndWrite(replayable, index: index, broken: first, result: result))
            }
            progress(records.count, indices.count, violations.count)
        }
        return CampaignReport(
            seed: configuration.seed, shards: ["\(configuration.shardIndex)/\(configuration.shardCount)"], records: records,
            violations: violations, wallSeconds: Date().timeIntervalSince(wallStart))
    }

    /// Writes `scenario` as a file's text, reads it back and runs what was read: the run is
    /// the file's. Returns the scenario read and the result.
    package func run(_ scenario: Scenario) throws -> (Scenario, SimulationResult) {
        let text = ScenarioYAMLWriter.yaml(scenario)
        let replayable: Scenario
        do { replayable = try ScenarioFile.parse(yaml: text, file: scenario.name + ".yaml") } catch {
            throw CampaignError.invalid("the generated scenario \(scenario.name) does not read back: \(error)")
        }
        return (replayable, try simulate(replayable))
    }

    /// Runs a scenario read from a file, on a fresh audit log.
    func simulate(_ scenario: Scenario) throws -> SimulationResult {
        var options = configuration.options
        options.auditLogPath = NSTemporaryDirectory() + "utermd-campaign-\(ProcessInfo.processInfo.processIdentifier).audit"
        options.seed = scenario.gnssNoiseSeed ?? 1
        if options.elementSets == nil { options.elementSets = shells.elementSets(startUnixNanoseconds: scenario.startUnixNanoseconds) }
        let store = AcceptedPolicyStore(auditLogPath: options.auditLogPath).path
        try? FileManager.default.removeItem(atPath: options.auditLogPath)
        try? FileManager.default.removeItem(atPath: store)
        defer {
            try? FileManager.default.removeItem(atPath: options.auditLogPath)
            try? FileManager.default.removeItem(atPath: store)
        }
        return try Simulator(scenario: scenario, options: options).run()
    }

    private func shrinkAndWrite(
        _ scenario: Scenario, index: Int, broken: SimulationResult.Verdict, result: SimulationResult
    ) throws -> CampaignViolation {
        let stem = "violation-\(configuration.seed)-\(index)"
        let directory = configuration.outputDirectory
        let header = [
            "utermd campaign seed \(configuration.seed), run \(index): \(broken.expectation) (\(broken.detail))",
            "replay: utermd simulate --scenario THIS_FILE",
        ]
        try ScenarioYAMLWriter.yaml(scenario, comment: header).write(
            toFile: "\(directory)/\(stem).yaml", atomically: true, encoding: .utf8)
        var shrunk = scenario
        if configuration.shrink {
            var shrinker = ScenarioShrinker { candidate in
                guard let (_, again) = try? self.run(candidate) else { return false }
                return again.verdicts.contains { !$0.passed && $0.expectation == broken.expectation }
            }
            shrunk = shrinker.shrink(scenario, firstViolationSeconds: result.firstViolationSeconds)
        }
        let shrunkText = ScenarioYAMLWriter.yaml(shrunk, comment: header + ["shrunk from \(stem).yaml"])
        let shrunkPath = "\(directory)/\(stem)-shrunk.yaml"
        try shrunkText.write(toFile: shrunkPath, atomically: true, encoding: .utf8)
        // The replay: the file as `simulate --scenario` reads it.
        var replayed = false
        if let again = try? simulate(try ScenarioFile.load(path: shrunkPath)) {
            replayed = again.verdicts.contains { !$0.passed && $0.expectation == broken.expectation }
        }
        return CampaignViolation(
            index: index, invariant: broken.expectation, detail: broken.detail, firstViolationSeconds: result.firstViolationSeconds,
            originalFile: "\(stem).yaml", shrunkFile: "\(stem)-shrunk.yaml", eventsBefore: scenario.events.count,
            eventsAfter: shrunk.events.count, routePointsBefore: scenario.route.count, routePointsAfter: shrunk.route.count,
            replayed: replayed)
    }
}
