import Foundation

/// The formats element sets are read from.
package enum ElementSetFormat: Sendable, Hashable {
    /// Two- or three-line element sets (name line optional, may start with "0 ").
    case tle
    /// CelesTrak / Space-Track OMM as a JSON array of objects (`FORMAT=json`).
    case ommJSON
    /// CelesTrak OMM as CSV with a header row (`FORMAT=csv`).
    case ommCSV
}

/// How to read element sets.
package struct ElementSetParsingOptions: Sendable, Hashable {
    /// Throw the first problem instead of skipping the bad set and carrying on.
    package var strict: Bool
    /// Reject TLE lines whose column 69 does not hold their checksum.
    package var verifiesChecksums: Bool
    /// How many errors are kept in detail; the rest are only counted.
    package var maximumReportedErrors: Int
    /// The format, or nil to recognise it from the content.
    package var format: ElementSetFormat?

    /// Lenient, checksums verified, 100 detailed errors, format recognised.
    package init(
        strict: Bool = false, verifiesChecksums: Bool = true, maximumReportedErrors: Int = 100,
        format: ElementSetFormat? = nil
    ) {
        self.strict = strict
        self.verifiesChecksums = verifiesChecksums
        self.maximumReportedErrors = maximumReportedErrors
        self.format = format
    }
}

/// What a lenient read produced: the good sets, and the problems with the rest.
public struct LoadedElementSets: Sendable {
    /// The element sets that passed validation, in input order.
    public var sets: [ElementSet]
    /// The first `maximumReportedErrors` problems, in input order.
    package var errors: [ElementSetError]
    /// How many problems there were in all (each rejected set or stray line counts once).
    package var errorCount: Int

    /// Problems counted but not kept in `errors`.
    package var omittedErrorCount: Int { errorCount - errors.count }
}

/// Keeps a bounded number of errors; in strict mode throws the first.
struct ErrorCollector {
    let strict: Bool
    let limit: Int
    private(set) var errors: [ElementSetError] = []
    private(set) var count = 0

    init(options: ElementSetParsingOptions) {
        strict = options.strict
        limit = max(0, options.maximumReportedErrors)
    }

    /// Records a problem; the error is only built when it will be kept or thrown.
    mutating func report(_ make: @autoclosure () -> ElementSetError) throws(ElementSetError) {
        if strict { throw make() }
        count += 1
        if errors.count < limit { errors.append(make()) }
    }

    func result(sets: [ElementSet]) -> LoadedElementSets {
        LoadedElementSets(sets: sets, errors: errors, errorCount: count)
    }
}

/// Receives the lines a `LineSplitter` cuts.
protocol LineConsumer {
    /// One line without its line ending; `overlong` when it was cut at the maximum length.
    mutating func consume(_ line: ArraySlice<UInt8>, number: Int, overlong: Bool) throws(ElementSetError)
}

/// Splits a byte stream into lines without keeping more than one bounded line in memory:
/// a line longer than `maximumLength` keeps only its first `maximumLength` bytes and is
/// flagged as overlong. LF, CRLF and a lone final line are all handled; a UTF-8 byte-order
/// mark at the very start is dropped.
struct LineSplitter {
    static let maximumLength = 1024
    private var current: [UInt8] = []
    private var overlong = false
    private var atStart = true
    private(set) var lineNumber = 0

    init() { current.reserveCapacity(Self.maximumLength) }

    /// Feeds a chunk; `emit` receives each complete line (without its line ending), its
    /// 1-based number, and whether it was cut.
    mutating func feed<Consumer: LineConsumer>(
        _ chunk: UnsafeRawBufferPointer, to emit: inout Consumer
    ) throws(ElementSetError) {
        var start = 0
        if atStart, !chunk.isEmpty {
            atStart = false
            if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { start = 3 }
        }
        guard let base = chunk.baseAddress else { return }
        while start < chunk.count {
            // memchr: the scan is the hot loop of a large file, and fast even unoptimised.
            let found = memchr(base + start, Int32(UInt8(ascii: "\n")), chunk.count - start)
            let end = found.map { base.distance(to: UnsafeRawPointer($0)) }
            append(UnsafeRawBufferPointer(rebasing: chunk[start..<(end ?? chunk.count)]))
            guard let end else { return }
            try flush(to: &emit)
            start = end + 1
        }
    }

    /// Emits the last line when the input does not end with a newline.
    mutating func finish<Consumer: LineConsumer>(to emit: inout Consumer) throws(ElementSetError) {
        if !current.isEmpty || overlong { try flush(to: &emit) }
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let room = Self.maximumLength - current.count
        if bytes.count > room {
            overlong = true
            current.append(contentsOf: bytes.prefix(room))
        } else {
            current.append(contentsOf: bytes)
        }
    }

    private mutating func flush<Consumer: LineConsumer>(to emit: inout Consumer) throws(ElementSetError) {
        lineNumber += 1
        var line = current[...]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        let wasOverlong = overlong
        defer {
            current.removeAll(keepingCapacity: true)
            overlong = false
        }
        try emit.consume(line, number: lineNumber, overlong: wasOverlong)
    }
}
