import Audit
import Foundation
import Testing

@testable import Drivers

/// Records from other threads (the daemon's policy changes) go into the one audit log through
/// the writer: after the transmit records it already took, durable when `append` returns, with
/// one unbroken sequence of numbers.
@Suite struct AuditWriterAppendTests {
    static func policyRecord(_ version: Int) -> AuditEntry {
        AuditEntry(kind: .policy, event: "accepted", reason: "test policy v\(version)", details: ["version": "\(version)"])
    }

    @Test func withoutTheThreadTheCallerWritesAfterTheHandOff() throws {
        let bench = try TransmitBench()
        bench.tick(drain: false)  // the interlock's `on` decision, queued, not yet written
        let written = try bench.writer.append(Self.policyRecord(1))
        #expect(written.sequence == 2, "after the transmit record the hand-off held")
        #expect(try bench.auditEvents() == ["transmit/on", "policy/accepted"])
        bench.handoff.refresh()
        #expect(bench.handoff.isCaughtUp, "the hand-off's record is durable too")
        bench.switchOn()
        #expect(bench.interlock.isTransmitEnabled)
    }

    @Test func withTheThreadRecordsFromOtherThreadsAreWrittenInOrder() throws {
        let bench = try TransmitBench()
        bench.writer.start(idleWakeNanoseconds: 5_000_000)
        bench.tick(drain: false)
        bench.handoff.refresh()
        // Four threads, five records each.
        let writer = bench.writer
        let results = NSLock()
        nonisolated(unsafe) var perThread: [[UInt64]] = Array(repeating: [], count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            var sequences: [UInt64] = []
            for index in 0..<5 {
                if let entry = try? writer.append(Self.policyRecord(thread * 10 + index)) { sequences.append(entry.sequence) }
            }
            results.withLock { perThread[thread] = sequences }
        }
        for sequences in perThread {
            #expect(sequences.count == 5)
            #expect(sequences == sequences.sorted(), "each thread's records in its order")
        }
        #expect(Set(perThread.joined()).count == 20)
        #expect(bench.writer.stop())
        let entries = try bench.auditEntries()
        #expect(entries.map(\.sequence) == Array(1...21), "one log, one sequence")
        #expect(entries.first?.kind == .transmit, "the decision the writer held first")
        #expect(entries.filter { $0.kind == .policy }.count == 20)
        #expect(bench.writer.writtenRecordCount == 21)
    }

    @Test func afterTheThreadStopsTheCallerWritesAgain() throws {
        let bench = try TransmitBench()
        bench.writer.start()
        try bench.writer.append(Self.policyRecord(1))
        #expect(bench.writer.stop())
        try bench.writer.append(Self.policyRecord(2))
        #expect(try bench.auditEntries().map(\.sequence) == [1, 2])
    }
}
