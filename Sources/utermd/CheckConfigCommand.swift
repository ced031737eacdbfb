import ArgumentParser
import Daemon
import Foundation
import Terminal

/// `utermd check-config FILE`: validate a daemon configuration and the files it names.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a daemon configuration; print each problem with file, line and field.",
        discussion: """
            Checks the configuration (Config/README.md) and loads what it names: the board file, the element sets, \
            the operator key, the policy bundle (signature, validity now, version) and the status API token. \
            Exit status 0 only when `utermd run --config FILE` would start.
            """)

    @Argument(help: "The configuration file (YAML, see Config/README.md).")
    var file: String

    func run() throws {
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfigurationFile.load(path: file)
        } catch {
            for problem in error.errors { printError("\(problem)") }
            throw ExitCode(1)
        }
        let resources: DaemonResources
        do {
            resources = try DaemonResources.load(configuration, now: Date())
        } catch {
            for problem in error.errors { printError("\(problem)") }
            throw ExitCode(1)
        }
        for warning in resources.warnings { printError("utermd: warning: \(warning)") }
        print("\(file): valid configuration")
        for line in ConfigurationSummary.lines(configuration, resources) { print("  \(line)") }
    }
}
