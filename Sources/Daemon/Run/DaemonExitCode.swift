/// How `utermd run` ends, as its exit status (sysexits(3) values where one fits), so that
/// systemd's `Restart=` and `RestartForceExitStatus=` can tell the cases apart.
package enum DaemonExitCode: Int32, Sendable, Error {
    /// SIGTERM/SIGINT: stowed and stopped in order.
    case stopped = 0
    /// Start-up failed (hardware, audit log) or the loop could not run.
    case failed = 1
    /// `POST /reboot`: stowed and stopped in order, to be started again (`EX_TEMPFAIL`;
    /// the unit file has `RestartForceExitStatus=75`).
    case restartRequested = 75
    /// The configuration or a file it names is unusable (`EX_CONFIG`).
    case configuration = 78
}
