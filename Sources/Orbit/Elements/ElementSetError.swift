/// A problem found while reading element sets, located as precisely as the format allows:
/// the source (file name), the line (TLE, CSV) or record (JSON), the columns (1-based, as
/// the TLE specification numbers them) and the field.
///
/// Its description reads like a compiler diagnostic, for example
/// `starlink.tle:12: columns 19-32 (epoch): not a number: "26A33.5"`.
public struct ElementSetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    package enum Reason: Sendable, Hashable {
        /// The file could not be read (the system's message).
        case unreadable(String)
        /// The input holds no element set at all.
        case noElementSets
        /// A numeric field holds something else (the field's text).
        case notANumber(String)
        /// A date field is not an ISO-8601 date and time (the field's text).
        case notADate(String)
        /// A value parses but is outside what the field allows.
        case outOfRange(value: String, allowed: String)
        /// A fixed character (a separator or a line number) is not what the format requires.
        case unexpectedCharacter(expected: String, found: String)
        /// The checksum in column 69 does not match the line (modulo-10 sum of the digits
        /// in columns 1–68, a minus sign counting 1).
        case checksumMismatch(expected: Int, found: String)
        /// A TLE line shorter than its 69 columns.
        case lineTooShort(length: Int)
        /// A line 1 not followed by its line 2.
        case missingLine2
        /// A line 2 without a line 1 before it.
        case missingLine1
        /// Line 1 and line 2 carry different catalogue numbers.
        case catalogNumberMismatch(line1: String, line2: String)
        /// A line that belongs to no element set (an excerpt of it).
        case strayLine(String)
        /// A required field (JSON key, CSV column) is absent.
        case missingField
        /// The JSON or CSV structure itself is broken.
        case malformed(String)
        /// A value cannot be written in the TLE format (formatting only).
        case notRepresentable(String)
    }

    /// Where the input came from, usually the file name (not the full path).
    package var source: String
    /// The 1-based line number, for line-oriented formats.
    package var line: Int?
    /// The 1-based index of the record in a JSON array.
    package var record: Int?
    /// The 1-based column range of the field, for TLE lines.
    package var columns: ClosedRange<Int>?
    /// The field's name (`epoch`, `checksum`, or an OMM key such as `MEAN_MOTION`).
    package var field: String?
    /// What is wrong.
    package var reason: Reason

    /// Builds an error; every location part is optional.
    package init(
        source: String, line: Int? = nil, record: Int? = nil, columns: ClosedRange<Int>? = nil,
        field: String? = nil, reason: Reason
    ) {
        self.source = source
        self.line = line
        self.record = record
        self.columns = columns
        self.field = field
        self.reason = reason
    }

    /// A one-line explanation for logs and operators.
    public var description: String {
        var text = source
        if let line { text += ":\(line)" }
        text += ":"
        if let record { text += " record \(record)" }
        if let columns {
            text +=
                columns.count == 1
                ? " column \(columns.lowerBound)" : " columns \(columns.lowerBound)-\(columns.upperBound)"
        }
        if let field { text += " (\(field))" }
        if record != nil || columns != nil || field != nil { text += ":" }
        return text + " " + reason.description
    }
}

extension ElementSetError.Reason: CustomStringConvertible {
    /// A one-line explanation for logs and operators.
    package var description: String {
        switch self {
        case .unreadable(let message): "cannot read: \(message)"
        case .noElementSets: "no element sets found"
        case .notANumber(let text): "not a number: \"\(text)\""
        case .notADate(let text): "not an ISO-8601 date: \"\(text)\""
        case .outOfRange(let value, let allowed): "out of range: \(value) (allowed: \(allowed))"
        case .unexpectedCharacter(let expected, let found):
            "expected \(expected), found \"\(found)\""
        case .checksumMismatch(let expected, let found):
            "checksum mismatch: line sums to \(expected), column 69 holds \"\(found)\""
        case .lineTooShort(let length): "line too short: \(length) characters, a TLE line has 69"
        case .missingLine2: "line 1 is not followed by a line 2"
        case .missingLine1: "line 2 without a line 1 before it"
        case .catalogNumberMismatch(let one, let two):
            "catalogue number \"\(two)\" differs from line 1's \"\(one)\""
        case .strayLine(let excerpt): "not part of an element set: \"\(excerpt)\""
        case .missingField: "missing field"
        case .malformed(let message): "malformed: \(message)"
        case .notRepresentable(let message): "cannot be written as a TLE: \(message)"
        }
    }
}
