import Foundation
import Terminal

/// Loads what `utermd doctor` judges of a configuration: the configuration itself and the
/// files it names (`DaemonResources.load`, as `utermd run` and `check-config` do), turned
/// into `DoctorFacts`' data and loop fields.
package enum DoctorConfigurationProbe {
    /// The result: the facts so far, with the configuration and board when they loaded.
    package struct Loaded: Sendable {
        /// Facts with the configuration's problems, data and loop fields filled in.
        package var facts: DoctorFacts
        /// The configuration, unless it could not be read.
        package var configuration: DaemonConfiguration?
        /// The board, when everything the configuration names loaded.
        package var board: BoardDescription?
    }

    /// Reads `file` (or `yaml` standing for it) and everything it names, at `now`.
    package static func load(file: String, yaml: String? = nil, now: Date) -> Loaded {
        var facts = DoctorFacts(now: now, configurationFile: file)
        let configuration: DaemonConfiguration
        do {
            if let yaml {
                configuration = try DaemonConfigurationFile.parse(yaml: yaml, file: file, baseDirectory: "/")
            } else {
                configuration = try DaemonConfigurationFile.load(path: file)
            }
        } catch {
            facts.configurationProblems = error.errors.map { "\($0)" }
            return Loaded(facts: facts, configuration: nil, board: nil)
        }
        facts.loopFIFOPriority = configuration.loop.fifoPriority
        facts.loopRateHertz = configuration.loop.rateHertz
        facts.hardware.backend = configuration.hardware.rawValue
        if case .embedded = configuration.elementSets { facts.data.elementSetsEmbedded = true }
        do {
            let resources = try DaemonResources.load(configuration, now: now)
            facts.data.elementSetCount = resources.elementSets.count
            facts.data.newestElementSetEpoch = resources.elementSets.map(\.epoch.unixSeconds).max().map {
                Date(timeIntervalSince1970: $0)
            }
            if let header = resources.policyUpdate.inForceAfter {
                facts.data.policyDescription = "\"\(header.name)\" version \(header.version)"
                facts.data.policyValidUntil = header.validUntil
                facts.data.policyKeyIsExample = resources.warnings.contains { $0.contains("EXAMPLE key") }
            }
            return Loaded(facts: facts, configuration: configuration, board: resources.board)
        } catch {
            // A rejected policy is the policy check's finding; everything else the configuration's.
            for problem in error.errors {
                if problem.field.hasPrefix("policy.bundle") {
                    facts.data.policyRejection = problem.message
                } else {
                    facts.configurationProblems.append("\(problem)")
                }
            }
            // The hardware is still worth checking when only the data failed.
            var board: BoardDescription?
            switch configuration.board {
            case .embeddedSimulated:
                board = try? BoardFile.parse(yaml: EmbeddedDefaults.simulatedBoardYAML, file: "embedded:sim")
            case .file(let path):
                board = try? BoardFile.load(path: path)
            }
            return Loaded(facts: facts, configuration: configuration, board: board)
        }
    }

    /// The listening sockets `configuration` asks for, for `SystemFactsProbe.gather`.
    package static func ports(_ configuration: DaemonConfiguration?) -> [(name: String, address: String, port: UInt16)] {
        guard let configuration else { return [] }
        var ports: [(name: String, address: String, port: UInt16)] = []
        if configuration.statusAPI.enabled {
            ports.append(("status_api", configuration.statusAPI.bind, configuration.statusAPI.port))
        }
        if configuration.rotctld.enabled {
            ports.append(("rotctld", configuration.rotctld.bind, configuration.rotctld.port))
        }
        if configuration.dishAPI.enabled {
            ports.append(("dish_api", configuration.dishAPI.bind, configuration.dishAPI.port))
        }
        return ports
    }
}
