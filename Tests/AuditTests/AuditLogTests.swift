import Foundation
import Platform
import SystemPackage
import Testing

@testable import Audit

@Suite struct AuditLogTests {
    static func temporaryLog() -> String {
        NSTemporaryDirectory() + "utermd-audit-\(UUID().uuidString).log"
    }

    static func entry(_ event: String) -> AuditEntry {
        AuditEntry(kind: .transmit, event: event, reason: "test", monotonicNanoseconds: 42, details: ["zone": "none"])
    }

    @Test func crcMatchesTheCatalogueCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func appendedRecordsReadBackInOrderWithSequenceNumbers() throws {
        let path = Self.temporaryLog()
        let log = try AuditLog(path: path)
        let first = try log.append(Self.entry("on"))
        let second = try log.append(Self.entry("off"))
        #expect((first.sequence, second.sequence) == (1, 2))
        let scan = try AuditLog.read(path: path)
        #expect(scan.entries.map(\.event) == ["on", "off"])
        #expect(scan.entries.map(\.sequence) == [1, 2])
        #expect(scan.tornBytes == 0)
        #expect(scan.entries.first?.details == ["zone": "none"])
    }

    @Test func sequenceContinuesAfterReopening() throws {
        let path = Self.temporaryLog()
        try AuditLog(path: path).append(Self.entry("on"))
        let reopened = try AuditLog(path: path)
        #expect(reopened.nextSequence == 2)
        #expect(try reopened.append(Self.entry("off")).sequence == 2)
    }

    @Test(arguments: [
        Array("0000".utf8),  // a torn line prefix
        Array("deadbeef {\"kind\":\"transmit\"".utf8),  // half a record
        [UInt8](repeating: 0, count: 4096),  // zero-filled block after power loss
        Array("deadbeef {\"kind\"".utf8) + [UInt8](repeating: 0, count: 100),  // half a record, then zeros
    ])
    func tornTailIsCutAndAuditedAndNothingElse(_ tail: [UInt8]) throws {
        let path = Self.temporaryLog()
        do {
            let log = try AuditLog(path: path)
            try log.append(Self.entry("on"))
            try log.append(Self.entry("off"))
        }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(tail))
        try handle.close()
        let recovered = try AuditLog(path: path)
        #expect(recovered.recoveredTornBytes == tail.count)
        #expect(recovered.nextSequence == 4, "the cut itself is the next record")
        let scan = try AuditLog.read(path: path)
        #expect(scan.entries.map(\.event) == ["on", "off", "torn_tail_cut"])
        #expect(scan.entries.last?.details["bytes"] == "\(tail.count)")
        #expect(scan.tornBytes == 0)
        #expect(scan.findings.isEmpty)
    }

    @Test func damageBeforeTheEndIsCorruptionNotATornTail() throws {
        let path = Self.temporaryLog()
        do {
            let log = try AuditLog(path: path)
            for event in ["on", "off", "on"] { try log.append(Self.entry(event)) }
        }
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let secondLine = try #require(bytes.firstIndex(of: UInt8(ascii: "\n"))) + 1
        bytes[secondLine + 20] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(
            throws: AuditError.damaged(
                path: path,
                findings: [
                    AuditFinding(line: 2, problem: .invalidLine(.checksumMismatch)),
                    AuditFinding(line: 3, problem: .chainBroken),
                ])
        ) { try AuditLog(path: path) }
        // The file is left as it was for inspection, then moved aside on request.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == bytes.count)
        let moved = try AuditLog.quarantine(path: path)
        #expect(moved == path + ".corrupt-1")
        #expect(try AuditLog(path: path).nextSequence == 1)
    }

    @Test func unwritableLocationIsASystemErrorWithErrno() {
        do {
            _ = try AuditLog(path: "/nonexistent-dir/audit.log")
            Issue.record("opened a log in a missing directory")
        } catch {
            guard case .system(let operation, _, let code) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(operation == "open")
            #expect(code == .noSuchFileOrDirectory)
            #expect(error.description.hasSuffix("No such file or directory (errno 2)"))
            #expect(error.description.contains("/nonexistent-dir/audit.log"))
        }
    }
}
