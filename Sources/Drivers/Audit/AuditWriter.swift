import Audit
import Foundation

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
public final class AuditWriter: @unchecked Sendable {
    // `@unchecked Sendable`: `log` and `pending` are used only under `writeLock`, so by one
    // thread at a time (the writer thread, or a test calling `writePending()`).
    private let log: AuditLog
    private let handoff: AuditHandoff
    private let writeLock = DriverLock()
    private let stateLock = DriverLock()
    private var pending: [DriverAuditRecord] = []
    private var running = false
    private var stopRequested = false
    private var finished = true
    private var failure: AuditError?
    private var written = 0

    /// A writer appending `handoff`'s records to `log`. The log is the writer's from now on.
    public init(log: AuditLog, handoff: AuditHandoff) {
        self.log = log
        self.handoff = handoff
    }

    /// The last append failure, or nil when the last append succeeded.
    public var lastError: AuditError? { stateLock.withLock { failure } }

    /// Records appended so far.
    public var writtenRecordCount: Int { stateLock.withLock { written } }

    /// Appends every record queued now, in order; returns how many were appended. Stops at
    /// the first failure (the record stays first in line).
    @discardableResult
    public func writePending() -> Int {
        writeLock.withLock { drain(waitingNanoseconds: 0) }
    }

    /// Starts the writer thread (idempotent). It sleeps until records come (at most
    /// `idleWakeNanoseconds`, so a failed append is retried that often).
    public func start(idleWakeNanoseconds: UInt64 = 100_000_000) {
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
                writeLock.withLock { _ = drain(waitingNanoseconds: idleWakeNanoseconds) }
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

    /// Writes what is queued, stops the thread and waits for it (at most `timeoutNanoseconds`);
    /// returns whether it ended in time.
    @discardableResult
    public func stop(timeoutNanoseconds: UInt64 = 5_000_000_000) -> Bool {
        stateLock.withLock { stopRequested = true }
        handoff.wakeWriter()
        let deadline = DriverMonotonicClock.nowNanoseconds() + timeoutNanoseconds
        return stateLock.withLock { () -> Bool in
            while !finished {
                let now = DriverMonotonicClock.nowNanoseconds()
                guard now < deadline else { return false }
                handoff.wakeWriter()
                stateLock.wait(timeoutNanoseconds: min(deadline - now, 10_000_000))
            }
            return true
        }
    }

    /// With `writeLock` held: takes the queued records and appends them in order.
    private func drain(waitingNanoseconds: UInt64) -> Int {
        handoff.takeQueued(into: &pending, timeoutNanoseconds: pending.isEmpty ? waitingNanoseconds : 0)
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
