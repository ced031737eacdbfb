/// A problem in one of the project's data files (board, rig, scenario, config), located
/// as precisely as the file allows: `file:line:column: field: message`.
public struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// Dotted path of the field, e.g. `gpio.lines.fault_in.line`; empty for the whole file.
    public var field: String
    /// What is wrong.
    public var message: String

    /// Builds an error.
    public init(file: String, line: Int? = nil, column: Int? = nil, field: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}

/// Every problem found in one data file.
public struct DataFileErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order where known.
    public var errors: [DataFileError]

    /// Builds a list.
    public init(_ errors: [DataFileError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
