import Foundation
import Logging
import Platform
import RealTime
import Terminal

extension DaemonRunner {
    /// The stow every interface requests (`POST /stow`, rotctld's `K`, the dish API's
    /// `dish_stow`): the tick stows at its next tick, transmit off first, and the decision is
    /// audited there; `origin` names the requester in the log.
    func stowAction(_ channels: TerminalChannels) -> @Sendable (_ origin: String) -> Void {
        let logger = logger
        return { origin in
            if !channels.stow.isStopRequested { logger.notice("stow requested by \(origin): transmit off, array stowed") }
            channels.stow.requestStop()
        }
    }

    /// What the status API reads and what its controls do, for every API that offers them (the
    /// JSON status API and the dish's gRPC API): one audited path per control.
    func makeStatusProviders(feed: TelemetryFeed) -> StatusProviders {
        let channels = feed.channels
        let events = environment.events
        let logger = logger
        let policies = policies
        let metrics = environment.metrics
        let obstructions = obstructions
        let elementSets = elementSets
        let stow = stowAction(channels)
        let api = configuration.statusAPI
        return StatusProviders(
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
                        bytes: Data(bytes), source: "POST /policy", monotonicNanoseconds: MonotonicTime.unsignedNanoseconds()))
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
            reloadElements: {
                guard let elementSets else {
                    return CommandOutcome(status: 503, body: .object([("error", .string("not started"))]))
                }
                let outcome = elementSets.reload()
                logger.notice("POST /elements/reload: \(outcome.logLine)")
                return outcome.commandOutcome
            },
            reportLocation: api.reportLocation, satelliteName: { feed.satellite($0)?.name })
    }
}
