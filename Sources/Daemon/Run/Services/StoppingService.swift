import ServiceLifecycle

/// A part of the daemon that `DaemonRunner.start()` started, in order, on the main thread (the
/// audit writer, the beamformer driver, position, the scheduler), as a `Service`: it runs
/// until the service group shuts down (or is cancelled), then stops the part, waiting for it
/// on a thread of its own. The group stops its services in reverse order, so the part started
/// first (the audit writer) stops last.
struct StoppingService: Service, CustomStringConvertible {
    /// The name in the group's log lines.
    let description: String
    let stop: @Sendable () -> Void

    init(_ name: String, stop: @escaping @Sendable () -> Void) {
        description = name
        self.stop = stop
    }

    func run() async throws {
        try? await gracefulShutdown()
        await BlockingWork.run("utermd-stop", stop)
    }
}
