import Foundation
import Hummingbird
import Logging
import NIOCore
import Platform
import ServiceLifecycle
import Synchronization

/// The status API's HTTP server: Hummingbird 2 on swift-nio, one event loop per core, every
/// connection served concurrently, so a silent or slow client (an idle socket, a slow-loris
/// trickling its headers) holds nothing but its own connection and never delays `/status`.
///
/// It adapts Hummingbird's requests to ``HTTPRequest`` and ``HTTPResponse`` (the status API's
/// own routing, token rules and errors are unchanged), answers every request with
/// `Connection: close` as the API always has (clients that read to the end of the stream keep
/// working), refuses bodies over ``Limits/maximumBodyBytes`` with 413, and closes a connection
/// that has not sent a whole request head within ``Limits/idleTimeout``.
///
/// A `Service` (swift-service-lifecycle): `run()` binds and serves until the service group
/// shuts down gracefully (or the task is cancelled); ``waitUntilBound(timeoutSeconds:)``
/// tells the starting thread the address bound, or why binding failed.
package final class StatusHTTPServer: Service, Sendable {
    /// Limits and deadlines.
    package struct Limits: Sendable, Hashable {
        /// Largest request body (a signed policy bundle must fit).
        package var maximumBodyBytes: Int
        /// A connection that has not sent a whole request head for this long is closed.
        package var idleTimeout: Duration

        /// 8 MiB of body, 10 s of idleness.
        package init(maximumBodyBytes: Int = 8 << 20, idleTimeout: Duration = .seconds(10)) {
            self.maximumBodyBytes = maximumBodyBytes
            self.idleTimeout = idleTimeout
        }
    }

    /// The address asked for (port 0: the kernel chooses; see ``boundAddress``).
    package let requestedAddress: ListenAddress
    private let application: Application<StatusResponder>
    private let binding = BindingState()

    /// A server for `address` answering through `handler`; nothing is bound until `run()`.
    package init(
        address: ListenAddress, limits: Limits = Limits(), logger: Logger = Logger(label: "utermd.http"),
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) {
        requestedAddress = address
        let binding = binding
        let responder = StatusResponder(handler: handler, maximumBodyBytes: limits.maximumBodyBytes)
        let idle = TimeAmount(limits.idleTimeout)
        application = Application(
            responder: responder,
            server: .http1(configuration: .init(additionalChannelHandlers: [CloseAfterResponse()], idleTimeout: idle)),
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: Int(address.port))),
            onServerRunning: { channel in
                let port = channel.localAddress?.port.map { UInt16(clamping: $0) } ?? address.port
                binding.succeed(address.with(port: port))
            },
            logger: logger)
    }

    /// Binds and serves until a graceful shutdown or cancellation; throws when it cannot bind.
    package func run() async throws {
        do {
            try await application.run()
            binding.fail("stopped before it was bound")
        } catch {
            binding.fail("\(error)")
            throw error
        }
    }

    /// The address bound (with the kernel's port when 0 was asked for), once bound.
    package var boundAddress: ListenAddress? { binding.address }

    /// Waits (blocking, from a thread outside the concurrency pool) until the server is bound
    /// or has failed to bind.
    package func waitUntilBound(timeoutSeconds: Double) -> Result<ListenAddress, StatusHTTPServerError> {
        binding.wait(timeoutSeconds: timeoutSeconds)
    }
}

/// Why the status API did not start.
package struct StatusHTTPServerError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    package let description: String
}

/// Whether the server is bound yet: set once by the server, waited for by the starting thread.
private final class BindingState: Sendable {
    private let outcome = Mutex<Result<ListenAddress, StatusHTTPServerError>?>(nil)
    private let settled = Latch()

    var address: ListenAddress? {
        outcome.withLock { if case .success(let address) = $0 { address } else { nil } }
    }

    func succeed(_ address: ListenAddress) { settle(.success(address)) }

    func fail(_ message: String) { settle(.failure(StatusHTTPServerError(description: message))) }

    private func settle(_ result: Result<ListenAddress, StatusHTTPServerError>) {
        outcome.withLock { if $0 == nil { $0 = result } }
        settled.open()
    }

    func wait(timeoutSeconds: Double) -> Result<ListenAddress, StatusHTTPServerError> {
        guard settled.wait(seconds: timeoutSeconds) else {
            return .failure(StatusHTTPServerError(description: "not bound within \(timeoutSeconds) s"))
        }
        return outcome.withLock { $0 } ?? .failure(StatusHTTPServerError(description: "not bound"))
    }
}
