import Beam
import Drivers
import Foundation
import Geofence
import HAL
import Handover
import Logging
import Orbit
import Platform
import RealTime
import Terminal

/// `utermd run`: the terminal as a service. It assembles the terminal (`TerminalAssembly`, the
/// same as `utermd simulate`) on the given hardware and runs it as a group of services
/// (swift-service-lifecycle, ``DaemonServiceGroup``), started in this order and stopped in the
/// reverse one:
///
/// | service | what |
/// |---|---|
/// | `audit-writer` | every transmit decision durable before it takes effect (thread `utermd-audit`) |
/// | `beamformer` | the beamformer bridge driver (thread `utermd-beamformer`) |
/// | `position` | position (and, without a synchronised clock, UTC) from the configured source |
/// | `scheduler` | the 15 s slot scheduler (thread `utermd-schedule`) |
/// | `loop` | the real-time loop: the core's tick at the configured rate (plain thread `utermd-tick`) |
/// | `status-api`, `rotctld` | the status API (Hummingbird) and the rotctld endpoint (swift-nio) |
/// | `watchdog` | `WATCHDOG=1` while the loop ticks |
/// | `transmit-off` | last, so first to act on a stop: the tick stows, transmit off |
///
/// The main thread takes signals and requests, reloads, and does the once-a-second
/// housekeeping (history, metrics, STATUS=). Start-up ends with `READY=1` after the first tick
/// with every server bound. SIGTERM/SIGINT: transmit off first, then every service stopped in
/// reverse order (the audit writer last, flushed), the lines released (each to its safe
/// state), `STOPPING=1`, exit 0. SIGHUP: reload the policy, the log
/// level and the element sets. `POST /reboot`:
/// the same orderly stop, exit 75 for systemd to restart. A service that fails: the same
/// orderly stop, exit 1.
package final class DaemonRunner<GPIO: GPIOBackend, USB: USBBackend> {
    var configuration: DaemonConfiguration
    var resources: DaemonResources
    let hardware: DaemonHardware<GPIO, USB>
    let environment: DaemonEnvironment
    var logger: Logger { environment.logger }

    // Built by `start()`, on the main thread.
    let utc = UTCReference()
    let startNanoseconds = MonotonicTime.unsignedNanoseconds()
    var assembly: TerminalAssembly<GPIO>?
    var policies: PolicyService?
    var elementSets: ElementSetReloader?
    var loop: LoopRunner?
    var feed: TelemetryFeed?
    var obstructions: LearnedObstructions?
    var metrics: DaemonMetrics?
    /// The service rules' day counters (off the tick, in `housekeeping`).
    var serviceDays: ServiceDayKeeper?
    let serviceGroup = DaemonServiceGroup()
    var statusServer: StatusHTTPServer?
    /// Why the service group failed, once it has.
    let groupFailure = LockedValue<String?>(nil)
    /// Raised after READY=1 (the watchdog starts pinging).
    let ready = OneShotEvent()
    var loopSummary = LockedValue<LoopStatisticsSummary?>(nil)
    var utcFromSystemClock = false
    var lastStatusLine = ""

    /// A runner; nothing starts until `run()`.
    package init(
        configuration: DaemonConfiguration, resources: DaemonResources, hardware: DaemonHardware<GPIO, USB>,
        environment: DaemonEnvironment
    ) {
        self.configuration = configuration
        self.resources = resources
        self.hardware = hardware
        self.environment = environment
    }

    /// Runs until a stop; returns the exit code.
    package func run() -> DaemonExitCode {
        environment.events.installSignalHandlers()
        do {
            try start()
        } catch {
            logger.critical("start-up failed: \(error)")
            environment.notifier.status("start-up failed: \(error)")
            shutdown(reason: "start-up failed")
            return .failed
        }
        let code = mainLoop()
        shutdown(reason: code == .restartRequested ? "restart requested" : "stop requested")
        return code
    }

    /// Waits for events, doing the housekeeping once a second.
    private func mainLoop() -> DaemonExitCode {
        var nextHousekeeping = MonotonicTime.unsignedNanoseconds()
        while true {
            let now = MonotonicTime.unsignedNanoseconds()
            let wait = nextHousekeeping > now ? Double(nextHousekeeping - now) / 1e9 : 0
            let event = environment.events.next(waitingAtMost: wait)
            if MonotonicTime.unsignedNanoseconds() >= nextHousekeeping {
                housekeeping()
                nextHousekeeping += 1_000_000_000
            }
            switch event {
            case .none:
                continue
            case .terminate(let number):
                logger.notice("signal \(number == SIGINT ? "SIGINT" : "SIGTERM"): stowing and stopping")
                return .stopped
            case .restart(let reason):
                logger.notice("restart requested\(reason.map { ": \($0)" } ?? ""): stowing and stopping")
                return .restartRequested
            case .reload:
                reload()
            case .failure(let message):
                logger.critical("\(message): stowing and stopping")
                return .failed
            }
        }
    }

    /// Once a second: history into the window, loop percentiles, metrics, UTC, STATUS=.
    func housekeeping() {
        guard let feed, let loop else { return }
        feed.drainHistory()
        loop.monitor.drain(observing: { [metrics] sample in metrics?.observe(sample) })
        loopSummary.set(loop.monitor.summary(healthWindowTicks: 1_000))
        feed.channels.policies.takeRetired()
        feed.channels.ephemerides.takeRetired()
        if utcFromSystemClock || (!utc.isKnown && SystemClockStatus.isSynchronised() && configuration.hardware == .linux) {
            // Follows the disciplined system clock (a step is applied between ticks, never as a burst).
            if !utc.isKnown { logger.notice("the system clock is synchronised: UTC known") }
            utc.synchroniseFromSystemClock()
            utcFromSystemClock = true
        }
        let snapshot = feed.channels.snapshots.read()
        keepServiceDays(snapshot, channels: feed.channels)
        metrics?.refresh(
            snapshot: snapshot, loop: loopSummary.get(), historyTotal: feed.history(limit: 1).total,
            policyVersion: policies?.inForce?.header.version, obstruction: feed.obstructions(),
            fix: feed.channels.fixes.read(), nowNanoseconds: MonotonicTime.unsignedNanoseconds())
        let line = statusLine(snapshot)
        if line != lastStatusLine {
            environment.notifier.status(line)
            lastStatusLine = line
        }
    }

    /// The line `systemctl status` shows.
    func statusLine(_ snapshot: TerminalSnapshot) -> String {
        var parts = [snapshot.state.description]
        if snapshot.servingIndex >= 0, let name = feed?.satellite(snapshot.servingIndex)?.name { parts.append("serving \(name)") }
        if let cause = snapshot.outage { parts.append("outage \(cause)") }
        parts.append(snapshot.transmitEnabled ? "transmit on" : "transmit off")
        parts.append("geofence \(StatusJSON.actionName(snapshot.geofenceAction))")
        parts.append("\(snapshot.handovers) handovers")
        return parts.joined(separator: ", ")
    }
}
