import Foundation
import Geofence

/// Reads policy files (`Policies/*.yaml`, format 1, described in `Policies/README.md`): a
/// header (name, version, validity), a default action, zones, and a GeoJSON block. Every
/// problem is reported as `file:line:column: field: message`; GeoJSON problems carry the
/// GeoJSON reader's own location (feature, ring, byte) too.
package enum PolicyFile {
    /// The format version this firmware reads.
    package static let formatVersion = 1

    static let knownKeys: Set<String> = [
        "format", "policy", "version", "issued", "valid_from", "valid_until", "example", "note", "default", "zones",
        "geojson", "service_rules",
    ]

    /// Reads a file from disk *without checking its signature* (a final signature line is a
    /// YAML comment and ignored): for tools such as `utermd policy sign` and for tests.
    package static func loadUnverified(path: String) throws(DataFileErrors) -> PolicyDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileErrors([DataFileError(file: path, field: "", message: "cannot read the file")])
        }
        return try parse(bytes: data, file: path)
    }

    /// Parses a file's bytes (UTF-8).
    package static func parse(bytes: Data, file: String) throws(DataFileErrors) -> PolicyDocument {
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw DataFileErrors([DataFileError(file: file, field: "", message: "not UTF-8 text")])
        }
        return try parse(yaml: text, file: file)
    }

    /// Parses and checks a policy's text and compiles its zones; `file` names it in messages.
    package static func parse(yaml: String, file: String) throws(DataFileErrors) -> PolicyDocument {
        let root: DataNode
        do {
            root = try DataNode.parse(yaml: yaml, file: file)
        } catch {
            throw DataFileErrors([error])
        }
        var problems = PolicyProblems()
        problems.attempt { () throws(DataFileError) in try root.rejectUnknownKeys(knownKeys) }
        if let format = problems.attempt({ () throws(DataFileError) in try root.required("format") }),
            let version = problems.attempt({ () throws(DataFileError) in try format.int() }), version != formatVersion
        {
            problems.add(format.error("format \(version) is not supported (this utermd reads format \(formatVersion))"))
        }
        let header = readHeader(root, &problems)
        let note = problems.attempt { () throws(DataFileError) in try root.optional("note")?.string() } ?? nil
        let defaultAction = problems.attempt { () throws(DataFileError) in
            try PolicyZoneSection.action(try root.required("default"))
        }
        let zoneNodes = problems.attempt { () throws(DataFileError) in try root.required("zones").elements() } ?? []
        var zones: [(PolicyZoneDescription, DataNode)] = []
        for node in zoneNodes {
            if let zone = problems.attempt({ () throws(DataFileError) in try PolicyZoneSection.parse(node) }) {
                zones.append((zone, node))
            }
        }
        var names: [String: DataNode] = [:]
        for (zone, node) in zones {
            if names[zone.name] != nil {
                problems.add((node.locate("name") ?? node).error("zone name \"\(zone.name)\" is used twice"))
            }
            names[zone.name] = node
        }
        let rulesNode = problems.attempt { () throws(DataFileError) in try root.optional("service_rules") } ?? nil
        let parsedRules = rulesNode.flatMap { node in
            problems.attempt { () throws(DataFileError) in try PolicyServiceRulesSection.parse(node) }
        }
        let geojsonNode = problems.attempt { () throws(DataFileError) in try root.optional("geojson") } ?? nil
        let needed = zones.contains { $0.0.isFeature } || (parsedRules?.regions.contains { $0.0.isFeature } ?? false)
        let document = readGeoJSON(geojsonNode, file: file, needed: needed, &problems)
        guard problems.isEmpty, let header, let defaultAction else { throw problems.errors }
        var rules: [ZoneRule] = []
        for (zone, node) in zones {
            if let built = problems.attempt({ () throws(DataFileError) in
                try PolicyZoneSection.build(zone, node: node, document: document)
            }) {
                rules.append(ZoneRule(zone: built, action: zone.action, constellations: zone.constellations))
            }
        }
        let serviceRules = parsedRules.flatMap { parsed in
            problems.attempt { () throws(DataFileError) in try PolicyServiceRulesSection.build(parsed, document: document) }
        }
        guard problems.isEmpty else { throw problems.errors }
        var policy = PolicyDocument(
            header: header, note: note, zones: zones.map(\.0),
            geofencePolicy: GeofencePolicy(rules: rules, defaultAction: defaultAction), file: file, geoJSON: document)
        policy.serviceRules = serviceRules ?? .none
        return policy
    }

    private static func readHeader(_ root: DataNode, _ problems: inout PolicyProblems) -> PolicyBundleHeader? {
        let name = problems.attempt { () throws(DataFileError) in
            let node = try root.required("policy")
            let text = try node.string()
            guard !text.isEmpty else { throw node.error("the policy needs a name") }
            return text
        }
        let version = problems.attempt { () throws(DataFileError) in
            let node = try root.required("version")
            let value = try node.int()
            guard value >= 1 else { throw node.error("version must be a positive integer, got \(value)") }
            return value
        }
        func instant(_ key: String) -> (Date, DataNode)? {
            problems.attempt { () throws(DataFileError) in
                let node = try root.required(key)
                let text = try node.string()
                guard let date = ISO8601UTC.parse(text) else {
                    throw node.error("expected an ISO-8601 UTC time such as 2026-09-01T00:00:00Z, got \"\(text)\"")
                }
                return (date, node)
            }
        }
        let issued = instant("issued")
        let validFrom = instant("valid_from")
        let validUntil = instant("valid_until")
        let isExample = problems.attempt { () throws(DataFileError) in try root.optional("example")?.bool() } ?? nil
        if let validFrom, let validUntil, validUntil.0 <= validFrom.0 {
            problems.add(validUntil.1.error("valid_until must be later than valid_from"))
        }
        guard let name, let version, let issued, let validFrom, let validUntil else { return nil }
        return PolicyBundleHeader(
            name: name, version: version, issued: issued.0, validFrom: validFrom.0, validUntil: validUntil.0,
            isExample: isExample ?? false)
    }

    /// The GeoJSON block, read with ``GeoJSONDocument``; its errors are placed on the block's
    /// line (the line of a syntax error inside it when the reader gives a byte offset).
    private static func readGeoJSON(
        _ node: DataNode?, file: String, needed: Bool, _ problems: inout PolicyProblems
    ) -> GeoJSONDocument? {
        guard let node else {
            if needed {
                problems.add(
                    DataFileError(file: file, field: "geojson", message: "zones select features, but there is no geojson block"))
            }
            return nil
        }
        guard let text = problems.attempt({ () throws(DataFileError) in try node.string() }) else { return nil }
        let bytes = Data(text.utf8)
        do {
            return try GeoJSONDocument(data: bytes, sourceName: "geojson")
        } catch {
            var located = node.error(error.description)
            if let offset = error.byteOffset, let blockLine = node.node.mark?.line {
                let newlines = bytes.prefix(offset).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                located.line = blockLine + 1 + newlines
                located.column = nil
            }
            problems.add(located)
            return nil
        }
    }
}

/// Problems collected while reading one file, sorted by position when thrown.
struct PolicyProblems {
    private(set) var list: [DataFileError] = []

    var isEmpty: Bool { list.isEmpty }

    var errors: DataFileErrors {
        DataFileErrors(list.sorted { ($0.line ?? .max, $0.column ?? 0) < ($1.line ?? .max, $1.column ?? 0) })
    }

    mutating func add(_ error: DataFileError) { list.append(error) }

    @discardableResult
    mutating func attempt<T>(_ body: () throws(DataFileError) -> T) -> T? {
        do { return try body() } catch {
            list.append(error)
            return nil
        }
    }
}
