import DishAPI
import GRPCCore
import GRPCNIOTransportHTTP2
import Testing

/// A client compiled from utermd's own protos (grpc-swift-2 over the NIO transport) against
/// the server on loopback: every field the issue lists, the refusals, and reflection.
@Suite("Dish gRPC API through a compiled client")
struct DishAPIClientTests {
    /// Runs `body` with a client of a server over `source` on an ephemeral loopback port.
    static func withDish(
        _ source: FixedDishSource = FixedDishSource(),
        _ body: @Sendable @escaping (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Void
    ) async throws {
        let server = try DishAPIServer(host: "127.0.0.1", port: 0, source: source)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let port = try await server.listeningPort()
            #expect(port > 0)
            do {
                try await withGRPCClient(
                    transport: .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
                ) { client in
                    try await body(client)
                }
            } catch {
                server.stop()
                throw error
            }
            server.stop()
            try await group.waitForAll()
        }
    }

    static func request(_ build: (inout SpaceX_API_Device_Request) -> Void) -> SpaceX_API_Device_Request {
        var request = SpaceX_API_Device_Request()
        request.id = 7
        build(&request)
        return request
    }

    @Test func statusCarriesEveryListedField() async throws {
        try await Self.withDish { client in
            let device = SpaceX_API_Device_Device.Client(wrapping: client)
            let response = try await device.handle(Self.request { $0.getStatus = .init() })
            #expect(response.id == 7)
            #expect(response.apiVersion == DishDeviceService.apiVersion)
            let status = response.dishGetStatus
            #expect(status.deviceInfo.id == "ut-test")
            #expect(status.deviceInfo.hardwareVersion == "sim")
            #expect(status.deviceInfo.softwareVersion == "1.2.3")
            #expect(status.deviceInfo.countryCode == "CL")
            #expect(status.deviceInfo.bootcount == 1)
            #expect(status.deviceState.uptimeS == 42)
            #expect(status.hasOutage && status.outage.cause == .obstructed)
            #expect(status.outage.durationNs == 3_000_000_000)
            #expect(status.outage.startTimestampNs == 1_700_000_000_000_000_000)
            #expect(status.alerts.unexpectedLocation && !status.alerts.thermalShutdown)
            #expect(status.obstructionStats.fractionObstructed == 0.25)
            #expect(status.obstructionStats.validS == 120)
            #expect(status.obstructionStats.currentlyObstructed)
            #expect(status.gpsStats.gpsValid && status.gpsStats.gpsSats == 0)
            #expect(status.boresightAzimuthDeg == -12.5 && status.boresightElevationDeg == 63.25)
            #expect(status.alignmentStats.tiltAngleDeg == 10)
            #expect(status.alignmentStats.boresightAzimuthDeg == 180 && status.alignmentStats.boresightElevationDeg == 80)
            #expect(status.alignmentStats.desiredBoresightAzimuthDeg == 180)
            #expect(status.alignmentStats.desiredBoresightElevationDeg == 80)
            #expect(status.secondsToFirstNonemptySlot == 7.5)
            #expect(status.mobilityClass == .mobile)
            #expect(status.disablementCode == .blockedCountry)
            #expect(status.popPingLatencyMs == 25.5 && status.popPingDropRate == 1)
            #expect(status.downlinkThroughputBps == 0 && status.uplinkThroughputBps == 0)
            #expect(status.stowRequested)
        }
    }

    @Test func historyIsARingOf900IndexedByCurrent() async throws {
        try await Self.withDish { client in
            let device = SpaceX_API_Device_Device.Client(wrapping: client)
            let history = try await device.handle(Self.request { $0.getHistory = .init() }).dishGetHistory
            #expect(history.current == 1_000)
            #expect(history.popPingLatencyMs.count == 900 && history.popPingDropRate.count == 900)
            #expect(history.downlinkThroughputBps.count == 900 && history.uplinkThroughputBps.count == 900)
            // Sample n sits at n mod 900: the newest (999) at 99, the oldest kept (100) at 100.
            #expect(history.popPingLatencyMs[999 % 900] == 999)
            #expect(history.popPingLatencyMs[100] == 100)
            #expect(history.outages.count == 1 && history.outages[0].cause == .noSats)
            #expect(history.outages[0].durationNs == 1_000_000_000)
        }
    }

    @Test func obstructionMapContextAndDeviceInfo() async throws {
        try await Self.withDish { client in
            let device = SpaceX_API_Device_Device.Client(wrapping: client)
            let map = try await device.handle(Self.request { $0.dishGetObstructionMap = .init() }).dishGetObstructionMap
            #expect(map.numRows == 123 && map.numCols == 123 && map.snr.count == 123 * 123)
            #expect(map.minElevationDeg == 10 && map.maxThetaDeg == 80 && map.mapReferenceFrame == .frameEarth)
            #expect(map.snr[0] == -1)  // a corner lies outside the sky circle
            let context = try await device.handle(Self.request { $0.dishGetContext = .init() }).dishGetContext
            #expect(context.secondsToSlotEnd == 4.5 && context.initialSatelliteID == 44_713 && context.disablementCode == .okay)
            let info = try await device.handle(Self.request { $0.getDeviceInfo = .init() }).getDeviceInfo
            #expect(info.deviceInfo.id == "ut-test")
        }
    }

    @Test func locationIsRefusedUnlessEnabled() async throws {
        try await Self.withDish { client in
            let device = SpaceX_API_Device_Device.Client(wrapping: client)
            let error = await #expect(throws: RPCError.self) {
                try await device.handle(Self.request { $0.getLocation = .init() })
            }
            #expect(error?.code == .permissionDenied)
            #expect(error?.message == "GetLocation requests are not enabled on this device")
        }
        try await Self.withDish(FixedDishSource(locationEnabled: true)) { client in
            let device = SpaceX_API_Device_Device.Client(wrapping: client)
            let location = try await device.handle(Self.request { $0.getLocation = .init() }).getLocation
            #expect(location.lla.lat == -33.45 && location.lla.lon == -70.66 && location.lla.alt == 570)
        }
    }

    @Test func controlsReachTheSource() async throws {
        let source = FixedDishSource()
        try await Self.withDish(source) { client in
            let device = SpaceX_API_Device_Device.Client(wrapping: client)
            var stow = SpaceX_API_Device_DishStowRequest()
            _ = try await device.handle(Self.request { $0.dishStow = stow })
            stow.unstow = true
            let unstowed = try await device.handle(Self.request { $0.dishStow = stow })
            #expect(unstowed.dishStow == SpaceX_API_Device_DishStowResponse())
            _ = try await device.handle(Self.request { $0.dishClearObstructionMap = .init() })
            _ = try await device.handle(Self.request { $0.reboot = .init() })
        }
        #expect(source.controls.withLock { $0 } == ["stow", "unstow", "clear", "reboot"])
    }

    @Test func whatTheDishLacksIsUnimplemented() async throws {
        try await Self.withDish { client in
            let device = SpaceX_API_Device_Device.Client(wrapping: client)
            // An empty request, and a member this server does not know (wifi_get_clients, 3002,
            // sent as raw wire bytes the way a newer client would).
            let empty = await #expect(throws: RPCError.self) { try await device.handle(SpaceX_API_Device_Request()) }
            #expect(empty?.code == .unimplemented)
            var unknown = SpaceX_API_Device_Request()
            try unknown.merge(serializedBytes: [0xD2, 0xBB, 0x01, 0x00] as [UInt8])  // field 3002, length 0
            let refused = await #expect(throws: RPCError.self) { try await device.handle(unknown) }
            #expect(refused?.code == .unimplemented)
        }
    }
}
