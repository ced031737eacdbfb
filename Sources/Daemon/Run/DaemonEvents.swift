import Foundation
import Platform

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the daemon's main thread reacts to.
package enum DaemonEvent: Sendable, Hashable {
    /// SIGTERM or SIGINT: stow and stop (exit 0).
    case terminate(signal: Int32)
    /// SIGHUP: reload the configuration's policy, log level and element sets.
    case reload
    /// `POST /reboot`: stow and stop, exit 75 for systemd to restart.
    case restart(reason: String?)
    /// A service failed in a way that needs the daemon to stop (exit 1).
    case failure(String)
}

/// The main thread's inbox: signals (through Dispatch signal sources, so no work happens in a
/// signal handler) and requests from the servers, waited for with a timeout so the main
/// thread can also do its once-a-second housekeeping.
package final class DaemonEvents: @unchecked Sendable {
    // @unchecked: `queue` is only touched under `condition`; the signal sources are created
    // once and only cancelled in `deinit`.
    private let condition = ConditionLock()
    private var queue: [DaemonEvent] = []
    private var sources: [DispatchSourceSignal] = []
    private let dispatchQueue = DispatchQueue(label: "utermd.signals")

    /// An empty inbox.
    package init() {}

    deinit { for source in sources { source.cancel() } }

    /// Routes SIGTERM, SIGINT (terminate) and SIGHUP (reload) here, ignoring their default
    /// actions, and ignores SIGPIPE (a client that goes away must not kill the daemon).
    package func installSignalHandlers() {
        signal(SIGPIPE, SIG_IGN)
        for (number, event) in [
            (SIGTERM, DaemonEvent.terminate(signal: SIGTERM)), (SIGINT, .terminate(signal: SIGINT)), (SIGHUP, .reload),
        ] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: dispatchQueue)
            source.setEventHandler { [weak self] in self?.post(event) }
            source.resume()
            sources.append(source)
        }
    }

    /// Queues an event (from any thread).
    package func post(_ event: DaemonEvent) {
        condition.lock()
        queue.append(event)
        condition.signal()
        condition.unlock()
    }

    /// The next event, waiting at most `seconds`; nil on timeout.
    package func next(waitingAtMost seconds: Double) -> DaemonEvent? {
        condition.lock()
        defer { condition.unlock() }
        guard condition.wait(seconds: seconds, until: { !queue.isEmpty }) else { return nil }
        return queue.removeFirst()
    }
}
