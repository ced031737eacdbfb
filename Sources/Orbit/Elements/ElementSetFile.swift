import Foundation

/// Reading element-set files: TLE (2- or 3-line, LF or CRLF), CelesTrak OMM JSON and CSV.
///
/// Reads are lenient by default: bad sets are skipped and described in
/// `LoadedElementSets.errors` (at most `maximumReportedErrors` of them, the rest counted),
/// good ones are kept. With `strict`, the first problem is thrown. TLE and CSV files are
/// streamed in 64 KiB chunks, so memory stays bounded whatever the file holds; JSON is
/// parsed whole.
public enum ElementSetFile {
    static let chunkSize = 65_536

    /// Loads the element sets in the file at `path`.
    /// - Throws: `ElementSetError` when the file cannot be read or, with `strict`, at the
    ///   first problem.
    public static func load(path: String, strict: Bool = false) throws(ElementSetError) -> LoadedElementSets {
        try load(path: path, options: ElementSetParsingOptions(strict: strict))
    }

    /// Loads the element sets in the file at `path` with explicit options.
    package static func load(
        path: String, options: ElementSetParsingOptions
    ) throws(ElementSetError) -> LoadedElementSets {
        let source = URL(fileURLWithPath: path).lastPathComponent
        // A device (/dev/zero, /dev/urandom) or a FIFO never ends: refused, as the audit log's
        // reader refuses them, instead of reading without bound.
        if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
            type != .typeRegular, type != .typeSymbolicLink
        {
            throw ElementSetError(source: source, reason: .unreadable("\(path) is not a regular file"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ElementSetError(source: source, reason: .unreadable("cannot open \(path)"))
        }
        defer { try? handle.close() }
        func read() throws(ElementSetError) -> Data {
            do {
                return try handle.read(upToCount: chunkSize) ?? Data()
            } catch {
                throw ElementSetError(source: source, reason: .unreadable("\(error)"))
            }
        }
        let first = try read()
        let format = options.format ?? detectFormat(first)
        if format == .ommJSON {
            var data = first
            while true {
                let more = try read()
                if more.isEmpty { break }
                data.append(more)
            }
            return try parseJSON(data, source: source, options: options)
        }
        var reader = StreamReader(format: format, source: source, options: options)
        var chunk = first
        while !chunk.isEmpty {
            try chunk.withUnsafeBytes { reader.feedCapturingError($0) }.get()
            chunk = try read()
        }
        return try reader.finish()
    }

    /// Parses element sets held in a string; `source` names it in errors.
    package static func parse(
        _ text: String, source: String = "<string>",
        options: ElementSetParsingOptions = ElementSetParsingOptions()
    ) throws(ElementSetError) -> LoadedElementSets {
        try parse(bytes: Array(text.utf8), source: source, options: options)
    }

    /// Parses element sets held in memory; `source` names them in errors.
    package static func parse(
        bytes: [UInt8], source: String = "<bytes>",
        options: ElementSetParsingOptions = ElementSetParsingOptions()
    ) throws(ElementSetError) -> LoadedElementSets {
        let format =
            options.format
            ?? bytes.withUnsafeBytes { detectFormat(UnsafeRawBufferPointer(rebasing: $0.prefix(chunkSize))) }
        if format == .ommJSON {
            return try parseJSON(Data(bytes), source: source, options: options)
        }
        var reader = StreamReader(format: format, source: source, options: options)
        try bytes.withUnsafeBytes { reader.feedCapturingError($0) }.get()
        return try reader.finish()
    }

    /// Recognises the format from the first bytes: JSON starts with `[` or `{`, OMM CSV with
    /// a header naming `OBJECT_NAME`/`NORAD_CAT_ID`/`EPOCH` columns; anything else is read
    /// as TLE.
    static func detectFormat<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ElementSetFormat {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return .tle }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return .ommJSON }
        let firstLine = body.prefix { $0 != UInt8(ascii: "\n") }
        let text = String(decoding: firstLine.prefix(1024), as: UTF8.self)
        if text.contains(","), text.contains("EPOCH"),
            text.contains("NORAD_CAT_ID") || text.contains("OBJECT_NAME")
        {
            return .ommCSV
        }
        return .tle
    }

    private static func parseJSON(
        _ data: Data, source: String, options: ElementSetParsingOptions
    ) throws(ElementSetError) -> LoadedElementSets {
        var errors = ErrorCollector(options: options)
        let sets = try OMMJSONParser.parse(data, source: source, errors: &errors)
        if sets.isEmpty && errors.count == 0 {
            try errors.report(ElementSetError(source: source, reason: .noElementSets))
        }
        return errors.result(sets: sets)
    }
}

/// Feeds chunks through a `LineSplitter` into the TLE or CSV parser.
private struct StreamReader {
    var splitter = LineSplitter()
    var lines: Lines

    struct Lines: LineConsumer {
        var errors: ErrorCollector
        var tle: TLEStreamParser
        var csv: OMMCSVParser
        let format: ElementSetFormat

        mutating func consume(_ line: ArraySlice<UInt8>, number: Int, overlong: Bool) throws(ElementSetError) {
            if format == .tle {
                try tle.consume(line, number: number, overlong: overlong, errors: &errors)
            } else {
                try csv.consume(line, number: number, overlong: overlong, errors: &errors)
            }
        }
    }

    init(format: ElementSetFormat, source: String, options: ElementSetParsingOptions) {
        lines = Lines(
            errors: ErrorCollector(options: options),
            tle: TLEStreamParser(source: source, verifiesChecksums: options.verifiesChecksums),
            csv: OMMCSVParser(source: source), format: format)
    }

    /// `feed` for closures of APIs that only rethrow untyped errors.
    mutating func feedCapturingError(_ bytes: UnsafeRawBufferPointer) -> Result<Void, ElementSetError> {
        do {
            try splitter.feed(bytes, to: &lines)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    mutating func finish() throws(ElementSetError) -> LoadedElementSets {
        try splitter.finish(to: &lines)
        let sets: [ElementSet]
        if lines.format == .tle {
            try lines.tle.finish(errors: &lines.errors)
            sets = lines.tle.sets
        } else {
            sets = lines.csv.sets
        }
        if sets.isEmpty && lines.errors.count == 0 {
            try lines.errors.report(ElementSetError(source: lines.tle.source, reason: .noElementSets))
        }
        return lines.errors.result(sets: sets)
    }
}

extension ElementSet {
    /// Parses one element set from its two TLE lines (trailing CR or spaces allowed).
    /// - Parameters:
    ///   - name: the satellite name (line 0 of a 3-line set), if any.
    ///   - verifiesChecksums: reject lines whose column 69 is not their checksum.
    /// - Throws: `ElementSetError` locating the first bad field (`source` "<tle>", lines 1–2).
    package init(
        tleLine1 line1: String, tleLine2 line2: String, name: String = "",
        verifiesChecksums: Bool = true
    ) throws(ElementSetError) {
        func bytes(_ text: String) -> [UInt8] {
            var bytes = Array(text.utf8)
            while let last = bytes.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") {
                bytes.removeLast()
            }
            return bytes
        }
        let first = TLELine(bytes: bytes(line1), number: 1, source: "<tle>")
        let second = TLELine(bytes: bytes(line2), number: 2, source: "<tle>")
        for line in [first, second] where line.bytes.count < 2 {
            throw line.error(nil, nil, .lineTooShort(length: line.bytes.count))
        }
        self = try TLEParser.elementSet(
            name: name.trimmingSpaces(), line1: first, line2: second, verifiesChecksums: verifiesChecksums)
    }
}
