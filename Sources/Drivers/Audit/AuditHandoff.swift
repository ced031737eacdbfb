import Platform

/// The hand-off between the real-time tick (which decides) and the `AuditWriter` thread
/// (which makes each decision durable in the audit log).
///
/// Producer side (the tick thread only; the interlock and the fault monitor share it):
/// `submit(_:)`, `refresh()`, `isCaughtUp`, `durableTransmitOnDecision`, `isWriterFailing`.
/// None of them waits or allocates: they take the lock with `pthread_mutex_trylock` and,
/// when the writer holds it (for a copy of a few words, never across a write or an fsync),
/// keep records in a producer-private outbox and read the last values they saw, trying
/// again on the next call. A slow writer therefore delays only what waits for it (an `on`
/// decision), never the tick.
///
/// Consumer side (the writer): takes the queued records, and after each durable append
/// publishes how many records are durable and the highest durable `on` decision.
///
/// Capacity: `capacity` records queued plus `capacity` in the outbox. The interlock keeps at
/// most two transmit records outstanding (it asks for a new `on` only once the writer has
/// caught up), so the queue fills only if the writer is stuck; a record that finds both
/// full is counted in `droppedRecordCount` and `submit` returns false, which the interlock
/// treats as "audit log unavailable" (transmit stays off).
package final class AuditHandoff: @unchecked Sendable {
    // `@unchecked Sendable`: the shared fields are touched only under `lock`; the
    // producer-private fields only from the one producer thread (the contract above).
    private let lock = ConditionLock()
    private let capacity: Int

    // Shared, under `lock`.
    private var queue: [DriverAuditRecord?]
    private var queueHead = 0
    private var queueCount = 0
    private var sharedDurableCount: UInt64 = 0
    private var sharedDurableOnDecision: UInt64 = 0
    private var sharedWriterFailing = false

    // Producer-private.
    private var outbox: [DriverAuditRecord?]
    private var outboxHead = 0
    private var outboxCount = 0
    private var submittedCount: UInt64 = 0
    private var seenDurableCount: UInt64 = 0
    private var seenDurableOnDecision: UInt64 = 0
    private var seenWriterFailing = false
    /// Records lost because the queue and the outbox were both full.
    package private(set) var droppedRecordCount = 0

    /// A hand-off holding at most `capacity` records queued (and as many in the outbox).
    package init(capacity: Int = 64) {
        self.capacity = max(4, capacity)
        queue = Array(repeating: nil, count: self.capacity)
        outbox = Array(repeating: nil, count: self.capacity)
    }

    // MARK: Producer (the tick)

    /// Hands `record` to the writer, in order after every earlier one. Never waits; returns
    /// false (and counts a drop) only when the writer is so far behind that nothing fits.
    @discardableResult
    package func submit(_ record: DriverAuditRecord) -> Bool {
        guard outboxCount < capacity else {
            droppedRecordCount += 1
            refresh()
            return false
        }
        outbox[(outboxHead + outboxCount) % capacity] = record
        outboxCount += 1
        submittedCount += 1
        refresh()
        return true
    }

    /// Moves the outbox to the writer's queue and reads what the writer published, if the
    /// lock is free now; otherwise does nothing (the tick tries again next time).
    package func refresh() {
        guard lock.tryLock() else { return }
        let moved = moveOutboxToQueue()
        seenDurableCount = sharedDurableCount
        seenDurableOnDecision = sharedDurableOnDecision
        seenWriterFailing = sharedWriterFailing
        lock.unlock()
        if moved { lock.signal() }
    }

    /// Moves every record still in the outbox to the writer's queue, waiting for the lock if
    /// need be: for the end of a run, once the tick has stopped and the caller has become the
    /// producer (a record left in the outbox by a try-lock that missed would otherwise never
    /// reach the log). Records that find the queue full stay in the outbox.
    package func flushOutbox() {
        lock.withLock { _ = moveOutboxToQueue() }
        lock.signal()
    }

    /// With `lock` held: moves what fits of the outbox to the queue; whether anything moved.
    private func moveOutboxToQueue() -> Bool {
        var moved = false
        while outboxCount > 0, queueCount < capacity {
            queue[(queueHead + queueCount) % capacity] = outbox[outboxHead]
            outbox[outboxHead] = nil
            outboxHead = (outboxHead + 1) % capacity
            outboxCount -= 1
            queueCount += 1
            moved = true
        }
        return moved
    }

    /// Whether every record submitted so far is durable (as of the last `refresh`).
    package var isCaughtUp: Bool { seenDurableCount == submittedCount }

    /// The highest `transmitOn` decision durable in the log (as of the last `refresh`).
    package var durableTransmitOnDecision: UInt64 { seenDurableOnDecision }

    /// Whether the writer's last append failed (as of the last `refresh`).
    package var isWriterFailing: Bool { seenWriterFailing }

    /// Records submitted and not yet durable (as of the last `refresh`).
    package var outstandingRecordCount: UInt64 { submittedCount - seenDurableCount }

    // MARK: Consumer (the writer)

    /// Moves every queued record into `records` (appending); when none is queued, waits up
    /// to `timeoutNanoseconds` for one first (0: no wait).
    func takeQueued(into records: inout [DriverAuditRecord], timeoutNanoseconds: UInt64) {
        lock.withLock {
            if queueCount == 0, timeoutNanoseconds > 0 { lock.wait(timeoutNanoseconds: timeoutNanoseconds) }
            while queueCount > 0 {
                if let record = queue[queueHead] { records.append(record) }
                queue[queueHead] = nil
                queueHead = (queueHead + 1) % capacity
                queueCount -= 1
            }
        }
    }

    /// Publishes that `record` is durable.
    func markDurable(_ record: DriverAuditRecord) {
        lock.withLock {
            sharedDurableCount += 1
            sharedWriterFailing = false
            if case .transmitOn(let decision) = record.event { sharedDurableOnDecision = max(sharedDurableOnDecision, decision) }
        }
    }

    /// Publishes that an append failed.
    func markFailing() {
        lock.withLock { sharedWriterFailing = true }
    }

    /// Wakes a writer waiting in `takeQueued` (to stop it).
    func wakeWriter() { lock.broadcast() }
}
