import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2

/// The dish's local gRPC API as one server: `SpaceX.API.Device.Device` and server reflection
/// (`grpc.reflection.v1` and `v1alpha`) over plaintext HTTP/2 on grpc-swift-2's NIO transport.
///
/// Shaped as a service: ``run()`` serves until ``stop()`` (or cancellation) and returns once
/// every connection has closed, so a service group can run it as it is.
package final class DishAPIServer: Sendable {
    /// What the server could not do at start.
    package struct StartFailure: Error, CustomStringConvertible {
        /// What went wrong.
        package let description: String
    }

    /// The services it hosts, by fully-qualified name.
    package static let serviceNames = [
        "SpaceX.API.Device.Device", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
    ]

    private let server: GRPCServer<HTTP2ServerTransport.Posix>

    /// A server for `source` on `host`:`port` (a numeric IPv4 or IPv6 address; port 0 picks a
    /// free one, see ``listeningPort()``). Nothing listens until ``run()``.
    package init(host: String, port: Int, source: any DishDataSource) throws {
        let index = try DescriptorIndex(serializedFileDescriptorSet: DishDescriptorSet.bytes)
        for service in Self.serviceNames where !index.declares(symbol: service) {
            throw StartFailure(description: "the embedded descriptor set does not declare \(service)")
        }
        let responder = ReflectionResponder(index: index, services: Self.serviceNames)
        let address: SocketAddress = host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port)
        server = GRPCServer(
            transport: .http2NIOPosix(address: address, transportSecurity: .plaintext),
            services: [
                DishDeviceService(source: source), ServerReflectionServiceV1(responder: responder),
                ServerReflectionServiceV1Alpha(responder: responder),
            ])
    }

    /// Serves until ``stop()``; throws if it cannot listen.
    package func run() async throws {
        try await server.serve()
    }

    /// The port it listens on, once listening; throws when it could not bind.
    package func listeningPort() async throws -> Int {
        let address = try await server.transport.listeningAddress
        if let ipv4 = address.ipv4 { return ipv4.port }
        if let ipv6 = address.ipv6 { return ipv6.port }
        throw StartFailure(description: "the server is not listening on an IP address")
    }

    /// Stops accepting connections and lets running calls finish; ``run()`` then returns.
    package func stop() {
        server.beginGracefulShutdown()
    }
}
