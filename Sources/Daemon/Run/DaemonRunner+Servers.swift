import Foundation
import ServiceLifecycle
import Logging
import Terminal

extension DaemonRunner {
    /// The daemon's network face, as configured, as services of the group (after the loop, so
    /// they stop before it): the status API (Hummingbird, bound when the group runs; start-up
    /// waits for it) and rotctld (swift-nio, bound here). The dish's gRPC API is one more
    /// (`startDishAPI`). Both APIs control the terminal through `makeStatusProviders`.
    func makeNetworkServices(feed: TelemetryFeed, boresight: (Double, Double)) throws -> [(any Service, String)] {
        var services: [(any Service, String)] = []
        let stow = stowAction(feed.channels)
        if configuration.statusAPI.enabled {
            let api = configuration.statusAPI
            guard let address = ListenAddress(host: api.bind, port: api.port) else {
                throw StartFailure("status_api.bind: \(api.bind)")
            }
            let providers = makeStatusProviders(feed: feed)
            let metrics = environment.metrics
            let statusAPI = StatusAPI(providers: providers, token: resources.token)
            let server = StatusHTTPServer(address: address, logger: logger) { request in
                let response = statusAPI.respond(to: request)
                metrics.countRequest(path: StatusAPI.metricPath(request.path), status: response.status)
                return response
            }
            statusServer = server
            services.append((server, "status-api"))
        }
        if configuration.rotctld.enabled {
            let settings = configuration.rotctld
            guard let address = ListenAddress(host: settings.bind, port: settings.port) else {
                throw StartFailure("rotctld.bind: \(settings.bind)")
            }
            let provider = RotatorProvider(
                beamDirection: {
                    let direction = feed.beamDirection()
                    return direction.azimuthDegrees.isFinite ? direction : (boresight.0, boresight.1)
                },
                park: {
                    stow("rotctld K (park)")
                    return true
                },
                info: "utermd \(UtermdVersion.current) phased array (points itself; P is refused)")
            let server: RotctldServer
            do { server = try RotctldServer(address: address, provider: provider) } catch {
                throw StartFailure("rotctld on \(address): \(error)")
            }
            logger.info("rotctld endpoint on \(server.address)")
            services.append((server, "rotctld"))
        }
        return services
    }
}

extension StatusAPI {
    /// A path as a metric label: the API's own paths, everything else `other` (a scanner must
    /// not create a series per probed URL).
    package static func metricPath(_ path: String) -> String {
        ["/status", "/history", "/obstructions", "/metrics", "/stow", "/unstow", "/reboot", "/policy", "/obstructions/reset",
            "/elements/reload",
        ]
            .contains(path)
            ? path : "other"
    }
}
