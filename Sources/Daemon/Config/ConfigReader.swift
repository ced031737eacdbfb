import Foundation
import Handover
import Orbit
import RealTime
import Terminal

/// Reads the sections of a configuration file, collecting every problem instead of stopping
/// at the first, and falling back to defaults where a section is absent or broken (the
/// result is only used when no problem was found).
struct ConfigReader {
    /// The configuration file's directory, for relative paths.
    let baseDirectory: String
    /// Problems so far.
    var problems: [DataFileError] = []

    /// Runs `body`; a thrown problem is recorded and nil returned.
    @discardableResult
    mutating func attempt<T>(_ body: () throws(DataFileError) -> T) -> T? {
        do { return try body() } catch {
            problems.append(error)
            return nil
        }
    }

    /// An absolute path: `path` itself, or resolved against the configuration's directory.
    func path(_ path: String) -> String { Self.resolve(path, against: baseDirectory) }

    /// `path` itself when absolute, otherwise `directory/path` with `.` and `..` taken as the
    /// shell takes them: `../base.tle` from `/etc/utermd` is `/etc/base.tle`. (Foundation's
    /// `URL(fileURLWithPath:relativeTo:).standardized` drops a leading `..` of the relative
    /// part instead, so `../base.tle` opened `/etc/utermd/base.tle`.) A relative `directory`
    /// is taken from the working directory, as the configuration file's own path was.
    static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        var components: [Substring] = []
        for component in (base + "/" + path).split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    mutating func board(_ root: DataNode) -> DaemonConfiguration.BoardSource {
        guard let text = attempt({ () throws(DataFileError) in try root.required("board").string() }) else {
            return .embeddedSimulated
        }
        if text == "embedded:sim" { return .embeddedSimulated }
        if text.hasPrefix("embedded:") {
            problems.append(DataNode.errorAt(root, "board", "unknown embedded board \"\(text)\" (known: embedded:sim)"))
            return .embeddedSimulated
        }
        return .file(path(text))
    }

    mutating func hardware(_ root: DataNode, board: DaemonConfiguration.BoardSource) -> DaemonConfiguration.HardwareBackend {
        let fallback: DaemonConfiguration.HardwareBackend = board == .embeddedSimulated ? .simulated : .linux
        guard let node = attempt({ () throws(DataFileError) in try root.optional("hardware") }) ?? nil else { return fallback }
        guard let backend = attempt({ () throws(DataFileError) in try node.choice(DaemonConfiguration.HardwareBackend.self) })
        else {
            return fallback
        }
        #if !os(Linux)
            if backend == .linux {
                problems.append(node.error("the Linux GPIO backend exists only on Linux; use hardware: simulated"))
            }
        #endif
        return backend
    }

    mutating func elementSets(_ root: DataNode) -> DaemonConfiguration.ElementSetSource {
        guard let node = attempt({ () throws(DataFileError) in try root.optional("element_sets") }) ?? nil else {
            return .embedded
        }
        if let items = try? node.elements() {
            return .networks(items.compactMap { item in networkSource(item) })
        }
        guard let text = attempt({ () throws(DataFileError) in try node.string() }) else { return .embedded }
        return text == "embedded" ? .embedded : .file(path(text))
    }

    /// One `element_sets:` list item: `{ constellation: NAME, source: embedded | FILE }`.
    private mutating func networkSource(_ item: DataNode) -> DaemonConfiguration.NetworkElementSource? {
        guard attempt({ () throws(DataFileError) in try item.rejectUnknownKeys(["constellation", "source"]) }) != nil,
            let nameNode = attempt({ () throws(DataFileError) in try item.required("constellation") }),
            let name = attempt({ () throws(DataFileError) in try nameNode.string() }),
            let source = attempt({ () throws(DataFileError) in try item.required("source").string() })
        else { return nil }
        guard let network = Constellation(rawValue: name) else {
            problems.append(nameNode.error("unknown constellation \"\(name)\" (known: \(Constellation.knownNames))"))
            return nil
        }
        if source == "embedded" && network.walkerShells.isEmpty {
            problems.append(item.error("\(network) has no built-in shells: give its element-set file as source"))
            return nil
        }
        return DaemonConfiguration.NetworkElementSource(constellation: network, file: source == "embedded" ? nil : path(source))
    }

    mutating func policy(_ root: DataNode) -> (DaemonConfiguration.PolicyBundleSource, DaemonConfiguration.OperatorKeySource) {
        var bundle = DaemonConfiguration.PolicyBundleSource.embeddedExample
        var key = DaemonConfiguration.OperatorKeySource.embeddedExample
        guard let section = attempt({ () throws(DataFileError) in try root.required("policy") }) else { return (bundle, key) }
        attempt { () throws(DataFileError) in try section.rejectUnknownKeys(["bundle", "operator_key"]) }
        if let text = attempt({ () throws(DataFileError) in try section.required("bundle").string() }) {
            if text == "embedded:example" {
                bundle = .embeddedExample
            } else if text.hasPrefix("embedded:") {
                problems.append(
                    DataNode.errorAt(section, "bundle", "unknown embedded policy \"\(text)\" (known: embedded:example)"))
            } else {
                bundle = .file(path(text))
            }
        }
        if let text = attempt({ () throws(DataFileError) in try section.required("operator_key").string() }) {
            if text == "embedded:example" {
                key = .embeddedExample
            } else {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                // A base64 key stays as written; anything else is a path.
                let isBase64 = trimmed.count == 44 && Data(base64Encoded: trimmed) != nil
                key = .pathOrBase64(isBase64 ? trimmed : path(trimmed))
            }
        }
        return (bundle, key)
    }

    mutating func location(_ root: DataNode) -> DaemonConfiguration.LocationSource? {
        guard let section = attempt({ () throws(DataFileError) in try root.required("location") }) else { return nil }
        guard let entries = attempt({ () throws(DataFileError) in try section.entries() }) else { return nil }
        guard entries.count == 1, let entry = entries.first else {
            problems.append(section.error("give exactly one of: fixed, gpsd, nmea"))
            return nil
        }
        let node = entry.value
        switch entry.key {
        case "fixed":
            return attempt { () throws(DataFileError) in
                try node.rejectUnknownKeys(["latitude_deg", "longitude_deg", "altitude_m", "horizontal_uncertainty_m"])
                let latitude = try Self.number(node, "latitude_deg", in: -90...90)
                let longitude = try Self.number(node, "longitude_deg", in: -180...180)
                let altitude = try Self.optionalNumber(node, "altitude_m", in: -1_000...100_000) ?? 0
                let uncertainty = try Self.optionalNumber(node, "horizontal_uncertainty_m", in: 0...10_000) ?? 5
                return .fixed(
                    latitudeDegrees: latitude, longitudeDegrees: longitude, altitudeMetres: altitude,
                    horizontalUncertaintyMetres: uncertainty)
            }
        case "gpsd":
            return attempt { () throws(DataFileError) in
                try node.rejectUnknownKeys(["host", "port"])
                let host = try node.optional("host")?.string() ?? "127.0.0.1"
                let port = try Self.optionalPort(node, "port") ?? 2947
                return .gpsd(host: host, port: port)
            }
        case "nmea":
            let base = baseDirectory
            return attempt { () throws(DataFileError) in
                try node.rejectUnknownKeys(["device", "baud"])
                let device = try node.required("device").string()
                let baud = try Self.optionalInteger(node, "baud", in: 300...921_600)
                return .nmea(device: Self.resolve(device, against: base), baudRate: baud)
            }
        default:
            problems.append(node.error("unknown location source (expected one of: fixed, gpsd, nmea)"))
            return nil
        }
    }

    mutating func loop(_ root: DataNode) -> DaemonConfiguration.Loop {
        var loop = DaemonConfiguration.Loop()
        guard let section = attempt({ () throws(DataFileError) in try root.optional("loop") }) ?? nil else { return loop }
        attempt { () throws(DataFileError) in try section.rejectUnknownKeys(["rate_hz", "fifo_priority", "cpu"]) }
        if let node = attempt({ () throws(DataFileError) in try section.optional("rate_hz") }) ?? nil,
            let rate = attempt({ () throws(DataFileError) in try Self.integer(node, in: 1...100_000) })
        {
            if (try? TickRate(hertz: rate)) == nil { problems.append(node.error("not a loop rate")) }
            loop.rateHertz = rate
        }
        if let node = attempt({ () throws(DataFileError) in try section.optional("fifo_priority") }) ?? nil {
            loop.fifoPriority = attempt { () throws(DataFileError) in Int32(try Self.integer(node, in: 1...99)) }
        }
        if let node = attempt({ () throws(DataFileError) in try section.optional("cpu") }) ?? nil {
            loop.cpu = attempt { () throws(DataFileError) in try Self.integer(node, in: 0...1_023) }
        }
        return loop
    }

    mutating func handoverPolicy(_ root: DataNode) -> HandoverPolicy {
        guard let node = attempt({ () throws(DataFileError) in try root.optional("handover_policy") }) ?? nil,
            let name = attempt({ () throws(DataFileError) in try node.string() })
        else { return .longestVisibility }
        guard let policy = HandoverPolicy(name: name) else {
            problems.append(
                node.error("unknown handover policy (known: \(HandoverPolicy.allCases.map(\.rawValue).joined(separator: ", ")))"))
            return .longestVisibility
        }
        return policy
    }

    mutating func boresight(_ root: DataNode) -> DaemonConfiguration.Boresight? {
        guard let node = attempt({ () throws(DataFileError) in try root.optional("boresight") }) ?? nil else { return nil }
        return attempt { () throws(DataFileError) in
            try node.rejectUnknownKeys(["azimuth_deg", "elevation_deg"])
            return DaemonConfiguration.Boresight(
                azimuthDegrees: try Self.number(node, "azimuth_deg", in: 0...360),
                elevationDegrees: try Self.number(node, "elevation_deg", in: 0...90))
        }
    }

    /// `beamformer: { reply_timeout_ms }`: how long the bridge driver waits for each reply.
    mutating func beamformerReplyTimeout(_ root: DataNode) -> Int? {
        guard let section = attempt({ () throws(DataFileError) in try root.optional("beamformer") }) ?? nil else { return nil }
        return attempt { () throws(DataFileError) -> Int? in
            try section.rejectUnknownKeys(["reply_timeout_ms"])
            guard let node = try section.optional("reply_timeout_ms") else { return nil }
            return try Self.integer(node, in: 1...10_000)
        } ?? nil
    }

    /// `sim_obstructions`: a list of `{ label, azimuth_from_deg, azimuth_to_deg, max_elevation_deg }`.
    mutating func simulatedObstructions(_ root: DataNode) -> [ObstructionSector] {
        guard let node = attempt({ () throws(DataFileError) in try root.optional("sim_obstructions") }) ?? nil else {
            return []
        }
        return attempt { () throws(DataFileError) -> [ObstructionSector] in
            try node.elements().map { (item) throws(DataFileError) -> ObstructionSector in
                try item.rejectUnknownKeys(["label", "azimuth_from_deg", "azimuth_to_deg", "max_elevation_deg"])
                return ObstructionSector(
                    label: try item.optional("label")?.string() ?? "",
                    azimuthFromDegrees: try Self.number(item, "azimuth_from_deg", in: 0...360),
                    azimuthToDegrees: try Self.number(item, "azimuth_to_deg", in: 0...360),
                    maximumElevationDegrees: try Self.number(item, "max_elevation_deg", in: 0...90))
            }
        } ?? []
    }

    static func number(_ node: DataNode, _ key: String, in range: ClosedRange<Double>) throws(DataFileError) -> Double {
        try number(try node.required(key), in: range)
    }

    static func number(_ node: DataNode, in range: ClosedRange<Double>) throws(DataFileError) -> Double {
        let value = try node.double()
        guard range.contains(value) else { throw node.error("\(value) is outside \(range.lowerBound)...\(range.upperBound)") }
        return value
    }

    static func optionalNumber(_ node: DataNode, _ key: String, in range: ClosedRange<Double>) throws(DataFileError) -> Double? {
        guard let value = try node.optional(key) else { return nil }
        return try number(value, in: range)
    }

    static func optionalInteger(_ node: DataNode, _ key: String, in range: ClosedRange<Int>) throws(DataFileError) -> Int? {
        guard let value = try node.optional(key) else { return nil }
        return try integer(value, in: range)
    }

    static func optionalPort(_ node: DataNode, _ key: String) throws(DataFileError) -> UInt16? {
        guard let value = try node.optional(key) else { return nil }
        return try port(value)
    }

    static func optionalBool(_ node: DataNode, _ key: String) throws(DataFileError) -> Bool? {
        guard let value = try node.optional(key) else { return nil }
        return try value.bool()
    }

    static func integer(_ node: DataNode, in range: ClosedRange<Int>) throws(DataFileError) -> Int {
        let value = try node.int()
        guard range.contains(value) else { throw node.error("\(value) is outside \(range.lowerBound)...\(range.upperBound)") }
        return value
    }

    static func port(_ node: DataNode) throws(DataFileError) -> UInt16 {
        UInt16(try integer(node, in: 0...65_535))
    }
}

extension DataNode {
    /// An error at the value of `key` below `parent` (or at `parent` when it is absent).
    static func errorAt(_ parent: DataNode, _ key: String, _ message: String) -> DataFileError {
        ((try? parent.optional(key)) ?? nil).map { $0.error(message) } ?? parent.error(message)
    }
}
