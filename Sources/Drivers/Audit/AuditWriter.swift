import Audit
import Foundation
import Platform

/// Appends the records of an `AuditHandoff` to the `AuditLog`, each made durable (written
/// and fsync'ed) before the hand-off reports it so. Runs on its own thread (`start()`), or
/// is driven by hand (`writePending()`) in deterministic tests.
///
/// This is where safety invariant 4 is kept for `on` decisions: the interlock asserts
/// transmit-enable only after this writer published that the `on` record is durable.
///
/// A failed append (disk full, I/O error) is retried on the next pass with the same record,
/// so the log keeps its order; meanwhile the hand-off reports the writer failing, and the
/// interlock keeps transmit off.
///
/// Other threads append through `append(_:timeoutNanoseconds:)` (the daemon's policy
/// changes): the record goes into the same log, after every record the writer has already
/// taken from the hand-off, and the call returns once it is durable — so one crash-safe log
/// holds every decision in the order it was made, with one sequence of numbers.
package final class AuditWriter: @unchecked Sendable {
    // `@unchecked Sendable`: `log` and `pending` are used only under `writeLock`, so by one
    // thread at a time (the writer thread, a caller of `append` while no thread runs, or a
    // test calling `writePending()`); the other fields only under `stateLock`.
    private let log: AuditLog
    private let handoff: AuditHandoff
    private let writeLock = ConditionLock()
    private let stateLock = ConditionLock()
    private var pending: [DriverAuditRecord] = []
    private var running = false
    private var stopRequested = false
    private var finished = true
    private var failure: AuditError?
    private var written = 0
    // Records from other threads, waiting for the writer thread, and what became of them.
    private var submitted: [(ticket: UInt64, entry: AuditEntry)] = []
    private var outcomes: [UInt64: Result<AuditEntry, AuditError>] = [:]
    private var nextTicket: UInt64 = 0

    /// A writer appending `handoff`'s records to `log`. The log is the writer's from now on.
    package init(log: AuditLog, handoff: AuditHandoff) {
        self.log = log
        self.handoff = handoff
    }

    /// The last append failure, or nil when the last append succeeded.
    package var lastError: AuditError? { stateLock.withLock { failure } }

    /// Records appended so far.
    package var writtenRecordCount: Int { stateLock.withLock { written } }

    /// Appends every record queued now, in order; returns how many were appended. Stops at
    /// the first failure (the record stays first in line).
    @discardableResult
    package func writePending() -> Int {
        writeLock.withLock { drain(waitingNanoseconds: 0) }
    }

    /// Starts the writer thread (idempotent). It sleeps until records come (at most
    /// `idleWakeNanoseconds`, so a failed append is retried that often).
    package func start(idleWakeNanoseconds: UInt64 = 100_000_000) {
        let shouldStart = stateLock.withLock { () -> Bool in
            guard !running else { return false }
            running = true
            stopRequested = false
            finished = false
            return true
        }
        guard shouldStart else { return }
        let thread = Thread { [self] in
            while !stateLock.withLock({ stopRequested }) {
                let failing = writeLock.withLock { () -> Bool in
                    _ = drain(waitingNanoseconds: idleWakeNanoseconds)
                    return !pending.isEmpty
                }
                // A failing disk is retried every `idleWakeNanoseconds`, not in a tight loop.
                if failing {
                    stateLock.withLock {
                        if !stopRequested { stateLock.wait(timeoutNanoseconds: idleWakeNanoseconds) }
                    }
                }
            }
            writeLock.withLock { _ = drain(waitingNanoseconds: 0) }
            stateLock.withLock {
                finished = true
                running = false
            }
            stateLock.broadcast()
        }
        thread.name = "utermd-audit"
        thread.start()
    }

    /// Appends `entry` to the log from any thread and returns it (with its sequence number)
    /// once it is durable. It goes after every record the writer has taken from the hand-off
    /// so far; while the writer thread runs, that thread writes it, otherwise this call does.
    /// - Throws: the append's failure, or `.writerUnavailable` when the writer did not get to
    ///   it within `timeoutNanoseconds` (stuck on an earlier record that keeps failing): the
    ///   record is then withdrawn, never written later.
    @discardableResult
    package func append(_ entry: AuditEntry, timeoutNanoseconds: UInt64 = 5_000_000_000) throws(AuditError) -> AuditEntry {
        let ticket = stateLock.withLock { () -> UInt64? in
            guard running, !stopRequested else { return nil }
            nextTicket += 1
            submitted.append((nextTicket, entry))
            return nextTicket
        }
        guard let ticket else {
            // No writer thread: write here, under the writer's lock, after what it holds.
            let result = writeLock.withLock { () -> Result<AuditEntry, AuditError> in
                drain(waitingNanoseconds: 0)
                if !pending.isEmpty {
                    return .failure(
                        stateLock.withLock { failure }
                            ?? .writerUnavailable(path: log.path, reason: "an earlier record is not written yet"))
                }
                return appendNow(entry)
            }
            return try result.get()
        }
        handoff.wakeWriter()
        let deadline = MonotonicTime.unsignedNanoseconds() + timeoutNanoseconds
        let result = stateLock.withLock { () -> Result<AuditEntry, AuditError> in
            while true {
                if let outcome = outcomes.removeValue(forKey: ticket) { return outcome }
                let now = MonotonicTime.unsignedNanoseconds()
                if now >= deadline, let index = submitted.firstIndex(where: { $0.ticket == ticket }) {
                    submitted.remove(at: index)
                    return .failure(
                        .writerUnavailable(
                            path: log.path,
                            reason: "the writer did not write it within \(timeoutNanoseconds / 1_000_000) ms"))
                }
                // Past the deadline but taken by the writer: its append ends soon, either way.
                handoff.wakeWriter()
                stateLock.wait(timeoutNanoseconds: now >= deadline ? 10_000_000 : min(deadline - now, 10_000_000))
            }
        }
        return try result.get()
    }

    /// Writes what is queued, stops the thread and waits for it (at most `timeoutNanoseconds`);
    /// returns whether it ended in time.
    @discardableResult
    package func stop(timeoutNanoseconds: UInt64 = 5_000_000_000) -> Bool {
        stateLock.withLock { stopRequested = true }
        stateLock.broadcast()
        handoff.wakeWriter()
        let deadline = MonotonicTime.unsignedNanoseconds() + timeoutNanoseconds
        return stateLock.withLock { () -> Bool in
            while !finished {
                let now = MonotonicTime.unsignedNanoseconds()
                guard now < deadline else { return false }
                handoff.wakeWriter()
                stateLock.wait(timeoutNanoseconds: min(deadline - now, 10_000_000))
            }
            return true
        }
    }

    /// With `writeLock` held: takes the queued records and appends them in order, then the
    /// records other threads submitted (once the hand-off's are all written).
    @discardableResult
    private func drain(waitingNanoseconds: UInt64) -> Int {
        let idle = pending.isEmpty && stateLock.withLock { submitted.isEmpty }
        handoff.takeQueued(into: &pending, timeoutNanoseconds: idle ? waitingNanoseconds : 0)
        var appended = appendPending()
        guard pending.isEmpty else { return appended }
        let taken = stateLock.withLock { () -> [(ticket: UInt64, entry: AuditEntry)] in
            defer { submitted.removeAll() }
            return submitted
        }
        for (ticket, entry) in taken {
            let outcome = appendNow(entry)
            if case .success = outcome { appended += 1 }
            stateLock.withLock { outcomes[ticket] = outcome }
        }
        if !taken.isEmpty { stateLock.broadcast() }
        return appended
    }

    /// With `writeLock` held: one record from another thread, now.
    private func appendNow(_ entry: AuditEntry) -> Result<AuditEntry, AuditError> {
        do throws(AuditError) {
            let written = try log.append(entry)
            stateLock.withLock { self.written += 1 }
            return .success(written)
        } catch {
            return .failure(error)
        }
    }

    /// With `writeLock` held: appends the hand-off's records taken so far, in order.
    private func appendPending() -> Int {
        var appended = 0
        while let record = pending.first {
            do {
                try log.append(record.auditEntry)
            } catch {
                stateLock.withLock { failure = error }
                handoff.markFailing()
                return appended
            }
            pending.removeFirst()
            appended += 1
            handoff.markDurable(record)
            stateLock.withLock {
                failure = nil
                written += 1
            }
        }
        return appended
    }
}
