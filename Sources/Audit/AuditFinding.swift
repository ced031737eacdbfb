/// A problem found in an audit log, with the line it is on.
package struct AuditFinding: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    package enum Problem: Sendable, Hashable {
        /// The line is not a valid record.
        case invalidLine(AuditLineProblem)
        /// The first record is not number 1: records before it are missing (the head was cut).
        case headMissing(firstSequence: UInt64)
        /// Records `expected` up to `found - 1` are missing.
        case sequenceGap(expected: UInt64, found: UInt64)
        /// The record repeats number `sequence`, already seen.
        case sequenceRepeated(sequence: UInt64)
        /// The record's number is lower than one before it (lines reordered).
        case sequenceOutOfOrder(sequence: UInt64, after: UInt64)
        /// The record's chain does not match the line before it: that line was removed,
        /// inserted, altered or moved.
        case chainBroken
        /// The record carries no chain although records before it did.
        case chainMissing
        /// Records carry no chain at all (written before the chain existed): they cannot be
        /// proven unaltered. Reported by verification only.
        case unchained(count: Int)
        /// The bytes after the last complete line are not the start of a record.
        case tailNotARecord(bytes: Int)
        /// An incomplete last record (a crash while it was written).
        case tornTail(bytes: Int)
    }

    /// 1-based line number.
    package var line: Int
    /// The problem.
    package var problem: Problem

    package init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    /// `line 12: record #11 is missing (next is #12)`.
    package var description: String { "line \(line): \(explanation)" }

    /// What is wrong, in words (without the line).
    package var explanation: String {
        let text: String
        switch problem {
        case .invalidLine(let problem): text = "\(problem)"
        case .headMissing(let first):
            text = "the log starts at record #\(first): records #1 to #\(first - 1) are missing (the head was cut)"
        case .sequenceGap(let expected, let found):
            text =
                found == expected + 1
                ? "record #\(expected) is missing (next is #\(found))"
                : "records #\(expected) to #\(found - 1) are missing (next is #\(found))"
        case .sequenceRepeated(let sequence): text = "record #\(sequence) appears again (duplicated line)"
        case .sequenceOutOfOrder(let sequence, let after): text = "record #\(sequence) comes after #\(after) (lines reordered)"
        case .chainBroken:
            text = "the chain does not match the line before: a record before this one was removed, inserted, altered or moved"
        case .chainMissing: text = "the record carries no chain although the records before it do"
        case .unchained(let count):
            text = "\(count) records carry no chain (written before the chain existed): they cannot be proven unaltered"
        case .tailNotARecord(let bytes): text = "\(bytes) bytes after the last record are not an audit record"
        case .tornTail(let bytes): text = "\(bytes) bytes of an incomplete last record (torn by a crash)"
        }
        return text
    }
}
