import Audit
import Foundation
import Testing

/// Safety invariant 4: the audit log survives a kill -9 at any point. A child process
/// appends records and reports each one once it is durable; it is killed with SIGKILL at
/// random moments; after each kill, recovery must keep every reported record.
@Suite struct AuditCrashTests {
    @Test func everyReportedRecordSurvivesSIGKILL() throws {
        let path = NSTemporaryDirectory() + "utermd-crash-\(UUID().uuidString).log"
        var generator = SystemRandomNumberGenerator()
        var reportedTotal: UInt64 = 0
        var tornRecoveries = 0
        for _ in 0..<100 {
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["audit", "stress", "--file", path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            // Kill while it writes: after its first durable record (process start-up alone can
            // take longer than the delay on a loaded machine), at a random moment.
            let first = output.fileHandleForReading.availableData
            usleep(UInt32.random(in: 2_000...25_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let text = String(decoding: first + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let reported = text.split(separator: "\n").compactMap { line -> UInt64? in
                guard line.hasPrefix("written ") else { return nil }
                return UInt64(line.dropFirst(8))
            }.max() ?? reportedTotal
            // Recovery: open, which drops a torn tail; every reported record must still be there,
            // numbered without a gap.
            // Released at the end of this scope: the next writer must get the lock.
            do {
                let log = try AuditLog(path: path)
                if log.recoveredTornBytes > 0 { tornRecoveries += 1 }
            }
            let scan = try AuditLog.read(path: path)
            #expect(scan.tornBytes == 0)
            #expect(scan.entries.count >= Int(reported), "reported \(reported), kept \(scan.entries.count)")
            #expect(scan.entries.map(\.sequence) == (0..<scan.entries.count).map { UInt64($0 + 1) })
            reportedTotal = max(reported, UInt64(scan.entries.count))
        }
        print("audit crash test: 100 SIGKILLs, \(reportedTotal) records kept, \(tornRecoveries) torn tails recovered")
        #expect(reportedTotal > 0)
    }
}
