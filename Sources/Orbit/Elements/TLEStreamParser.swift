/// Groups lines into element sets: an optional name line, line 1, line 2.
///
/// A line that is neither line 1 ("1 "), line 2 ("2 "), a comment ("#") nor blank is a
/// name candidate; it names the set when line 1 follows, and is reported as a stray line
/// otherwise. Each rejected set or stray line is one error; memory stays bounded whatever
/// the input, since only the pending name and line 1 are kept.
struct TLEStreamParser {
    let source: String
    let verifiesChecksums: Bool
    private(set) var sets: [ElementSet] = []
    private var pendingName: TLELine?
    private var pendingLine1: TLELine?

    init(source: String, verifiesChecksums: Bool) {
        self.source = source
        self.verifiesChecksums = verifiesChecksums
    }

    mutating func consume(
        _ line: ArraySlice<UInt8>, number: Int, overlong: Bool, errors: inout ErrorCollector
    ) throws(ElementSetError) {
        guard line.contains(where: { $0 != TLELine.space && $0 != UInt8(ascii: "\t") })
        else { return }  // blank
        let kind = overlong ? nil : Self.kind(of: line)
        if let line1 = pendingLine1 {
            pendingLine1 = nil
            if kind == 2 {
                let name = pendingName.map(Self.name(from:)) ?? ""
                pendingName = nil
                do {
                    let set = try TLEParser.elementSet(
                        name: name, line1: line1,
                        line2: TLELine(bytes: Array(line), number: number, source: source),
                        verifiesChecksums: verifiesChecksums)
                    sets.append(set)
                } catch {
                    try errors.report(error)
                }
                return
            }
            pendingName = nil
            try errors.report(line1.error(nil, nil, .missingLine2))
        }
        if line.first == UInt8(ascii: "#") { return }  // comment
        switch kind {
        case 1:
            pendingLine1 = TLELine(bytes: Array(line), number: number, source: source)
        case 2:
            pendingName = nil
            try errors.report(ElementSetError(source: source, line: number, reason: .missingLine1))
        default:
            if let stray = pendingName { try errors.report(Self.strayError(stray)) }
            pendingName = TLELine(bytes: Array(line), number: number, source: source)
            if overlong, let stray = pendingName {
                // Too long to be a name line.
                pendingName = nil
                try errors.report(Self.strayError(stray))
            }
        }
    }

    /// Reports what is left pending at the end of the input.
    mutating func finish(errors: inout ErrorCollector) throws(ElementSetError) {
        if let line1 = pendingLine1 {
            pendingLine1 = nil
            pendingName = nil
            try errors.report(line1.error(nil, nil, .missingLine2))
        }
        if let stray = pendingName {
            pendingName = nil
            try errors.report(Self.strayError(stray))
        }
    }

    /// 1 or 2 for a TLE data line ("1 " or "2 " at the start), nil otherwise.
    private static func kind(of line: ArraySlice<UInt8>) -> Int? {
        guard line.count >= 2, line[line.startIndex + 1] == TLELine.space else { return nil }
        switch line[line.startIndex] {
        case UInt8(ascii: "1"): return 1
        case UInt8(ascii: "2"): return 2
        default: return nil
        }
    }

    /// The name from a name line: trimmed, without the "0 " of the 3LE convention.
    private static func name(from line: TLELine) -> String {
        var bytes = line.bytes[...]
        if bytes.count >= 2, bytes[bytes.startIndex] == UInt8(ascii: "0"),
            bytes[bytes.startIndex + 1] == TLELine.space
        {
            bytes = bytes.dropFirst(2)
        }
        return String(decoding: bytes, as: UTF8.self).trimmingSpaces()
    }

    private static func strayError(_ line: TLELine) -> ElementSetError {
        let excerpt = TLELine.printable(line.bytes, limit: 40).trimmingSpaces()
        let suffix = line.bytes.count > 40 ? "…" : ""
        return ElementSetError(
            source: line.source, line: line.number, reason: .strayLine(excerpt + suffix))
    }
}
