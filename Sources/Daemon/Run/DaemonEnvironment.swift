import Logging

/// What a daemon runs with besides its configuration and hardware: logging, metrics,
/// systemd, and its inbox of signals and requests.
public struct DaemonEnvironment {
    /// Logger for the daemon's own lines.
    public var logger: Logger
    /// The shared log level (changed on SIGHUP).
    public var logLevel: LogLevelControl
    /// The metrics registry `/metrics` renders.
    public var metrics: MetricsRegistry
    /// systemd notifications.
    public var notifier: SystemdNotifier
    /// Signals and requests.
    public var events: DaemonEvents

    /// Builds an environment.
    public init(
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
