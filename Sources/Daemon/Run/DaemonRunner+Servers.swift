import CoreMetrics
import Foundation
import Logging
import Terminal

extension DaemonRunner {
    /// The status API and the rotctld endpoint, as configured.
    func startServers(feed: TelemetryFeed, boresight: (Double, Double)) throws {
        let stow = stowAction(feed.channels)
        if configuration.statusAPI.enabled {
            let api = configuration.statusAPI
            guard let address = ListenAddress(host: api.bind, port: api.port) else {
                throw StartFailure("status_api.bind: \(api.bind)")
            }
            let providers = makeStatusProviders(feed: feed)
            let metrics = environment.metrics
            let statusAPI = StatusAPI(providers: providers, token: resources.token)
            let server: HTTPServer
            do {
                server = try HTTPServer(address: address) { request in
                    let response = statusAPI.respond(to: request)
                    Counter(
                        label: "utermd_http_requests_total",
                        dimensions: [("path", StatusAPI.metricPath(request.path)), ("status", "\(response.status)")],
                        factory: metrics
                    ).increment()
                    return response
                }
            } catch {
                throw StartFailure("status API on \(address): \(error)")
            }
            metrics.describe("utermd_http_requests_total", help: "Status API requests by path and status code.")
            logger.info("status API on http://\(server.address)/status")
            services.insert({ server.stop() }, at: 0)
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
            services.insert({ server.stop() }, at: 0)
        }
    }
}

extension StatusAPI {
    /// A path as a metric label: the API's own paths, everything else `other` (a scanner must
    /// not create a series per probed URL).
    public static func metricPath(_ path: String) -> String {
        ["/status", "/history", "/obstructions", "/metrics", "/stow", "/unstow", "/reboot", "/policy", "/obstructions/reset",
            "/elements/reload",
        ]
            .contains(path)
            ? path : "other"
    }
}
