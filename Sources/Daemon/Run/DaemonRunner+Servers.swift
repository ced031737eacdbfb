import Foundation
import ServiceLifecycle
import Logging
import Terminal

extension DaemonRunner {
    /// The daemon's network face, as configured, as services of the group (after the loop, so
    /// they stop before it): the status API (Hummingbird, bound when the group runs; start-up
    /// waits for it) and rotctld (swift-nio, bound here).
    ///
    /// Part A's gRPC dish API becomes one more service here: build it (bound or not) and
    /// `services.append((server, "grpc"))`, with its bind failure thrown as a
    /// `StartFailure` (or, if it binds in `run()`, waited for beside the status API in
    /// `awaitNetworkFace`).
    func makeNetworkServices(feed: TelemetryFeed, boresight: (Double, Double)) throws -> [(any Service, String)] {
        var services: [(any Service, String)] = []
        let channels = feed.channels
        let events = environment.events
        let logger = logger
        let policies = policies
        let metrics = environment.metrics
        let obstructions = obstructions
        let stow: @Sendable (String) -> Void = { origin in
            if !channels.stow.isStopRequested { logger.notice("stow requested by \(origin): transmit off, array stowed") }
            channels.stow.requestStop()
        }
        if configuration.statusAPI.enabled {
            let api = configuration.statusAPI
            guard let address = ListenAddress(host: api.bind, port: api.port) else {
                throw StartFailure("status_api.bind: \(api.bind)")
            }
            let providers = StatusProviders(
                status: { feed.status() }, history: { feed.history(limit: $0) }, obstructions: { feed.obstructions() },
                metrics: { metrics.render() },
                stow: { reason in
                    stow("POST /stow\(reason.map { " (\($0))" } ?? "")")
                    return .accepted("stowing: transmit off; the terminal stays stowed until POST /unstow")
                },
                unstow: { reason in
                    switch channels.unstow() {
                    case .resumed:
                        let why = reason.map { " (\($0))" } ?? ""
                        logger.notice("unstow requested by POST /unstow\(why): resuming, transmit once every condition holds")
                        return .accepted("unstowing: the terminal resumes; transmit returns once every condition holds")
                    case .notStowed:
                        return CommandOutcome(
                            status: 200, body: .object([("accepted", .bool(true)), ("message", .string("not stowed"))]))
                    case .stopping:
                        return CommandOutcome(
                            status: 409,
                            body: .object([
                                ("accepted", .bool(false)), ("message", .string("the daemon is stopping: it stays stowed")),
                            ]))
                    }
                },
                reboot: { reason in
                    events.post(.restart(reason: reason))
                    return .accepted("stowing, then exiting for systemd to restart the service")
                },
                policy: { bytes in
                    guard let policies else {
                        return CommandOutcome(status: 503, body: .object([("error", .string("not started"))]))
                    }
                    return PolicyService.outcome(
                        policies.offer(
                            bytes: Data(bytes), source: "POST /policy", monotonicNanoseconds: DriverClock.nowNanoseconds()))
                },
                resetObstructions: { reason in
                    guard let obstructions else {
                        return CommandOutcome(status: 503, body: .object([("error", .string("not started"))]))
                    }
                    let forgotten = obstructions.snapshot().validSeconds
                    obstructions.reset()
                    let why = reason.map { " (\($0))" } ?? ""
                    logger.notice("obstruction map reset by POST /obstructions/reset\(why): \(forgotten) s forgotten")
                    return .accepted("obstruction map reset: \(forgotten) s of observation forgotten")
                },
                reportLocation: api.reportLocation, satelliteName: { feed.satellite($0)?.name })
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
    public static func metricPath(_ path: String) -> String {
        ["/status", "/history", "/obstructions", "/metrics", "/stow", "/unstow", "/reboot", "/policy", "/obstructions/reset"]
            .contains(path)
            ? path : "other"
    }
}
