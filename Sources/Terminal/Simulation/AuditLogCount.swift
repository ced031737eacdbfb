import Audit

/// Counts the records of an audit log (for run summaries).
enum AuditLogCount {
    static func records(at path: String) throws -> Int {
        try AuditLog.read(path: path).entries.count
    }
}
