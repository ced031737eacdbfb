/// A failure of the audit log. While the log cannot be written, nothing that must be
/// audited may happen: the caller keeps transmit off.
public enum AuditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A system call failed.
    case system(operation: String, path: String, errno: Int32)
    /// A record in the middle of the file is damaged (not a torn tail): the file is kept as
    /// it is for inspection; `quarantine` moves it aside.
    case corrupt(path: String, line: Int)
    /// A record could not be encoded.
    case encoding(String)
    /// The log's writer did not write the record in time (it is stuck retrying an earlier
    /// record, or stopping); the record was withdrawn, not written.
    case writerUnavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .system(let operation, let path, let code):
            "\(path): \(operation) failed: \(AuditError.describe(errno: code)) (errno \(code))"
        case .corrupt(let path, let line):
            "\(path):\(line): audit record damaged before the end of the log (not a torn tail)"
        case .encoding(let reason):
            "audit record could not be encoded: \(reason)"
        case .writerUnavailable(let path, let reason):
            "\(path): audit record not written: \(reason)"
        }
    }

    static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
