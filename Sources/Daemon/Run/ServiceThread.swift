import Foundation
import Platform

/// A named thread for one of the daemon's slower services (scheduler, GNSS), with a stop
/// request it can wait on: the body loops on `stop.wait(seconds:)` and returns once it says
/// stop; `stop()` raises the request and waits for the body to return.
final class ServiceThread: Sendable {
    /// The stop request, as the body sees it.
    final class StopRequest: Sendable {
        private let latch = Latch()

        /// Waits at most `seconds`; true when a stop was requested (then it stays requested).
        func wait(seconds: Double) -> Bool { latch.wait(seconds: seconds) }

        /// Whether a stop was requested, without waiting.
        var isRequested: Bool { latch.isOpen }

        fileprivate func raise() { latch.open() }
    }

    private let request = StopRequest()
    private let finished = Latch()

    /// Starts `body` on a thread named `name`.
    init(name: String, body: @escaping @Sendable (StopRequest) -> Void) {
        let request = request
        let finished = finished
        let thread = Thread {
            body(request)
            finished.open()
        }
        thread.name = name
        thread.start()
    }

    /// Asks the body to stop and waits for it (idempotent).
    func stop() {
        request.raise()
        finished.wait()
    }
}

/// Hands a value that is not `Sendable` to exactly one other thread, which from then on is its
/// only user (the loop thread's core, a driver's thread). The sender must not touch it again
/// until that thread has ended and been joined.
struct ThreadTransfer<Value>: @unchecked Sendable {
    /// The value handed over.
    let value: Value
}
