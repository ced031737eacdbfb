import ArgumentParser
import CLISupport
import Daemon
import Foundation
import Terminal

/// `utermd check-config FILE [--json]`: validate a daemon configuration and the files it names.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a daemon configuration; print each problem with file, line and field.",
        discussion: """
            Checks the configuration (Config/README.md) and loads what it names: the board file, the element sets, \
            the operator key, the policy bundle (signature, validity now, version) and the status API token; then \
            makes the checks `utermd run` makes before it starts a service (the listening ports do not clash, the \
            audit log and the trace file can be written by this user). Exit status 0 only when \
            `utermd run --config FILE` would start; 1 when it has problems; 2 when FILE cannot be read.
            """)

    @Argument(help: "The configuration file (YAML, see Config/README.md).")
    var file: String

    @Flag(help: "Print JSON: valid, problems, warnings and the summary.")
    var json = false

    /// The JSON of `check-config --json`.
    struct Report: Codable {
        var file: String
        var valid: Bool
        var problems: [String]
        var warnings: [String]
        var summary: [String]
    }

    func run() throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            printError("utermd: \(file): cannot read the file")
            if json {
                print(
                    try jsonText(
                        Report(file: file, valid: false, problems: ["\(file): cannot read the file"], warnings: [], summary: [])))
            }
            throw CommandExitCodes.unusableInput
        }
        let report = Self.check(file)
        if json {
            print(try jsonText(report))
        } else {
            for problem in report.problems { printError(problem) }
            for warning in report.warnings { printError("utermd: warning: \(warning)") }
            if report.valid {
                print("\(file): valid configuration")
                for line in report.summary { print("  \(line)") }
            }
        }
        if !report.valid { throw CommandExitCodes.negative }
    }

    /// Everything `run` would find before it starts a service.
    static func check(_ file: String) -> Report {
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfigurationFile.load(path: file)
        } catch {
            return Report(file: file, valid: false, problems: error.errors.map(\.description), warnings: [], summary: [])
        }
        let startupProblems = StartupChecks.problems(configuration).map(\.description)
        do {
            let resources = try DaemonResources.load(configuration, now: Date())
            return Report(
                file: file, valid: startupProblems.isEmpty, problems: startupProblems, warnings: resources.warnings,
                summary: ConfigurationSummary.lines(configuration, resources))
        } catch {
            return Report(
                file: file, valid: false, problems: error.errors.map(\.description) + startupProblems, warnings: [], summary: [])
        }
    }
}
