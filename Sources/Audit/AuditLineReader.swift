import Platform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an audit log line by line from its start, in bounded memory: one 64 KiB chunk and at
/// most one line of `AuditLineFormat.maximumLineBytes`. A line longer than that (a device
/// such as `/dev/zero`, a binary file) ends the reading with `AuditError.lineTooLong`.
struct AuditLineReader {
    /// One complete line (its newline removed).
    struct Line {
        /// 1-based line number.
        var number: Int
        /// Byte offset of the line's first byte.
        var offset: Int
        /// The line's bytes.
        var bytes: ArraySlice<UInt8>
    }

    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var fileOffset: off_t = 0
    private var consumed = 0
    private var lineNumber = 0
    private var atEnd = false

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// The next complete line, or nil at the end of the file (then `tail` holds what follows
    /// the last newline).
    mutating func next() throws(AuditError) -> Line? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                lineNumber += 1
                let line = Line(number: lineNumber, offset: consumed, bytes: buffer[start..<newline])
                consumed += newline + 1 - start
                start = newline + 1
                return line
            }
            if buffer.count - start > AuditLineFormat.maximumLineBytes {
                throw .lineTooLong(path: path, line: lineNumber + 1, limit: AuditLineFormat.maximumLineBytes)
            }
            if atEnd { return nil }
            try readChunk()
        }
    }

    /// The bytes after the last newline (valid once `next()` returned nil).
    var tail: ArraySlice<UInt8> { buffer[start...] }

    /// The offset of the first byte after the last complete line.
    var completeLength: Int { consumed }

    private mutating func readChunk() throws(AuditError) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let chunk = 1 << 16
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let offset = fileOffset
        let count: Int
        switch buffer.withUnsafeMutableBytes({ bytes in
            SystemCall.retryingOnInterrupt { pread(descriptor, bytes.baseAddress! + old, chunk, offset) }
        }) {
        case .success(let read): count = read
        case .failure(let failure):
            buffer.removeLast(chunk)
            throw .system(operation: "read", path: path, errno: failure)
        }
        buffer.removeLast(chunk - count)
        fileOffset += off_t(count)
        if count == 0 { atEnd = true }
    }
}
