import Foundation
import NIOConcurrencyHelpers

/// Something that happens once (a stop request, READY): raised from any thread, awaited by
/// one task. `wait()` returns once it is raised, at once if it already was, or when the
/// waiting task is cancelled.
final class OneShotEvent: Sendable {
    private let stream: AsyncStream<Never>
    private let continuation: AsyncStream<Never>.Continuation
    private let raised = NIOLockedValueBox(false)

    init() { (stream, continuation) = AsyncStream<Never>.makeStream() }

    /// Raises the event (idempotent).
    func raise() {
        raised.withLockedValue { $0 = true }
        continuation.finish()
    }

    /// Whether it has been raised.
    var isRaised: Bool { raised.withLockedValue { $0 } }

    /// Waits until it is raised (or the task is cancelled). One waiting task at a time.
    func wait() async {
        for await _ in stream {}
    }
}

/// Runs blocking work (a thread join, a bounded wait for the tick to stow) on a thread of its
/// own, so that it never occupies one of the concurrency pool's few threads.
enum BlockingWork {
    static func run(_ name: String, _ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Foundation.Thread {
                work()
                continuation.resume()
            }
            thread.name = name
            thread.start()
        }
    }
}
