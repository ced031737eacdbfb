/// A pull scanner over JSON bytes (RFC 8259) that builds nothing it is not asked for.
///
/// It walks a byte buffer once; strings, numbers and skipped values cost no allocation beyond
/// the strings actually returned. Nesting is limited (``maximumDepth``) so hostile input cannot
/// exhaust the stack. Numbers: the non-JSON literals `NaN`, `Infinity` and `-Infinity` are read
/// as such so that the caller can report a bad coordinate rather than a bare syntax error.
struct JSONScanner: ~Copyable {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    private var depth = 0

    static let maximumDepth = 64

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    // MARK: Bytes

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// The next non-whitespace byte, not consumed.
    mutating func peek() throws(GeoJSONParseFailure) -> UInt8 {
        skipWhitespace()
        guard offset < bytes.count else { throw GeoJSONParseFailure(offset: offset, problem: .unexpectedEndOfInput) }
        return bytes[offset]
    }

    /// The first non-whitespace byte inside the array that starts at the next '['; nothing is
    /// consumed.
    mutating func peekInsideArray() throws(GeoJSONParseFailure) -> UInt8 {
        guard try peek() == UInt8(ascii: "[") else { throw unexpected(try peek(), expecting: "'['") }
        var index = offset + 1
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return bytes[index]
            }
        }
        throw GeoJSONParseFailure(offset: index, problem: .unexpectedEndOfInput)
    }

    mutating func consume(_ expected: UInt8) throws(GeoJSONParseFailure) {
        let byte = try peek()
        guard byte == expected else { throw unexpected(byte, expecting: "'\(Character(UnicodeScalar(expected)))'") }
        offset += 1
    }

    func unexpected(_ byte: UInt8, expecting: String) -> GeoJSONParseFailure {
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return GeoJSONParseFailure(offset: offset, problem: .syntax("expected \(expecting), found \(shown)"))
    }

    // MARK: Containers

    /// Iterates the members of an object; `body` must consume each value.
    mutating func readObject(_ body: (inout JSONScanner, String) throws(GeoJSONParseFailure) -> Void)
        throws(GeoJSONParseFailure)
    {
        try enter()
        try consume(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return
        }
        while true {
            let key = try readString()
            try consume(UInt8(ascii: ":"))
            try body(&self, key)
            let next = try peek()
            offset += 1
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else {
                offset -= 1
                throw unexpected(next, expecting: "',' or '}'")
            }
        }
        depth -= 1
    }

    /// Iterates the elements of an array; `body` must consume each element.
    mutating func readArray(_ body: (inout JSONScanner) throws(GeoJSONParseFailure) -> Void)
        throws(GeoJSONParseFailure)
    {
        try enter()
        try consume(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return
        }
        while true {
            try body(&self)
            let next = try peek()
            offset += 1
            if next == UInt8(ascii: "]") { break }
            guard next == UInt8(ascii: ",") else {
                offset -= 1
                throw unexpected(next, expecting: "',' or ']'")
            }
        }
        depth -= 1
    }

    private mutating func enter() throws(GeoJSONParseFailure) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw GeoJSONParseFailure(offset: offset, problem: .syntax("nesting deeper than \(Self.maximumDepth) levels"))
        }
    }

    /// Skips any value.
    mutating func skipValue() throws(GeoJSONParseFailure) {
        switch try peek() {
        case UInt8(ascii: "{"): try readObject { (scanner, _) throws(GeoJSONParseFailure) in try scanner.skipValue() }
        case UInt8(ascii: "["): try readArray { (scanner) throws(GeoJSONParseFailure) in try scanner.skipValue() }
        case UInt8(ascii: "\""): _ = try readString()
        default: _ = try readLiteralOrNumberText()
        }
    }

    /// A scalar as text (strings unquoted, numbers and booleans as written); nil for null,
    /// objects and arrays (which are skipped).
    mutating func readScalarText() throws(GeoJSONParseFailure) -> String? {
        switch try peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipValue()
            return nil
        case UInt8(ascii: "\""): return try readString()
        default:
            let text = try readLiteralOrNumberText()
            return text == "null" ? nil : text
        }
    }

    /// True (and consumed) when the next value is `null`.
    mutating func readNullIfPresent() throws(GeoJSONParseFailure) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        let text = try readLiteralOrNumberText()
        guard text == "null" else { throw GeoJSONParseFailure(offset: offset, problem: .syntax("invalid literal '\(text)'")) }
        return true
    }

    private mutating func readLiteralOrNumberText() throws(GeoJSONParseFailure) -> String {
        let start = offset
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                return try literalText(from: start)
            default: offset += 1
            }
        }
        throw GeoJSONParseFailure(offset: offset, problem: .unexpectedEndOfInput)
    }

    private func literalText(from start: Int) throws(GeoJSONParseFailure) -> String {
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        switch text {
        case "true", "false", "null": return text
        default:
            guard !text.isEmpty, Double(text) != nil else {
                throw GeoJSONParseFailure(offset: start, problem: .syntax("invalid value '\(text.prefix(40))'"))
            }
            return text
        }
    }
}

/// A failure inside the scanner or reader, before file and feature context are attached.
struct GeoJSONParseFailure: Error {
    var offset: Int
    var problem: GeoJSONError.Problem
}
