import ArgumentParser
import CLISupport
import Foundation
import Simulation
import Terminal

/// `utermd campaign`: randomised scenarios with the safety invariants checked at every tick,
/// sharded by run index (`--shard I/N`, or a Slurm array / Kubernetes Indexed Job's index),
/// and `utermd campaign merge DIR` to join the shards' reports.
struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Run randomised scenarios with the safety invariants checked at every tick; merge shards' results.",
        subcommands: [CampaignRunCommand.self, CampaignMergeCommand.self], defaultSubcommand: CampaignRunCommand.self)
}

/// `utermd campaign [run] --runs N --seed S [--shard I/N] [--out DIR] [--json]`.
struct CampaignRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a campaign (or one shard of it).",
        discussion: """
            Run i of campaign S is the same on every machine (its scenario comes from S and i alone), so a campaign \
            shards by index: shard I of N runs the indices i with i mod N = I. The shard comes from --shard I/N, else \
            from SLURM_ARRAY_TASK_ID (count: SLURM_ARRAY_TASK_COUNT or --shards) or JOB_COMPLETION_INDEX (count: \
            --shards), else the whole campaign runs here. The shard's report goes to DIR/shard-I-of-N.json; a run that \
            breaks an invariant leaves DIR/violation-S-i.yaml and its shrunk DIR/violation-S-i-shrunk.yaml, which \
            `utermd simulate --scenario F` replays. Exit 1 when any run broke an invariant.
            """)

    @Option(help: "Runs in the whole campaign (all shards together).")
    var runs: Int

    @Option(help: "The campaign's seed.")
    var seed: UInt64

    @Option(help: "This shard and the number of shards, I/N (0-based I).")
    var shard: String?

    @Option(help: "The number of shards when the index comes from the environment.")
    var shards: Int?

    @Option(help: "Directory for the shard's report and shrunk cases.")
    var out: String = "campaign"

    @Flag(help: "Print the shard's summary as JSON (without the per-run records).")
    var json = false

    @Flag(help: "Do not shrink violations (write the generated case only).")
    var noShrink = false

    @Flag(help: "Also write every run's scenario file (DIR/run-S-i.yaml).")
    var keepScenarios = false

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
        if let shards, shards < 1 { throw ValidationError("--shards must be at least 1") }
    }

    func run() throws {
        let (index, count) = try Self.shard(option: shard, shards: shards, environment: ProcessInfo.processInfo.environment)
        let prepared = try SimulationSetup().prepare()
        var configuration = CampaignRunner.Configuration(
            seed: seed, runs: runs, shardIndex: index, shardCount: count, outputDirectory: out, options: prepared.options)
        configuration.shrink = !noShrink
        configuration.keepScenarios = keepScenarios
        let runner = CampaignRunner(configuration: configuration)
        let live = isatty(STDERR_FILENO) == 1
        let report = try runner.run { done, total, violations in
            guard live, done % 10 == 0 || done == total else { return }
            FileHandle.standardError.write(Data("\r  \(done)/\(total) runs, \(violations) violations".utf8))
        }
        if live { FileHandle.standardError.write(Data("\n".utf8)) }
        let path = "\(out)/shard-\(index)-of-\(count).json"
        try Self.encoder.encode(report).write(to: URL(fileURLWithPath: path))
        if json {
            var brief = report
            brief.records = []
            print(try jsonText(brief))
        } else {
            print(report.text)
            print("report: \(path)")
        }
        if !report.violations.isEmpty { throw CommandExitCodes.negative }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The shard from `--shard I/N`, else the environment of a Slurm array task or a
    /// Kubernetes Indexed Job, else 0 of 1.
    static func shard(option: String?, shards: Int?, environment: [String: String]) throws -> (Int, Int) {
        if let option {
            let parts = option.split(separator: "/")
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index) else {
                throw ValidationError("--shard: expected I/N with 0 ≤ I < N, got \(option)")
            }
            return (index, count)
        }
        for (name, countName) in [("SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT"), ("JOB_COMPLETION_INDEX", "")] {
            guard let text = environment[name] else { continue }
            guard let index = Int(text), index >= 0 else { throw ValidationError("\(name)=\(text): expected a whole number") }
            let count = shards ?? environment[countName].flatMap { Int($0) }
            guard let count else { throw ValidationError("\(name) is set: give the number of shards with --shards") }
            // Slurm numbers an array from its first index (0 here); a count from --array=0-(N-1).
            guard index < count else { throw ValidationError("\(name)=\(index) is not below the shard count \(count)") }
            return (index, count)
        }
        return (0, 1)
    }
}

/// `utermd campaign merge DIR [--json]`: joins DIR/shard-*.json into DIR/summary.json and
/// DIR/index.html.
struct CampaignMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shards' reports in DIR into DIR/summary.json and the page DIR/index.html.",
        discussion: "Exit 1 when a run broke an invariant, 2 when DIR holds no shard report or an unreadable one.")

    @Argument(help: "The campaign's output directory.")
    var directory: String

    @Option(help: "Fail (exit 1) unless the shards hold this many runs together.")
    var expectRuns: Int?

    @Flag(help: "Print the summary as JSON (without the per-run records).")
    var json = false

    func run() throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else {
            printError("utermd campaign merge: \(directory): no shard-*.json reports")
            throw CommandExitCodes.unusableInput
        }
        var reports: [CampaignReport] = []
        for name in names {
            do {
                reports.append(try JSONDecoder().decode(CampaignReport.self, from: Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))))
            } catch {
                printError("utermd campaign merge: \(directory)/\(name): not a shard report: \(error)")
                throw CommandExitCodes.unusableInput
            }
        }
        let merged: CampaignReport
        do { merged = try CampaignReport.merge(reports) } catch {
            printError("utermd campaign merge: \(error)")
            throw CommandExitCodes.unusableInput
        }
        try CampaignRunCommand.encoder.encode(merged).write(to: URL(fileURLWithPath: "\(directory)/summary.json"))
        try CampaignReportPage.html(merged).write(toFile: "\(directory)/index.html", atomically: true, encoding: .utf8)
        if json {
            var brief = merged
            brief.records = []
            print(try jsonText(brief))
        } else {
            print(merged.text)
            print("summary: \(directory)/summary.json, page: \(directory)/index.html")
        }
        if let expectRuns, merged.runs != expectRuns {
            printError("utermd campaign merge: \(merged.runs) runs merged, \(expectRuns) expected")
            throw CommandExitCodes.negative
        }
        if !merged.violations.isEmpty { throw CommandExitCodes.negative }
    }
}
