import Foundation
import Platform

/// Sends `WATCHDOG=1` at half of systemd's watchdog interval (sd_watchdog_enabled(3)
/// recommends pinging at half), but only while `isHealthy()` says the daemon is alive:
/// the daemon passes "the loop has ticked since the last ping", so a hung loop stops the
/// pings and systemd restarts the service.
package final class WatchdogPinger: Sendable {
    private let stopSignal = Latch()
    private let finished = Latch()

    /// Starts pinging on a thread of its own; nil when the notifier has no watchdog interval.
    package init?(notifier: SystemdNotifier, isHealthy: @escaping @Sendable () -> Bool) {
        guard notifier.isEnabled, let interval = notifier.watchdogInterval else { return nil }
        let (seconds, attoseconds) = (interval / 2).components
        let period = Double(seconds) + Double(attoseconds) / 1e18
        let stopSignal = stopSignal
        let finished = finished
        let thread = Thread {
            defer { finished.open() }
            while !stopSignal.wait(seconds: period) {
                if isHealthy() { notifier.watchdog() }
            }
        }
        thread.name = "utermd-watchdog"
        thread.start()
    }

    /// Stops pinging and waits for the thread.
    package func stop() {
        stopSignal.open()
        finished.wait()
    }
}
