import Foundation
import Handover
import Logging
import RealTime
import Terminal

/// Reads and checks daemon configuration files (YAML format 1, through the project's
/// `DataNode`; the format is in `Config/README.md`). Every problem is reported at once, each
/// as `file:line:column: field: message`. Relative paths are resolved against the
/// configuration file's directory, so a configuration and the files it names travel together.
package enum DaemonConfigurationFile {
    /// The format version this utermd reads.
    package static let formatVersion = 1

    static let topLevelKeys: Set<String> = [
        "format", "board", "hardware", "element_sets", "policy", "location", "audit_log", "loop", "status_api",
        "rotctld", "log_level", "handover_policy", "boresight", "sim_trace_file", "sim_obstructions", "beamformer",
        "safety", "dish_api", "service",
    ]

    /// Loads and validates a configuration file.
    package static func load(path: String) throws(DataFileErrors) -> DaemonConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileErrors([DataFileError(file: path, field: "", message: "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileErrors([DataFileError(file: path, field: "", message: "not UTF-8 text")])
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(yaml: text, file: path, baseDirectory: directory)
    }

    /// Parses and validates a configuration's text; `file` names it in messages, relative
    /// paths are resolved against `baseDirectory`.
    package static func parse(yaml: String, file: String, baseDirectory: String) throws(DataFileErrors) -> DaemonConfiguration {
        let root: DataNode
        do { root = try DataNode.parse(yaml: yaml, file: file) } catch { throw DataFileErrors([error]) }
        var reader = ConfigReader(baseDirectory: baseDirectory)
        reader.attempt { () throws(DataFileError) in try root.rejectUnknownKeys(topLevelKeys) }
        if let format = reader.attempt({ () throws(DataFileError) in try root.required("format") }),
            let version = reader.attempt({ () throws(DataFileError) in try format.int() }), version != formatVersion
        {
            reader.problems.append(format.error("format \(version) is not supported (this utermd reads format \(formatVersion))"))
        }
        let board = reader.board(root)
        let hardware = reader.hardware(root, board: board)
        let elementSets = reader.elementSets(root)
        let (bundle, key) = reader.policy(root)
        let location = reader.location(root)
        let audit = reader.attempt { () throws(DataFileError) in
            ConfigReader.resolve(try root.required("audit_log").string(), against: baseDirectory)
        }
        let loop = reader.loop(root)
        let statusAPI = reader.statusAPI(root)
        let rotctld = reader.rotctld(root)
        let dishAPI = reader.dishAPI(root)
        let logLevel =
            reader.attempt { () throws(DataFileError) in try root.optional("log_level")?.choice(Logger.Level.self) } ?? nil
        let handover = reader.handoverPolicy(root)
        let boresight = reader.boresight(root)
        let trace = reader.attempt { () throws(DataFileError) -> String? in
            guard let node = try root.optional("sim_trace_file") else { return nil }
            return ConfigReader.resolve(try node.string(), against: baseDirectory)
        }
        if let traceNode = try? root.optional("sim_trace_file"), hardware != .simulated {
            reader.problems.append(traceNode.error("a GPIO trace exists only with the simulated hardware (hardware: simulated)"))
        }
        let replyTimeout = reader.beamformerReplyTimeout(root)
        let safety = reader.safety(root)
        let service = reader.service(root)
        let obstructions = reader.simulatedObstructions(root)
        if let obstructionNode = try? root.optional("sim_obstructions"), hardware != .simulated {
            reader.problems.append(
                obstructionNode.error("simulated obstructions exist only with the simulated hardware (hardware: simulated)"))
        }
        guard reader.problems.isEmpty, let location, let audit else {
            throw DataFileErrors(reader.problems.sorted { ($0.line ?? .max, $0.column ?? 0) < ($1.line ?? .max, $1.column ?? 0) })
        }
        var configuration = DaemonConfiguration(
            file: file, board: board, hardware: hardware, elementSets: elementSets, policyBundle: bundle, operatorKey: key,
            location: location, auditLogPath: audit, loop: loop, statusAPI: statusAPI, rotctld: rotctld,
            logLevel: logLevel ?? .info, handoverPolicy: handover, boresight: boresight, simulatedTraceFile: trace ?? nil,
            simulatedObstructions: obstructions)
        configuration.beamformerReplyTimeoutMilliseconds = replyTimeout
        configuration.safety = safety
        configuration.service = service
        configuration.dishAPI = dishAPI
        for field in positionedFields {
            guard let position = root.locate(field)?.position else { continue }
            configuration.fieldPositions[field] = DaemonConfiguration.FieldPosition(line: position.line, column: position.column)
        }
        return configuration
    }

    /// The fields whose positions are kept for later messages.
    static let positionedFields = [
        "board", "element_sets", "policy.bundle", "policy.operator_key", "audit_log", "status_api.token_file",
        "status_api.bind", "status_api.port", "rotctld.bind", "rotctld.port", "dish_api.bind", "dish_api.port",
        "location.nmea.device", "location.gpsd",
        "sim_trace_file",
    ]
}
