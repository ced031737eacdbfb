/// Checks an audit log's lines in order, one at a time, keeping only the last record's
/// number and digest (bounded memory): the frame and CRC of every line, the sequence numbers
/// (1 first, then consecutive: gaps, repeats and reordering are reported), and the chain of
/// digests (`AuditChain`).
package struct AuditLogCheck: Sendable {
    /// Problems found so far, in line order.
    package private(set) var findings: [AuditFinding] = []
    /// Valid records seen.
    package private(set) var recordCount = 0
    /// Records without a chain at the start of the log (written before the chain existed).
    package private(set) var unchainedRecordCount = 0
    /// The highest sequence number seen (0 before the first record).
    package private(set) var lastSequence: UInt64 = 0
    /// The chain value the next record must carry: the digest of the last line.
    package private(set) var headDigest = AuditChain.genesis
    /// Length of the complete lines checked, in bytes.
    package private(set) var checkedLength = 0

    private var previousLineDigest: String?
    private var chained = false
    /// Invalid lines since the last valid record: they account for as many numbers.
    private var invalidLinesSinceRecord: UInt64 = 0

    package init() {}

    /// Whether nothing is wrong so far.
    package var isClean: Bool { findings.isEmpty }

    /// Checks one complete line (without its newline) at `lineNumber`; returns its entry when
    /// the line is a valid record (even one whose number or chain is reported).
    @discardableResult
    package mutating func take(line: ArraySlice<UInt8>, lineNumber: Int) -> AuditEntry? {
        checkedLength += line.count + 1
        let digest = AuditChain.digest(ofLine: line)
        defer {
            previousLineDigest = digest
            headDigest = digest
        }
        let entry: AuditEntry
        switch AuditLineFormat.decodeOrExplain(line) {
        case .failure(let problem):
            findings.append(AuditFinding(line: lineNumber, problem: .invalidLine(problem)))
            invalidLinesSinceRecord += 1
            return nil
        case .success(let decoded): entry = decoded
        }
        recordCount += 1
        checkSequence(entry.sequence, lineNumber)
        checkChain(entry.chain, lineNumber)
        return entry
    }

    /// Checks the bytes after the last newline: nothing, a torn record (reported as
    /// `tornTail`), or something else (`tailNotARecord`).
    package mutating func takeTail(_ tail: ArraySlice<UInt8>, lineNumber: Int) {
        guard !tail.isEmpty else { return }
        let problem: AuditFinding.Problem =
            AuditLineFormat.isTornRecordPrefix(tail) ? .tornTail(bytes: tail.count) : .tailNotARecord(bytes: tail.count)
        findings.append(AuditFinding(line: lineNumber, problem: problem))
    }

    /// For verification: reports records that carry no chain (once, at the first of them).
    package mutating func requireChain() {
        if unchainedRecordCount > 0 {
            findings.insert(AuditFinding(line: 1, problem: .unchained(count: unchainedRecordCount)), at: 0)
        }
    }

    private mutating func checkSequence(_ sequence: UInt64, _ lineNumber: Int) {
        let skipped = invalidLinesSinceRecord
        invalidLinesSinceRecord = 0
        defer { lastSequence = max(lastSequence, sequence) }
        if recordCount == 1 {
            if sequence != 1 { findings.append(AuditFinding(line: lineNumber, problem: .headMissing(firstSequence: sequence))) }
            return
        }
        let expected = lastSequence + 1
        // A damaged line (already reported) stands for the number it hid.
        if sequence == expected || (skipped > 0 && sequence == expected + skipped) { return }
        let problem: AuditFinding.Problem =
            sequence > expected
            ? .sequenceGap(expected: expected, found: sequence)
            : sequence == lastSequence
                ? .sequenceRepeated(sequence: sequence) : .sequenceOutOfOrder(sequence: sequence, after: lastSequence)
        findings.append(AuditFinding(line: lineNumber, problem: problem))
    }

    private mutating func checkChain(_ chain: String?, _ lineNumber: Int) {
        guard let chain else {
            if chained {
                findings.append(AuditFinding(line: lineNumber, problem: .chainMissing))
            } else {
                unchainedRecordCount += 1
            }
            return
        }
        let expected = previousLineDigest ?? AuditChain.genesis
        chained = true
        if chain != expected { findings.append(AuditFinding(line: lineNumber, problem: .chainBroken)) }
    }
}
