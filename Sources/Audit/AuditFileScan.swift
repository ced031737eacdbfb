#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of reading an audit log: its valid records, and the torn tail (if any) that
/// follows them.
public struct AuditFileScan: Sendable {
    /// Valid records, in order.
    public let entries: [AuditEntry]
    /// Length in bytes of the valid prefix of the file.
    public let validLength: Int
    /// Bytes after the valid prefix: an incomplete or damaged last record.
    public let tornBytes: Int

    /// Reads the whole file behind `descriptor` from its start.
    init(descriptor: Int32, path: String) throws(AuditError) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(operation: "read", path: path, errno: errno)
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            offset += off_t(count)
        }
        try self.init(bytes: bytes, path: path)
    }

    /// Splits `bytes` into records. Only the last line may be damaged (a torn write);
    /// a damaged line followed by a valid one is corruption.
    init(bytes: [UInt8], path: String) throws(AuditError) {
        var entries: [AuditEntry] = []
        var validLength = 0
        var lineStart = 0
        var lineNumber = 0
        var damagedLine: Int?
        while lineStart < bytes.count {
            lineNumber += 1
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            if let entry = AuditLineFormat.decode(bytes[lineStart..<newline]) {
                if let damagedLine { throw .corrupt(path: path, line: damagedLine) }
                entries.append(entry)
                validLength = newline + 1
            } else if damagedLine == nil {
                damagedLine = lineNumber
            }
            lineStart = newline + 1
        }
        self.entries = entries
        self.validLength = validLength
        self.tornBytes = bytes.count - validLength
    }
}
