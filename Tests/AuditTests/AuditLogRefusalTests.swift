import Foundation
import TestSupport
import Testing

@testable import Audit

/// Opening a log never destroys what it does not understand (issue: a CRLF copy or a foreign
/// file named as `audit_log` was truncated to nothing and numbering restarted at #1).
@Suite struct AuditLogRefusalTests {
    static func logWithRecords(_ count: Int) throws -> String {
        let path = AuditLogTests.temporaryLog()
        let log = try AuditLog(path: path)
        for index in 0..<count { try log.append(AuditLogTests.entry(index.isMultiple(of: 2) ? "on" : "off")) }
        return path
    }

    static func bytes(_ path: String) throws -> [UInt8] { try Array(Data(contentsOf: URL(fileURLWithPath: path))) }

    static func write(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    /// Opening must throw and leave the file byte for byte as it was.
    static func expectRefusedUntouched(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> AuditError? {
        let before = try bytes(path)
        var thrown: AuditError?
        do {
            _ = try AuditLog(path: path)
            Issue.record("opened \(path)", sourceLocation: sourceLocation)
        } catch {
            thrown = error
        }
        #expect(try bytes(path) == before, "the file must be left untouched", sourceLocation: sourceLocation)
        return thrown
    }

    @Test func aCRLFConvertedLogIsRefusedUntouchedAndNamedAsSuch() throws {
        let path = try Self.logWithRecords(3)
        let original = try Self.bytes(path)
        var converted: [UInt8] = []
        for byte in original {
            if byte == UInt8(ascii: "\n") { converted.append(UInt8(ascii: "\r")) }
            converted.append(byte)
        }
        try Self.write(converted, path)
        let error = try #require(try Self.expectRefusedUntouched(path))
        #expect("\(error)".contains("CR LF"), "\(error)")
        guard case .notAuditLog = error else { throw TestFailure("expected notAuditLog, got \(error)") }
        // Converted back, it is the log it was, and numbering goes on.
        try Self.write(original, path)
        #expect(try AuditLog(path: path).nextSequence == 4)
    }

    @Test func aForeignReadOnlyFileIsRefusedUntouched() throws {
        let path = AuditLogTests.temporaryLog()
        let tle = """
            STARLINK-1007
            1 44713U 19074A   26234.50000000  .00001000  00000-0  70000-4 0  9991
            2 44713  53.0540 100.0000 0001400  90.0000 270.0000 15.06400000 12345

            """
        try tle.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o444)
        let error = try #require(try Self.expectRefusedUntouched(path))
        guard case .notAuditLog(_, let reason) = error else { throw TestFailure("expected notAuditLog, got \(error)") }
        #expect(reason.contains("line 1"), "\(reason)")
    }

    @Test func aFileWithoutNewlineThatIsNoRecordIsNotATornTail() throws {
        let path = AuditLogTests.temporaryLog()
        try Self.write(Array("PK\u{3}\u{4} a zip file, no newline".utf8), path)
        _ = try Self.expectRefusedUntouched(path)
    }

    @Test func aCompleteLastLineWithAWrongCRCIsDamageNotATornTail() throws {
        let path = try Self.logWithRecords(2)
        try Self.write(try Self.bytes(path) + Array("00000000 {}\n".utf8), path)
        let error = try #require(try Self.expectRefusedUntouched(path))
        #expect(error == .damaged(path: path, findings: [AuditFinding(line: 3, problem: .invalidLine(.checksumMismatch))]))
    }

    @Test func devicesAndDirectoriesAreRefused() throws {
        #expect(throws: AuditError.notAuditLog(path: "/dev/zero", reason: "not a regular file (a device, FIFO or socket)")) {
            try AuditLog(path: "/dev/zero")
        }
        #expect(throws: AuditError.self) { try AuditLog(path: NSTemporaryDirectory()) }
        #expect(throws: AuditError.self) { try AuditLog.checkUsable(path: NSTemporaryDirectory()) }
    }

    @Test func readingAnEndlessLineStopsAtTheLimitInBoundedMemory() throws {
        // A regular file of 1 MiB without a newline stands for /dev/zero (which `scan` refuses
        // as a device): reading stops at the line limit instead of growing without bound.
        let path = AuditLogTests.temporaryLog()
        try Self.write([UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20), path)
        #expect(throws: AuditError.lineTooLong(path: path, line: 1, limit: AuditLineFormat.maximumLineBytes)) {
            try AuditLog.read(path: path)
        }
        _ = try Self.expectRefusedUntouched(path)
    }

    @Test func aSecondWriterIsRefusedWithTheHoldersProcessID() throws {
        let path = try Self.logWithRecords(1)
        let first = try AuditLog(path: path)
        do {
            _ = try AuditLog(path: path)
            Issue.record("a second writer opened the log")
        } catch {
            guard case .locked(_, let holder) = error else { throw TestFailure("expected locked, got \(error)") }
            #if os(Linux)
            #expect(holder == getpid(), "the holder named from /proc/locks")
            #endif
            #expect("\(error)".contains("in use by another utermd"))
        }
        #expect(throws: AuditError.self) { try AuditLog.checkUsable(path: path) }
        try first.append(AuditLogTests.entry("off"))
        #expect(try AuditLog.read(path: path).entries.map(\.sequence) == [1, 2], "the first writer goes on alone")
    }

    @Test func checkUsableAcceptsAMissingFileAnIntactLogAndATornTail() throws {
        try AuditLog.checkUsable(path: AuditLogTests.temporaryLog())
        let path = try Self.logWithRecords(2)
        try AuditLog.checkUsable(path: path)
        try Self.write(try Self.bytes(path) + Array("0123".utf8), path)
        try AuditLog.checkUsable(path: path)
        #expect(try Self.bytes(path).count == (try AuditLog.read(path: path).validLength + 4), "checking changes nothing")
    }
}

