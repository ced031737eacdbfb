/// A problem in one of the project's data files (board, rig, scenario, config), located
/// as precisely as the file allows: `file:line:column: field: message`.
package struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it.
    package var file: String
    /// 1-based line, when known.
    package var line: Int?
    /// 1-based column, when known.
    package var column: Int?
    /// Dotted path of the field, e.g. `gpio.lines.fault_in.line`; empty for the whole file.
    package var field: String
    /// What is wrong.
    package var message: String

    /// Builds an error.
    package init(file: String, line: Int? = nil, column: Int? = nil, field: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    package var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}

/// Every problem found in one data file.
package struct DataFileErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order where known.
    package var errors: [DataFileError]

    /// Builds a list.
    package init(_ errors: [DataFileError]) { self.errors = errors }

    package var description: String { errors.map(\.description).joined(separator: "\n") }
}
