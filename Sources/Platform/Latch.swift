/// A gate that opens once and stays open: one thread says "done" (a service finished, a stop
/// was asked for, a server is listening), others wait for it, with or without a time limit on
/// the one monotonic clock. Built on `ConditionLock`; in place of a semaphore that every
/// waiter had to signal again to keep it raised.
package final class Latch: @unchecked Sendable {
    // @unchecked: `isOpenStorage` is only touched under `condition`.
    private let condition = ConditionLock()
    private var isOpenStorage = false

    /// A closed latch.
    package init() {}

    /// Opens the latch and wakes every waiter (idempotent).
    package func open() {
        condition.withLock { isOpenStorage = true }
        condition.broadcast()
    }

    /// Whether it is open, without waiting.
    package var isOpen: Bool { condition.withLock { isOpenStorage } }

    /// Waits until it is open.
    package func wait() {
        condition.withLock {
            while !isOpenStorage { condition.wait() }
        }
    }

    /// Waits at most `seconds` (none when not positive); true when it is open.
    package func wait(seconds: Double) -> Bool {
        condition.withLock { condition.wait(seconds: seconds) { isOpenStorage } }
    }
}
