import Foundation

/// A named thread for one of the daemon's slower services (scheduler, GNSS), with a stop
/// request it can wait on: the body loops on `stop.wait(seconds:)` and returns once it says
/// stop; `stop()` raises the request and waits for the body to return.
final class ServiceThread: Sendable {
    /// The stop request, as the body sees it.
    final class StopRequest: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)

        /// Waits at most `seconds`; true when a stop was requested (then it stays requested).
        func wait(seconds: Double) -> Bool {
            guard semaphore.wait(timeout: .now() + max(0, seconds)) == .success else { return false }
            semaphore.signal()
            return true
        }

        /// Whether a stop was requested, without waiting.
        var isRequested: Bool { wait(seconds: 0) }

        fileprivate func raise() { semaphore.signal() }
    }

    private let request = StopRequest()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `body` on a thread named `name`.
    init(name: String, body: @escaping @Sendable (StopRequest) -> Void) {
        let request = request
        let finished = finished
        let thread = Thread {
            body(request)
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Asks the body to stop and waits for it (idempotent).
    func stop() {
        if !request.isRequested { request.raise() }
        finished.wait()
        finished.signal()
    }
}

/// Hands a value that is not `Sendable` to exactly one other thread, which from then on is its
/// only user (the loop thread's core, a driver's thread). The sender must not touch it again
/// until that thread has ended and been joined.
struct ThreadTransfer<Value>: @unchecked Sendable {
    /// The value handed over.
    let value: Value
}
