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

#if os(Linux)
    import Glibc

    /// When the writer is stuck on a record it cannot write (here: the log's descriptor swapped
    /// for a read-only one, so every write fails), a record from another thread is withdrawn
    /// after the timeout and never written later; once the log works again the held record
    /// goes first and new records follow.
    @Suite struct AuditWriterStuckTests {
        /// The process's descriptor open on `path` (from /proc/self/fd).
        static func descriptor(of path: String) throws -> Int32 {
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let entries = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
            let matches = entries.compactMap { entry -> Int32? in
                guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + entry),
                    URL(fileURLWithPath: link).resolvingSymlinksInPath().path == target
                else { return nil }
                return Int32(entry)
            }
            guard matches.count == 1, let found = matches.first else { throw NotFound(path: path, matches: matches) }
            return found
        }

        struct NotFound: Error {
            let path: String
            let matches: [Int32]
        }

        @Test func aRecordTheWriterCannotGetToIsWithdrawnNotWrittenLate() throws {
            let bench = try TransmitBench()
            let logDescriptor = try Self.descriptor(of: bench.auditPath)
            let saved = dup(logDescriptor)
            let readOnly = open(bench.auditPath, O_RDONLY | O_CLOEXEC)
            #expect(saved >= 0 && readOnly >= 0)
            defer {
                close(saved)
                close(readOnly)
            }
            #expect(dup2(readOnly, logDescriptor) == logDescriptor)
            bench.writer.start(idleWakeNanoseconds: 2_000_000)
            defer { bench.writer.stop() }
            bench.tick(drain: false)  // the `on` decision: the writer keeps failing on it
            bench.handoff.refresh()
            let failing = Date(timeIntervalSinceNow: 5)
            while bench.writer.lastError == nil, Date() < failing { usleep(1_000) }
            #expect(bench.writer.lastError != nil, "the writer cannot write")

            do {
                try bench.writer.append(AuditWriterAppendTests.policyRecord(1), timeoutNanoseconds: 50_000_000)
                Issue.record("appended while the writer was stuck")
            } catch {
                guard case .writerUnavailable = error else { throw error }
            }

            #expect(dup2(saved, logDescriptor) == logDescriptor, "the log works again")
            let recovering = Date(timeIntervalSinceNow: 5)
            while !bench.handoff.isCaughtUp, Date() < recovering {
                usleep(1_000)
                bench.handoff.refresh()
            }
            #expect(bench.handoff.isCaughtUp)
            try bench.writer.append(AuditWriterAppendTests.policyRecord(2))
            #expect(bench.writer.stop())
            let entries = try bench.auditEntries()
            #expect(entries.map { "\($0.kind.rawValue)/\($0.event)" } == ["transmit/on", "policy/accepted"])
            #expect(entries.last?.details["version"] == "2", "the withdrawn record never appears")
            #expect(entries.map(\.sequence) == [1, 2])
        }
    }
#endif
