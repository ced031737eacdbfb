import ServiceLifecycle

/// The last service of the daemon's group, so the first to act when it stops: it waits for
/// the main thread's stop request (SIGTERM/SIGINT, `POST /reboot`, a failure) or for the
/// group's own graceful shutdown (a service failed), then turns transmit off — it asks the
/// tick to stow and waits (at most 2 s) until a snapshot says it has — and returns, which
/// shuts the rest of the group down in reverse order: the servers, the loop, the scheduler,
/// position, the beamformer driver, and the audit writer last.
struct TransmitOffService: Service, CustomStringConvertible {
    let description = "transmit-off"
    /// Raised by the main thread to stop the daemon.
    let stopRequest: OneShotEvent
    /// Stows and waits for the tick to confirm (blocking; run on a thread of its own).
    let transmitOff: @Sendable () -> Void

    func run() async throws {
        await withGracefulShutdownHandler {
            await stopRequest.wait()
        } onGracefulShutdown: {
            stopRequest.raise()
        }
        await BlockingWork.run("utermd-stow", transmitOff)
    }
}
