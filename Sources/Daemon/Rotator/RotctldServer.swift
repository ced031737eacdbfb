import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle

/// A TCP endpoint speaking Hamlib's rotctld protocol (``RotctldProtocol``), so that
/// `rotctl -m 2 -r HOST:4533`, gpredict and SatNOGS can watch where the beam points.
///
/// On swift-nio: every client is a channel on the shared event loops, so idle clients holding
/// sockets cost a few kilobytes each and never delay another client (gpredict keeps its
/// connection open and polls `p` and `P az el`). At most `maximumClients` at once (more are
/// closed at once); a client silent for `idleTimeout` is disconnected; a line longer than
/// 256 bytes is refused with `RPRT -1` and the connection closed.
///
/// Binds in `init` (so a taken port fails start-up at once); a `Service`: `run()` serves until
/// the service group shuts down, then closes the listener and every client.
package final class RotctldServer: Service, Sendable {
    /// Hamlib's rotctld default port.
    package static let defaultPort: UInt16 = 4533
    /// Longest accepted command line.
    static let maximumLineBytes = 256

    /// The address bound (with the kernel's port when 0 was asked for).
    package let address: ListenAddress
    private let listener: any Channel
    private let clients: RotctldClients

    /// Binds and starts accepting.
    package init(
        address requested: ListenAddress, provider: RotatorProvider, maximumClients: Int = 256,
        idleTimeout: Duration = .seconds(300)
    ) throws {
        let protocolHandler = RotctldProtocol(provider: provider)
        let clients = RotctldClients(limit: maximumClients)
        let idle = TimeAmount(idleTimeout)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 64)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    guard clients.enter(channel) else {
                        channel.close(promise: nil)
                        return
                    }
                    try channel.pipeline.syncOperations.addHandlers([
                        IdleStateHandler(readTimeout: idle),
                        ByteToMessageHandler(RotctldLineDecoder(maximumLineBytes: Self.maximumLineBytes)),
                        RotctldConnectionHandler(protocolHandler: protocolHandler, clients: clients),
                    ])
                }
            }
        listener = try bootstrap.bind(host: requested.host, port: Int(requested.port)).wait()
        clients.listener = listener
        self.clients = clients
        address = requested.with(port: listener.localAddress?.port.map { UInt16(clamping: $0) } ?? requested.port)
    }

    /// Serves until a graceful shutdown (or cancellation), then stops.
    package func run() async throws {
        try? await gracefulShutdown()
        await clients.closeAll()
    }

    /// Closes the listener and every client, and waits for the listener to close.
    package func stop() {
        clients.closeAllNow()
        try? listener.closeFuture.wait()
    }

    /// Clients connected now.
    package var clientCount: Int { clients.count }
}

/// The connected clients: counted against the limit, closed together at the end.
final class RotctldClients: Sendable {
    private let limit: Int
    private let state = NIOLockedValueBox<(channels: [ObjectIdentifier: any Channel], listener: (any Channel)?)>(([:], nil))

    init(limit: Int) { self.limit = limit }

    var listener: (any Channel)? {
        get { state.withLockedValue { $0.listener } }
        set { state.withLockedValue { $0.listener = newValue } }
    }

    var count: Int { state.withLockedValue { $0.channels.count } }

    /// Admits `channel` if there is room; it leaves when it closes.
    func enter(_ channel: any Channel) -> Bool {
        let admitted = state.withLockedValue { state in
            guard state.channels.count < limit else { return false }
            state.channels[ObjectIdentifier(channel)] = channel
            return true
        }
        if admitted {
            channel.closeFuture.whenComplete { [self] _ in
                state.withLockedValue { _ = $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
            }
        }
        return admitted
    }

    /// Closes the listener and every client (waiting for each to close).
    func closeAll() async {
        let (listener, channels) = state.withLockedValue { ($0.listener, Array($0.channels.values)) }
        try? await listener?.close()
        for channel in channels { try? await channel.close() }
    }

    /// Closes the listener and every client without waiting.
    func closeAllNow() {
        let (listener, channels) = state.withLockedValue { ($0.listener, Array($0.channels.values)) }
        listener?.close(promise: nil)
        for channel in channels { channel.close(promise: nil) }
    }
}

extension TimeAmount {
    /// The same span as a `Duration` (nanosecond resolution).
    init(_ duration: Duration) {
        let parts = duration.components
        self = .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}
