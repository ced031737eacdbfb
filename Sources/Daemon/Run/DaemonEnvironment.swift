import Logging

/// What a daemon runs with besides its configuration and hardware: logging, metrics,
/// systemd, and its inbox of signals and requests.
package struct DaemonEnvironment {
    /// Logger for the daemon's own lines.
    package var logger: Logger
    /// The shared log level (changed on SIGHUP).
    package var logLevel: LogLevelControl
    /// The metrics registry `/metrics` renders.
    package var metrics: MetricsRegistry
    /// systemd notifications.
    package var notifier: SystemdNotifier
    /// Signals and requests.
    package var events: DaemonEvents

    /// Builds an environment.
    package init(
        logger: Logger, logLevel: LogLevelControl, metrics: MetricsRegistry, notifier: SystemdNotifier,
        events: DaemonEvents
    ) {
        self.logger = logger
        self.logLevel = logLevel
        self.metrics = metrics
        self.notifier = notifier
        self.events = events
    }
}
