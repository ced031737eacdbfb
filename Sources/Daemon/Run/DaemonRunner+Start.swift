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
import ServiceLifecycle
import Terminal

/// Why the daemon could not start.
struct StartFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension DaemonRunner {
    /// Builds and starts everything, in order; READY=1 after the first tick.
    func start() throws {
        logger.notice("utermd \(UtermdVersion.current) starting with \(configuration.file) (\(ProcessMemory.description()))")
        for line in ConfigurationSummary.lines(configuration, resources) { logger.info("  \(line)") }
        for warning in resources.warnings { logger.warning("\(warning)") }
        environment.notifier.status("starting")

        if configuration.hardware == .simulated || SystemClockStatus.isSynchronised() {
            utc.synchroniseFromSystemClock()
            utcFromSystemClock = true
        } else {
            logger.warning("the system clock is not synchronised: UTC unknown (no transmit) until it is, or GNSS gives time")
        }
        let auditDirectory = URL(fileURLWithPath: configuration.auditLogPath).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: auditDirectory, withIntermediateDirectories: true)

        let inForce = resources.keeper.inForce
        let policy = inForce?.geofencePolicy ?? GeofencePolicy(rules: [], defaultAction: .noService)
        let rate: TickRate
        do { rate = try TickRate(hertz: configuration.loop.rateHertz) } catch { throw StartFailure("loop.rate_hz: \(error)") }
        let periodNanoseconds = UInt64(rate.nanosecondsPerCycle / rate.ticksPerCycle)
        let assembly: TerminalAssembly<GPIO>
        do {
            assembly = try TerminalAssembly(
                board: resources.board, elementSets: resources.elementSets,
                elementSetConstellations: resources.elementSetConstellations, position: initialPosition, policy: policy,
                policyValidUntilUnixNanoseconds: PolicyService.validUntilUnixNanoseconds(inForce), gpio: hardware.gpio,
                auditLogPath: configuration.auditLogPath, nowNanoseconds: MonotonicTime.unsignedNanoseconds(),
                tickPeriodNanoseconds: periodNanoseconds,
                geofence: GeofenceConfiguration(
                    minimumSpeedMetresPerSecond: configuration.safety.effectiveSpeedFloorMetresPerSecond),
                serviceRules: inForce?.document.serviceRules ?? .none,
                subscription: configuration.service.subscription(mobility: configuration.safety.mobility))
        } catch {
            throw StartFailure("\(error)")
        }
        self.assembly = assembly
        do {
            // Damaged counters stop the start: resetting them would lift a roaming restriction.
            let keeper = try ServiceDayKeeper(store: ServiceDayCounterStore(auditLogPath: configuration.auditLogPath))
            assembly.channels.serviceDays.publish(keeper.counters)
            serviceDays = keeper
        } catch {
            throw StartFailure("service day counters: \(error)")
        }
        if assembly.auditRecoveredTornBytes > 0 {
            logger.warning(
                "audit log: \(assembly.auditRecoveredTornBytes) bytes of a torn last record (a crash while it was written) cut at open; the cut is recorded in the log"
            )
        }
        assembly.core.loopRecoveryNanoseconds = UInt64(configuration.safety.loopRecoveryMilliseconds) * 1_000_000
        assembly.core.maximumClockDisagreementNanoseconds =
            Int64(configuration.safety.maximumClockDisagreementMilliseconds) * 1_000_000
        // The tracker and the scheduler keep what they need of the element sets.
        resources.elementSets = []
        logger.debug("assembled: \(ProcessMemory.description())")
        let boresight = assembly.array.mountFrame.boresightLookAngles
        assembly.schedule.policy = configuration.handoverPolicy
        assembly.schedule.constraints.boresight = DishBoresight(
            azimuthDegrees: boresight.azimuthDegrees, elevationDegrees: boresight.elevationDegrees)
        assembly.schedule.constraints.scanLimitDegrees = resources.board.array.scanLimitDegrees

        // The start-up policy's record is durable before the first tick applies the policy.
        do {
            policies = try PolicyService(
                keeper: resources.keeper, startUpUpdate: resources.policyUpdate, restoredUpdate: resources.restoredPolicyUpdate,
                startUpBytes: resources.configuredPolicyBytes,
                store: AcceptedPolicyStore(auditLogPath: configuration.auditLogPath),
                audit: assembly.auditWriter, channels: assembly.channels,
                logger: logger, monotonicNanoseconds: MonotonicTime.unsignedNanoseconds())
        } catch {
            throw StartFailure("policy: \(error)")
        }
        let obstructions = LearnedObstructions(map: assembly.schedule.constraints.obstructionMap)
        self.obstructions = obstructions
        let refreshedForScheduler = TickHandoff<ConstellationEphemeris>()
        elementSets = ElementSetReloader(
            ephemeris: assembly.ephemeris, source: configuration.elementSets, tick: assembly.channels.ephemerides,
            scheduler: refreshedForScheduler)
        let feed = makeFeed(
            assembly, boresight: (boresight.azimuthDegrees, boresight.elevationDegrees), obstructions: obstructions,
            link: makeLinkQualitySource())
        self.feed = feed
        metrics = DaemonMetrics(
            registry: environment.metrics.registry, tickPeriodSeconds: Double(periodNanoseconds) / 1e9,
            softwareVersion: UtermdVersion.current)
        let loop = makeLoop(assembly, rate: rate)
        self.loop = loop
        // Everything that can refuse (rotctld's port) is checked before any thread starts.
        let network = try makeNetworkServices(feed: feed, boresight: (boresight.azimuthDegrees, boresight.elevationDegrees))

        // The services, in start order (the group stops them in reverse).
        assembly.auditWriter.start()
        let writer = assembly.auditWriter
        serviceGroup.add(StoppingService("audit-writer") { writer.stop() }, name: "audit-writer")
        startBeamformerDriver(assembly)
        let position = PositionService(source: configuration.location, channels: assembly.channels, utc: utc, logger: logger)
        serviceGroup.add(StoppingService("position") { position.stop() }, name: "position")
        let scheduler = SchedulerService(
            schedule: assembly.schedule, channels: assembly.channels, utc: utc, initialPosition: initialPosition,
            obstructions: obstructions, refreshedEphemerides: refreshedForScheduler, logger: logger)
        serviceGroup.add(StoppingService("scheduler") { scheduler.stop() }, name: "scheduler")
        serviceGroup.add(loop.service, name: "loop")
        for (service, name) in network { serviceGroup.add(service, name: name) }
        if let dish = try startDishAPI(feed: feed, boresight: (boresight.azimuthDegrees, boresight.elevationDegrees)) {
            serviceGroup.add(dish, name: "dish-api")
        }
        serviceGroup.add(
            WatchdogService(notifier: environment.notifier, ready: ready, isHealthy: loopAdvances()), name: "watchdog",
            mayEnd: true)
        let events = environment.events
        let failure = groupFailure
        serviceGroup.launch(transmitOff: makeTransmitOff(assembly, loop: loop), logger: logger) { message in
            failure.set(message)
            events.post(.failure("a service failed: \(message)"))
        }
        logger.debug("services: \(serviceGroup.names.joined(separator: ", ")), transmit-off")

        try awaitFirstTick()
        try awaitNetworkFace()
        housekeeping()
        ProcessMemory.returnFreedMemory()
        let elapsed = Double(MonotonicTime.unsignedNanoseconds() - startNanoseconds) / 1e9
        logger.notice(
            "ready after \(Int(elapsed * 1_000)) ms: \(assembly.satellites.count) satellites, loop at \(configuration.loop.rateHertz) Hz, \(ProcessMemory.description())"
        )
        environment.notifier.ready(status: lastStatusLine.isEmpty ? "ready" : lastStatusLine)
        ready.raise()
    }

    /// Where the terminal is believed to be before the first fix.
    var initialPosition: GeodeticPosition {
        if case .fixed(let latitude, let longitude, let altitude, _) = configuration.location {
            return GeodeticPosition(latitudeDegrees: latitude, longitudeDegrees: longitude, heightMetres: altitude)
        }
        return GeodeticPosition(latitudeDegrees: 0, longitudeDegrees: 0, heightMetres: 0)
    }

    private func startBeamformerDriver(_ assembly: TerminalAssembly<GPIO>) {
        let elementCount = assembly.array.elementCount
        guard
            var driverConfiguration = BeamformerBridgeDriverConfiguration(
                board: resources.board.hardware, elementCount: elementCount)
        else {
            logger.warning("the board names no beamformer USB device: the beam is never applied, so transmit stays off")
            return
        }
        if let milliseconds = configuration.beamformerReplyTimeoutMilliseconds {
            driverConfiguration.replyTimeout = .milliseconds(milliseconds)
        }
        let driver = BeamformerBridgeDriver(
            backend: hardware.usb, hotplug: hardware.hotplug, configuration: driverConfiguration,
            mailbox: assembly.channels.steering, health: assembly.channels.beamformerHealth, now: MonotonicTime.unsignedNanoseconds)
        let flag = DriverStopFlag()
        // A plain closure crosses to the thread (the driver's generic type stays on this side).
        let body = ThreadTransfer(value: { driver.run(until: flag) })
        let thread = ServiceThread(name: "utermd-beamformer") { _ in body.value() }
        serviceGroup.add(
            StoppingService("beamformer") {
                flag.raise()
                thread.stop()
            }, name: "beamformer")
    }

    /// Where the obstruction map learns from: the simulated link on the simulated board; no
    /// source on real hardware, which has no receive-side measurement yet (the map then stays
    /// unlearned and says so: `valid_s` 0).
    private func makeLinkQualitySource() -> (any LinkQualitySource)? {
        switch configuration.hardware {
        case .simulated:
            logger.info(
                "obstruction map: learned from the simulated link (\(configuration.simulatedObstructions.count) simulated obstructions)"
            )
            return SimulatedSkyLink(obstructions: configuration.simulatedObstructions)
        case .linux:
            logger.info("obstruction map: no link-quality measurement on this hardware, nothing is learned")
            return nil
        }
    }

    private func makeFeed(
        _ assembly: TerminalAssembly<GPIO>, boresight: (Double, Double), obstructions: LearnedObstructions,
        link: (any LinkQualitySource)?
    ) -> TelemetryFeed {
        let ephemeris = assembly.ephemeris
        let policies = policies
        let summary = loopSummary
        var context = TelemetryFeed.Context(
            softwareVersion: UtermdVersion.current, boardName: resources.board.name, boresight: boresight,
            reportLocation: configuration.statusAPI.reportLocation, startNanoseconds: startNanoseconds,
            loop: { summary.get() },
            obstruction: { azimuth, elevation in
                let learned = obstructions.snapshot()
                return ObstructionSummary(
                    map: learned.map, beamAzimuthDegrees: azimuth, beamElevationDegrees: elevation,
                    validSeconds: Double(learned.validSeconds))
            },
            policy: { policies?.statusPolicy },
            observe: { sample in
                if let link { obstructions.record(sample, link: link) }
            })
        context.servicePlan = configuration.service.plan
        return TelemetryFeed(
            channels: assembly.channels, satelliteCount: ephemeris.count,
            satellite: { (ephemeris.satellites[$0].name, ephemeris.satellites[$0].catalogNumber) },
            constellation: { ephemeris.satellites[$0].constellation.rawValue },
            historySeconds: configuration.statusAPI.historySeconds, context: context)
    }

    /// The loop, its thread started by its service; once the thread has ended the tick is
    /// stowed once more (in case it never ran) and whatever its outbox holds goes to the audit
    /// writer, which stops after the loop.
    private func makeLoop(_ assembly: TerminalAssembly<GPIO>, rate: TickRate) -> LoopRunner {
        let core = ThreadTransfer(value: assembly.core)
        let audit = assembly.audit
        let logger = logger
        return LoopRunner(core: assembly.core, rate: rate, utc: utc, realTime: configuration.realTimeOptions) { report in
            if let report {
                logger.info(
                    "loop stopped after \(report.executedTicks) ticks, \(report.overruns) overruns, \(report.missedPeriods) missed periods"
                )
            }
            // The loop thread has ended (or never ran): the core is this thread's now.
            core.value.stow(atNanoseconds: MonotonicTime.unsignedNanoseconds(), utc: nil)
            audit.flushOutbox()
        }
    }

    /// Transmit off: the tick stows at its next tick, and its snapshot says so within a few
    /// ticks (at most 2 s is waited for; not at all if the loop never ticked).
    private func makeTransmitOff(_ assembly: TerminalAssembly<GPIO>, loop: LoopRunner) -> @Sendable () -> Void {
        let channels = assembly.channels
        let status = loop.status
        return {
            channels.finalStow.requestStop()
            guard status.publicationCount > 0 else { return }
            let deadline = MonotonicTime.unsignedNanoseconds() + 2_000_000_000
            while channels.snapshots.read().state != .stowed, MonotonicTime.unsignedNanoseconds() < deadline { usleep(1_000) }
        }
    }

    /// Waits (at most 10 s) for the loop's first tick; a failed service ends the wait.
    private func awaitFirstTick() throws {
        guard let loop else { return }
        let deadline = MonotonicTime.unsignedNanoseconds() + 10_000_000_000
        while loop.status.publicationCount == 0 {
            if let failure = groupFailure.get() { throw StartFailure(failure) }
            guard MonotonicTime.unsignedNanoseconds() < deadline else { throw StartFailure("the loop did not tick within 10 s") }
            usleep(500)
        }
        for warning in loop.setupWarnings.get() ?? [] { logger.warning("real-time: \(warning)") }
    }

    /// Waits (at most 10 s) for the status API to be bound.
    private func awaitNetworkFace() throws {
        guard let statusServer else { return }
        switch statusServer.waitUntilBound(timeoutSeconds: 10) {
        case .success(let address): logger.info("status API on http://\(address)/status")
        case .failure(let error): throw StartFailure("status API on \(statusServer.requestedAddress): \(error)")
        }
    }

    /// The watchdog's health check: the loop has ticked since the last check.
    private func loopAdvances() -> @Sendable () -> Bool {
        guard let status = loop?.status else { return { false } }
        let last = LockedValue<UInt64>(0)
        return {
            let ticks = status.read().executedTicks
            defer { last.set(ticks) }
            return ticks > last.get()
        }
    }
}
