import ServiceLifecycle

/// The ``WatchdogPinger`` as a service of the daemon's group: from READY=1 on it pings
/// `WATCHDOG=1` while `isHealthy()` says the loop ticks; the group stops it (before the
/// servers and the loop). Nothing when systemd set no watchdog.
struct WatchdogService: Service, CustomStringConvertible {
    let description = "watchdog"
    let notifier: SystemdNotifier
    let ready: OneShotEvent
    let isHealthy: @Sendable () -> Bool

    func run() async throws {
        guard notifier.isEnabled, notifier.watchdogInterval != nil else { return }
        let ready = ready
        await cancelWhenGracefulShutdown { await ready.wait() }
        guard ready.isRaised, let pinger = WatchdogPinger(notifier: notifier, isHealthy: isHealthy) else { return }
        try? await gracefulShutdown()
        await BlockingWork.run("utermd-stop", pinger.stop)
    }
}
