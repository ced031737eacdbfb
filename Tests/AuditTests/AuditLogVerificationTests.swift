import Foundation
import Testing

@testable import Audit

/// Gaps, repeats, reordering, a cut head and altered records are found, each with its line
/// (issue: deleting, duplicating or swapping a line gave `audit show` exit 0).
@Suite struct AuditLogVerificationTests {
    /// The log's lines (with their newlines), five records.
    static func lines() throws -> (path: String, lines: [[UInt8]]) {
        let path = try AuditLogRefusalTests.logWithRecords(5)
        let bytes = try AuditLogRefusalTests.bytes(path)
        var lines: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(Array(bytes[start...index]))
            start = index + 1
        }
        return (path, lines)
    }

    static func findings(_ lines: [[UInt8]], _ path: String) throws -> [AuditFinding] {
        try AuditLogRefusalTests.write(lines.flatMap { $0 }, path)
        let findings = try AuditLog.read(path: path).findings
        // Whatever is found, the writer refuses the file and leaves it as it is.
        if !findings.isEmpty { _ = try AuditLogRefusalTests.expectRefusedUntouched(path) }
        return findings
    }

    @Test func anIntactLogHasNoFindingAndEveryRecordIsChained() throws {
        let (path, _) = try Self.lines()
        let scan = try AuditLog.read(path: path)
        #expect(scan.findings.isEmpty)
        #expect(scan.check.unchainedRecordCount == 0)
        #expect(scan.entries.first?.chain == AuditChain.genesis)
        #expect(scan.check.recordCount == 5)
        #expect(scan.check.lastSequence == 5)
    }

    @Test func aDeletedLineIsAGapAndABrokenChain() throws {
        var (path, lines) = try Self.lines()
        lines.remove(at: 2)
        #expect(
            try Self.findings(lines, path) == [
                AuditFinding(line: 3, problem: .sequenceGap(expected: 3, found: 4)),
                AuditFinding(line: 3, problem: .chainBroken),
            ])
    }

    @Test func aDuplicatedLineIsARepeat() throws {
        var (path, lines) = try Self.lines()
        lines.insert(lines[1], at: 2)
        #expect(
            try Self.findings(lines, path) == [
                AuditFinding(line: 3, problem: .sequenceRepeated(sequence: 2)),
                // Line 4's link is to the bytes of record #2, which line 3 repeats exactly.
                AuditFinding(line: 3, problem: .chainBroken),
            ])
    }

    @Test func swappedLinesAreOutOfOrder() throws {
        var (path, lines) = try Self.lines()
        lines.swapAt(2, 3)
        let findings = try Self.findings(lines, path)
        #expect(findings.contains(AuditFinding(line: 3, problem: .sequenceGap(expected: 3, found: 4))))
        #expect(findings.contains(AuditFinding(line: 4, problem: .sequenceOutOfOrder(sequence: 3, after: 4))))
        #expect(findings.contains(AuditFinding(line: 3, problem: .chainBroken)))
    }

    @Test func aCutHeadIsReported() throws {
        var (path, lines) = try Self.lines()
        lines.removeFirst(2)
        let findings = try Self.findings(lines, path)
        #expect(findings.first == AuditFinding(line: 1, problem: .headMissing(firstSequence: 3)))
        #expect(findings.contains(AuditFinding(line: 1, problem: .chainBroken)))
    }

    @Test func aRecordAlteredWithItsCRCRecomputedBreaksTheChain() throws {
        var (path, lines) = try Self.lines()
        // A careful forger: changes the event and writes a matching CRC.
        var entry = try #require(AuditLineFormat.decode(ArraySlice(lines[1].dropLast())))
        entry.event = "forged"
        lines[1] = try AuditLineFormat.encode(entry)
        #expect(try Self.findings(lines, path) == [AuditFinding(line: 3, problem: .chainBroken)])
    }

    @Test func aLogWrittenBeforeTheChainOpensAndIsContinuedChained() throws {
        let path = AuditLogTests.temporaryLog()
        var legacy: [UInt8] = []
        for sequence in 1...3 {
            var entry = AuditLogTests.entry("on")
            entry.sequence = UInt64(sequence)
            legacy += try AuditLineFormat.encode(entry)
        }
        try AuditLogRefusalTests.write(legacy, path)
        let log = try AuditLog(path: path)
        #expect(log.nextSequence == 4)
        try log.append(AuditLogTests.entry("off"))
        var check = try AuditLog.read(path: path).check
        #expect(check.isClean, "a legacy prefix is no damage")
        #expect(check.unchainedRecordCount == 3)
        check.requireChain()
        #expect(check.findings == [AuditFinding(line: 1, problem: .unchained(count: 3))], "but cannot be verified")
    }

    @Test func findingsNameTheirLineInWords() {
        #expect(AuditFinding(line: 7, problem: .sequenceGap(expected: 5, found: 8)).description
            == "line 7: records #5 to #7 are missing (next is #8)")
        #expect(AuditFinding(line: 2, problem: .invalidLine(.carriageReturn)).description.contains("CR LF"))
    }
}
