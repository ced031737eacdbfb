import DishAPI
import Foundation
import Logging
import Terminal

extension DaemonRunner {
    /// The dish's gRPC API (`dish_api:`), when enabled: one server on its own task, reading the
    /// terminal through `feed` (as the JSON `/status` does) and controlling it through the JSON
    /// API's audited paths. Its stop is registered with the other services'.
    func startDishAPI(feed: TelemetryFeed, boresight: (Double, Double)) throws -> StoppingService? {
        let settings = configuration.dishAPI
        guard settings.enabled else { return nil }
        let mobility: SpaceX_API_Device_UserMobilityClass
        if case .fixed = configuration.location { mobility = .stationary } else { mobility = .mobile }
        let identity = DaemonDishSource.Identity(
            deviceID: "ut-utermd-\(resources.board.name)", hardwareVersion: resources.board.name,
            softwareVersion: UtermdVersion.current, countryCode: settings.countryCode, mobilityClass: mobility,
            mountBoresight: (boresight.0, boresight.1))
        let source = DaemonDishSource(
            feed: feed, providers: makeStatusProviders(feed: feed), identity: identity, settings: settings)
        let handle: AsyncServerHandle
        let port: Int
        do {
            handle = AsyncServerHandle(server: try DishAPIServer(host: settings.bind, port: Int(settings.port), source: source))
            port = try handle.start(timeoutSeconds: 10)
        } catch {
            throw StartFailure("dish API on \(settings.bind):\(settings.port): \(error)")
        }
        let shown = settings.bind.contains(":") ? "[\(settings.bind)]:\(port)" : "\(settings.bind):\(port)"
        logger.info("dish gRPC API (SpaceX.API.Device.Device, reflection) on \(shown)")
        return StoppingService("dish-api") { handle.stop() }
    }
}
