import Foundation

/// Where a JSON document stops being JSON, as a person finds it in an editor.
///
/// Foundation's `JSONSerialization` reports a syntax error as a long `NSError` text whose
/// only useful part is "around character N" (a byte offset from 0). This turns that into a
/// line and column (both from 1) and the short reason, so that a message reads
/// `starlink.json:3:7: not JSON: invalid value` instead of 120 characters of error domain.
package struct JSONSyntaxLocation: Sendable, Equatable, CustomStringConvertible {
    /// Line of the offending byte, from 1.
    package var line: Int
    /// Column (in bytes) of the offending byte, from 1.
    package var column: Int
    /// Foundation's reason without the offset, e.g. "Invalid value".
    package var reason: String

    /// The location of `error` (thrown by `JSONSerialization` for `data`), or nil when the
    /// error names no offset.
    package init?(of error: any Error, in data: Data) {
        let text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        guard let marker = text.range(of: "around character ") ?? text.range(of: "around line ") else { return nil }
        let digits = text[marker.upperBound...].prefix { $0.isNumber }
        guard let offset = Int(digits) else { return nil }
        var line = 1, column = 1
        for byte in data.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.line = line
        self.column = column
        let reason = text[..<marker.lowerBound].trimmingCharacters(in: .whitespaces)
        self.reason = reason.isEmpty ? "syntax error" : reason
    }

    /// `line L, column C: reason`.
    package var description: String { "line \(line), column \(column): \(reason.prefix(1).lowercased() + reason.dropFirst())" }
}

extension NSNumber {
    /// Whether this number came from a JSON `true` or `false`. On Linux a JSON `0` or `1`
    /// also answers `is Bool`, so that test cannot tell them apart; the boxed type can:
    /// booleans are stored as `char` ("c"), and JSON numbers never are.
    package var isJSONBoolean: Bool { String(cString: objCType) == "c" }
}
