#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of reading an audit log: its valid records, what is wrong with it, and the torn
/// tail (if any) that follows the records.
package struct AuditFileScan: Sendable {
    /// Valid records, in order (records whose number or chain is wrong included; see `findings`).
    package let entries: [AuditEntry]
    /// Length in bytes of the complete lines of the file.
    package let validLength: Int
    /// Bytes after the last complete line: an incomplete last record, or foreign bytes
    /// (`findings` says which).
    package let tornBytes: Int
    /// Every problem, in line order (a torn tail included, as `.tornTail`).
    package let findings: [AuditFinding]
    /// The check's totals (records, head digest, unchained records).
    package let check: AuditLogCheck

    /// Reads the whole file behind `descriptor` from its start, in bounded memory (but for the
    /// entries kept when `keepEntries`), checking every line; `visit` sees each valid record
    /// as it is read.
    init(
        descriptor: Int32, path: String, keepEntries: Bool = true, visit: (AuditEntry) -> Void = { _ in }
    ) throws(AuditError) {
        var reader = AuditLineReader(descriptor: descriptor, path: path)
        var check = AuditLogCheck()
        var entries: [AuditEntry] = []
        var lastLine = 0
        while let line = try reader.next() {
            lastLine = line.number
            guard let entry = check.take(line: line.bytes, lineNumber: line.number) else { continue }
            if keepEntries { entries.append(entry) }
            visit(entry)
        }
        let tail = reader.tail
        check.takeTail(tail, lineNumber: lastLine + 1)
        self.entries = entries
        self.validLength = reader.completeLength
        self.tornBytes = tail.count
        self.findings = check.findings
        self.check = check
    }

    /// Whether the only problem (if any) is a torn tail: the state a crash can leave.
    package var isIntactButForTornTail: Bool {
        findings.allSatisfy { if case .tornTail = $0.problem { true } else { false } }
    }
}
