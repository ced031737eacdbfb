import SystemPackage

/// A failure of the audit log. While the log cannot be written, nothing that must be
/// audited may happen: the caller keeps transmit off.
package enum AuditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A system call failed.
    case system(operation: String, path: String, errno: Errno)
    /// The file is not an audit log (its first line is no record, or it is not a regular
    /// file): it was left untouched.
    case notAuditLog(path: String, reason: String)
    /// The log has damage before its tail, or records missing, repeated, reordered or
    /// altered: it was left untouched for inspection (`AuditLog.quarantine` moves it aside).
    /// The findings in line order.
    case damaged(path: String, findings: [AuditFinding])
    /// A line is longer than any record can be (reading stopped there).
    case lineTooLong(path: String, line: Int, limit: Int)
    /// Another process holds the file (a second daemon on the same configuration).
    case locked(path: String, holderPID: Int32?)
    /// A record could not be encoded.
    case encoding(String)
    /// The log's writer did not write the record in time (it is stuck retrying an earlier
    /// record, or stopping); the record was withdrawn, not written.
    case writerUnavailable(path: String, reason: String)

    package var description: String {
        switch self {
        case .system(let operation, let path, let errno):
            "\(path): \(operation) failed: \(errno.report)"
        case .notAuditLog(let path, let reason):
            "\(path): not an audit log, left untouched: \(reason)"
        case .damaged(let path, let findings):
            "\(path): the audit log is damaged, left untouched: "
                + findings.prefix(5).map(\.description).joined(separator: "; ")
                + (findings.count > 5 ? "; and \(findings.count - 5) more (utermd audit show --verify \(path))" : "")
        case .lineTooLong(let path, let line, let limit):
            "\(path):\(line): a line longer than \(limit) bytes: not an audit log (reading stopped)"
        case .locked(let path, let holder):
            "\(path): in use by another utermd" + (holder.map { " (process \($0))" } ?? "")
                + ": one daemon per audit log and trace"
        case .encoding(let reason):
            "audit record could not be encoded: \(reason)"
        case .writerUnavailable(let path, let reason):
            "\(path): audit record not written: \(reason)"
        }
    }
}
