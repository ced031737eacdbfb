internal import Yams

/// A node of a YAML data file with its dotted field path, so every accessor can fail with
/// an error that names the file, line, column and field. The project keeps all of its
/// data files (boards, rigs, scenarios, config) in YAML and reads them through this type.
package struct DataNode {
    /// The YAML node.
    let node: Node
    /// Dotted path from the document root (`""` for the root).
    package let field: String
    /// The file name, for messages.
    package let file: String
    /// Where this value was used through a YAML alias (`*name`), when it was: errors point
    /// there, since the anchored text (`&name`, earlier in the file) may be right elsewhere.
    package var aliasUse: (line: Int, column: Int)? = nil

    /// Parses a document. A syntax error or a duplicated key is reported with its position.
    package static func parse(yaml: String, file: String) throws(DataFileError) -> DataNode {
        let root: Node?
        do {
            // No tag resolution: every accessor reads the scalar's text itself (YAML 1.2 core
            // schema words in `bool()`, Swift's number parsing in `int()` and `double()`), and
            // Yams' default resolver would compile its regular expressions through ICU, whose
            // tables then stay resident in the daemon (about 3 MB).
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw DataFileError(file: file, field: "", message: "\(error)")
        }
        guard let root else { throw DataFileError(file: file, field: "", message: "the file is empty") }
        // Every data file of the project is a mapping at its top: said once here, rather than
        // once for every field a reader then asks of a list or a scalar.
        guard case .mapping = root else {
            let kind = if case .sequence = root { "a list" } else { "a single value" }
            return try Self.refuseRoot(root, kind: kind, file: file)
        }
        return DataNode(node: root, field: "", file: file)
    }

    private static func refuseRoot(_ root: Node, kind: String, file: String) throws(DataFileError) -> DataNode {
        throw DataFileError(
            file: file, line: root.mark?.line, column: root.mark?.column, field: "",
            message: "the file holds \(kind) at its top level; it must be key: value lines (a mapping)")
    }

    private static func describe(_ error: YamlError, file: String) -> DataFileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return DataFileError(file: file, line: mark.line, column: mark.column, field: "", message: "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DataFileError(
                file: file, line: context.mark.line, column: context.mark.column, field: "",
                message: "duplicated key \(duplicates.joined(separator: ", "))")
        default:
            return DataFileError(file: file, field: "", message: "YAML: \(error)")
        }
    }

    /// An error located at this node.
    package func error(_ message: String) -> DataFileError {
        if let aliasUse, let anchored = node.mark {
            return DataFileError(
                file: file, line: aliasUse.line, column: aliasUse.column, field: field,
                message: "\(message) (through an alias; the anchored value is at \(anchored.line):\(anchored.column))")
        }
        return DataFileError(file: file, line: node.mark?.line, column: node.mark?.column, field: field, message: message)
    }

    /// The node of `value`, used at `user` (its key, or the list holding it). An alias takes
    /// the node (and position) of its anchor, which comes earlier in the file: a value that
    /// starts before its key was reached through an alias, used at the key.
    private func descendant(_ value: Node, field: String, usedAt user: Node) -> DataNode {
        var result = DataNode(node: value, field: field, file: file, aliasUse: aliasUse)
        if result.aliasUse == nil, let at = value.mark, let use = user.mark, (at.line, at.column) < (use.line, use.column) {
            result.aliasUse = (use.line, use.column)
        }
        return result
    }

    private func child(_ key: String, _ value: Node, keyNode: Node) -> DataNode {
        descendant(value, field: field.isEmpty ? key : field + "." + key, usedAt: keyNode)
    }

    /// The key/value pairs of a mapping, in file order.
    package func entries() throws(DataFileError) -> [(key: String, value: DataNode)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping (key: value lines)") }
        var result: [(key: String, value: DataNode)] = []
        for (key, value) in mapping {
            guard let name = key.string else { throw DataNode(node: key, field: field, file: file).error("keys must be text") }
            result.append((name, child(name, value, keyNode: key)))
        }
        return result
    }

    /// The value of a key that must be present.
    package func required(_ key: String) throws(DataFileError) -> DataNode {
        guard let value = try optional(key) else {
            throw error("missing field \"\(key)\"")
        }
        return value
    }

    /// The value of a key that may be absent.
    package func optional(_ key: String) throws(DataFileError) -> DataNode? {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping (key: value lines)") }
        // By the key's text: `mapping[key]` would resolve tags with Yams' default resolver.
        return mapping.first { $0.key.string == key }.map { child(key, $0.value, keyNode: $0.key) }
    }

    /// Fails on any key not in `known` (catches typos such as `actve_low`).
    package func rejectUnknownKeys(_ known: Set<String>) throws(DataFileError) {
        for (key, value) in try entries() where !known.contains(key) {
            throw value.error("unknown field (expected one of: \(known.sorted().joined(separator: ", ")))")
        }
    }

    /// The elements of a sequence.
    package func elements() throws(DataFileError) -> [DataNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { index, value in
            descendant(value, field: "\(field)[\(index)]", usedAt: node)
        }
    }

    /// A text scalar.
    package func string() throws(DataFileError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a text value") }
        return scalar.string
    }

    /// An integer scalar (decimal, or hexadecimal with `0x`).
    package func int() throws(DataFileError) -> Int {
        let text = try string()
        let value = text.hasPrefix("0x") ? Int(text.dropFirst(2), radix: 16) : Int(text)
        guard let value else { throw error("expected an integer, got \"\(text)\"") }
        return value
    }

    /// A real-number scalar.
    package func double() throws(DataFileError) -> Double {
        let text = try string()
        guard let value = Double(text), value.isFinite else { throw error("expected a number, got \"\(text)\"") }
        return value
    }

    /// A boolean scalar (`true`/`false`, YAML 1.2 core schema).
    package func bool() throws(DataFileError) -> Bool {
        switch try string() {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        case let text: throw error("expected true or false, got \"\(text)\"")
        }
    }

    /// A scalar that must be one of the raw values of `T`.
    package func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws(DataFileError) -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            throw error("\"\(text)\" is not one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// Where the node starts in its file (1-based line and column), when the parser said.
    package var position: (line: Int, column: Int)? { node.mark.map { ($0.line, $0.column) } }

    /// The node at a dotted path below this one (`a.b[2].c`), for locating problems found
    /// after parsing; nil when the path does not exist.
    package func locate(_ path: String) -> DataNode? {
        var current = self
        for component in path.split(separator: ".") {
            var name = Substring(component)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"),
                let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
            {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            guard let next = try? current.optional(String(name)) else { return nil }
            current = next
            for index in indices {
                guard let items = try? current.elements(), items.indices.contains(index) else { return nil }
                current = items[index]
            }
        }
        return current
    }
}
