/// Reads CelesTrak OMM CSV (`FORMAT=csv`): a header row naming the OMM keywords, then one
/// element set per row. Fields may be quoted with `"` (a doubled `""` is a quote).
struct OMMCSVParser {
    let source: String
    private var header: [String]?
    private(set) var sets: [ElementSet] = []

    init(source: String) { self.source = source }

    mutating func consume(
        _ line: ArraySlice<UInt8>, number: Int, overlong: Bool, errors: inout ErrorCollector
    ) throws(ElementSetError) {
        guard line.contains(where: { $0 != TLELine.space && $0 != UInt8(ascii: "\t") }) else { return }
        guard !overlong else {
            try errors.report(
                ElementSetError(
                    source: source, line: number, reason: .malformed("line longer than \(LineSplitter.maximumLength) bytes")))
            return
        }
        guard let fields = Self.split(line) else {
            try errors.report(ElementSetError(source: source, line: number, reason: .malformed("unbalanced quotes")))
            return
        }
        guard let header else {
            let names = fields.map { $0.trimmingSpaces() }
            guard names.contains("EPOCH"), names.contains("MEAN_MOTION") else {
                throw ElementSetError(
                    source: source, line: number,
                    reason: .malformed(
                        "the first row is not an OMM header (no EPOCH and MEAN_MOTION columns)"))
            }
            self.header = names
            return
        }
        guard fields.count == header.count else {
            try errors.report(
                ElementSetError(
                    source: source, line: number,
                    reason: .malformed(
                        "\(fields.count) fields, the header has \(header.count)")))
            return
        }
        var record = OMMRecord(source: source, line: number, record: nil)
        for (name, value) in zip(header, fields) { record.values[name] = .text(value) }
        do {
            sets.append(try record.elementSet())
        } catch {
            try errors.report(error)
        }
    }

    /// Splits one CSV row, or nil when a quote is left open.
    static func split(_ line: ArraySlice<UInt8>) -> [String]? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = line.startIndex
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        while index < line.endIndex {
            let byte = line[index]
            if quoted {
                if byte == quote {
                    if index + 1 < line.endIndex && line[index + 1] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == quote {
                quoted = true
            } else if byte == comma {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else {
                field.append(byte)
            }
            index += 1
        }
        guard !quoted else { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
