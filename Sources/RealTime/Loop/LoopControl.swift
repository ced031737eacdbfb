import Synchronization

/// The stop request of a loop, settable from any thread (a signal handler's watcher, the
/// service lifecycle, a test).
///
/// The loop checks it before sleeping and again on waking, so a loop stops at most one
/// period after the request, without running another tick once it has seen it. The flag
/// carries no data with it, so relaxed ordering suffices.
package final class LoopControl: Sendable {
    private let stopRequested = Atomic<Bool>(false)

    /// Creates a control with no stop requested.
    package init() {}

    /// Asks the loop to stop; it finishes the tick under way, runs no other, and returns.
    package func requestStop() {
        stopRequested.store(true, ordering: .relaxed)
    }

    /// Whether a stop was requested (and not cleared since).
    package var isStopRequested: Bool {
        stopRequested.load(ordering: .relaxed)
    }

    /// Clears a stop request, so the loop can be run again.
    package func clearStopRequest() {
        stopRequested.store(false, ordering: .relaxed)
    }
}
