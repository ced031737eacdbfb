import Foundation
import Logging
import Platform
import ServiceLifecycle

/// The daemon's services on swift-service-lifecycle. `DaemonRunner.start()` adds them in
/// start order — the audit writer, the beamformer driver, position, the scheduler, the loop,
/// the status API, rotctld, the watchdog (and, with part A, the gRPC server: see
/// `DaemonRunner.makeNetworkServices`) — and launches the group; ``TransmitOffService`` is
/// always last, so on a stop it acts first. The group then stops every service in reverse
/// order, each after the one behind it has finished: transmit off first, the audit writer
/// last. A service that fails (a server that cannot bind) shuts the group down the same way
/// and is reported through `onFailure`.
///
/// Signals do not go to the group: the main thread's ``DaemonEvents`` takes SIGTERM, SIGINT
/// and SIGHUP (to keep the daemon's exit codes, log lines and reload) and calls
/// ``stopAndWait()``.
final class DaemonServiceGroup: @unchecked Sendable {
    // @unchecked: `services` and `launched` are only touched by the main thread; `finished`
    // and the events are thread-safe.
    private var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
    private var launched = false
    private let finished = Latch()
    /// Raised by ``stopAndWait()``; ends the group through ``TransmitOffService``.
    let stopRequest = OneShotEvent()

    /// Adds a service after those added so far (so it stops before them). `mayEnd`: the
    /// service may return on its own without stopping the daemon (a watchdog with nothing to do).
    func add(_ service: any Service, name: String, mayEnd: Bool = false) {
        services.append(
            .init(
                service: service, successTerminationBehavior: mayEnd ? .ignore : .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup, serviceName: name))
    }

    /// Names of the services added, in start order.
    var names: [String] { services.map(\.serviceName) }

    /// Runs the group (once) on the concurrency pool, or on `executor` when given (tests whose
    /// own threads block the pool); `onFailure` is told why it failed, if it did.
    func launch(
        transmitOff: @escaping @Sendable () -> Void, logger: Logger, executor: (any TaskExecutor)? = nil,
        onFailure: @escaping @Sendable (String) -> Void
    ) {
        guard !launched else { return }
        launched = true
        let last = TransmitOffService(stopRequest: stopRequest, transmitOff: transmitOff)
        var configuration = ServiceGroupConfiguration(
            services: services + [
                .init(
                    service: last, successTerminationBehavior: .gracefullyShutdownGroup,
                    failureTerminationBehavior: .gracefullyShutdownGroup, serviceName: last.description)
            ],
            logger: logger)
        configuration.logging.keys.serviceKey = "service"
        let group = ServiceGroup(configuration: configuration)
        let finished = finished
        Task.detached(executorPreference: executor) {
            do {
                try await group.run()
            } catch {
                onFailure("\(error)")
            }
            finished.open()
        }
    }

    /// Whether ``launch(transmitOff:logger:onFailure:)`` ran.
    var isLaunched: Bool { launched }

    /// Asks the group to stop (transmit off first) and waits until every service has stopped.
    func stopAndWait() {
        stopRequest.raise()
        guard launched else { return }
        finished.wait()
    }
}
