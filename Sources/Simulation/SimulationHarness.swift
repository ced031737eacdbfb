import Audit
import Drivers
import Foundation
import Geofence
import HAL
import HALSim
import Orbit
import Platform
import RealTime
import SystemPackage
import Terminal

/// The world around the terminal in a scenario run, one tick at a time: GNSS fixes, the
/// scheduler's assignments, scenario events handed to the bench, the audit writer (driven
/// step by step so the run is deterministic), then the terminal's own tick, then the bench's
/// share (wires, devices) and the bookkeeping that checks the expectations against the
/// truth (the true position's zone, the transmit-enable level the bench reads).
struct SimulationHarness<Bench: ScenarioBench>: TickBody {
    let scenario: Scenario
    /// The terminal; a new one after each restart (nil only if a restart failed to assemble it).
    var assembly: TerminalAssembly<Bench.GPIO>!
    let bench: Bench
    let periodNanoseconds: Int64
    let totalTicks: UInt64
    var pacer: RunPacer
    let progress: ((Double, TerminalSnapshot) -> Void)?
    var random: SplitMix64
    var checks: ExpectationTracker
    var compute: ComputeTimeRecorder
    var history: [HistorySample] = []
    var track: [(seconds: Double, latitudeDegrees: Double, longitudeDegrees: Double)] = []
    var events: [SimulationResult.Event] = []
    var nextEvent = 0
    var fixSequence: UInt64 = 0
    var nextFixNanoseconds: Int64 = 0
    var gnssOutageUntil: Int64 = .min
    var faultEnds: [(role: GPIORole, at: Int64)] = []
    var gpioFailureEnds: [(role: GPIORole, at: Int64)] = []
    var clearFaultAt: Int64 = .max
    var replugAt: Int64 = .max
    var fixTimeOffsetNanoseconds: Int64 = 0
    var fixTimeOffsetEndsAt: Int64 = .max
    var unstowAt: Int64 = .max
    var transmitRisingEdges = 0
    /// Virtual times around the instants the scenario changes a device.
    let eventWindows: [ClosedRange<Int64>]
    var nextScheduleUnixNanoseconds: Int64 = .min
    var scheduledRestricted = false
    var scheduledAtUnixNanoseconds: Int64 = .min
    var lastAction: ServiceAction?
    var truthAssessed = (
        latitudeDegrees: 0.0, longitudeDegrees: 0.0,
        decision: GeofenceDecision(action: .noService, reason: .defaultAction), valid: false
    )
    var lastLineHigh = false
    var transmitSwitches = 0
    var trackedTicks: UInt64 = 0
    var transmitTicks: UInt64 = 0
    var outageTicks: [OutageCause: UInt64] = [:]
    /// The off-tick keeper of the service rules' day counters, run once per simulated second.
    var serviceDays: ServiceDayKeeper
    var serviceJudge = ServiceRulesJudge()
    var networkSwitchJudge = NetworkSwitchJudge()
    /// The loop's UTC reference, which clock steps move (set by the simulator).
    var utcReference: UTCReference?
    /// The invariants of clock steps, restarts, policy pushes, loop overruns and bridge garbage.
    var laterChecks: LaterEventInvariants
    /// The policy side (pushes, the store); set by the simulator.
    var policyDesk: PolicyPushDesk?
    /// The policy the terminal must be following: the start-up one, then each accepted push.
    /// The truth (restricted or not) is judged against it.
    var expectedPolicy: GeofencePolicy
    /// The start-up policy and its end of validity (a restart with nothing stored keeps it).
    var startUpPolicy: (policy: GeofencePolicy, validUntilUnixNanoseconds: Int64)
    /// Assembles the terminal again (a restart) with a policy, its end of validity, at a
    /// virtual time; set by the simulator.
    var reassemble: ((GeofencePolicy, Int64, Int64) throws -> TerminalAssembly<Bench.GPIO>)?
    /// The audit log's path (a restart opens it again); set by the simulator.
    var auditLogPath: String?
    /// Deliberately broken firmware paths (tests only).
    var defects: Set<SimulatedDefect> = []
    /// The clock's steps in force and when each is taken back.
    var clockStepNanoseconds: Int64 = 0
    var clockStepEnds: [(step: Int64, at: Int64)] = []
    /// The loop's virtual clock, which loop overruns advance (set by the simulator).
    var virtualClock: VirtualClock?
    /// The compute time injected into each tick by the loop overruns in force, and their ends.
    var overrunEnds: [(tickNanoseconds: Int64, at: Int64)] = []
    /// When each garbage period of the bridge ends.
    var bridgeGarbageEnds: [Int64] = []
    /// A restart's state: the audit log read before it, the policy to start with, and when
    /// to try starting again after a refusal.
    var keptBeforeRestart: AuditFileScan?
    var restartPolicy: (policy: GeofencePolicy, validUntilUnixNanoseconds: Int64) = (GeofencePolicy(rules: [], defaultAction: .noService), .min)
    var restartRetryAt: Int64 = .max

    init(
        scenario: Scenario, assembly: TerminalAssembly<Bench.GPIO>, bench: Bench, periodNanoseconds: Int64,
        totalTicks: UInt64, seed: UInt64, speed: Double?, progress: ((Double, TerminalSnapshot) -> Void)?,
        serviceDays: ServiceDayKeeper
    ) {
        self.serviceDays = serviceDays
        self.scenario = scenario
        self.assembly = assembly
        self.bench = bench
        self.periodNanoseconds = periodNanoseconds
        self.totalTicks = totalTicks
        pacer = RunPacer(speed: speed)
        self.progress = progress
        // Around each instant a device changes (a fault input driven or released, the bridge
        // unplugged or plugged back): from 0.5 s before to 1 s after. A GNSS outage is the
        // harness's own: no device involved.
        var windows: [ClosedRange<Int64>] = []
        for timed in scenario.events {
            if case .gnssOutage = timed.event { continue }
            for instant in [timed.atSeconds, timed.atSeconds + Self.duration(of: timed.event)] {
                let from = Int64((instant - 0.5) * 1e9)
                let to = Int64((instant + 1) * 1e9)
                windows.append(from...to)
            }
        }
        eventWindows = windows
        random = SplitMix64(seed: seed)
        checks = ExpectationTracker(expectations: scenario.expectations, periodNanoseconds: periodNanoseconds)
        laterChecks = LaterEventInvariants(
            periodNanoseconds: periodNanoseconds, clockLimitNanoseconds: assembly.core.maximumClockDisagreementNanoseconds)
        expectedPolicy = assembly.core.policy
        startUpPolicy = (assembly.core.policy, .max)
        compute = ComputeTimeRecorder(periodNanoseconds: UInt64(periodNanoseconds))
        history.reserveCapacity(Int(scenario.durationSeconds) + 2)
    }

    mutating func tick(_ context: TickContext) {
        let now = context.scheduledNanoseconds
        let seconds = Double(now) / 1e9
        let truth = scenario.position(atSeconds: seconds)
        applyEvents(now: now, seconds: seconds)
        guard assembly != nil else {
            pace(context)
            return
        }
        publishFix(now: now, truth: truth)
        schedule(context, truth: truth)

        let before = MonotonicTime.unsignedNanoseconds()
        // While a restart has the terminal down, nothing of it runs (its lines are released).
        if !laterChecks.isDown(atNanoseconds: now) { assembly.core.tick(defects.isEmpty ? context : contextAsBroken(context)) }
        compute.record(MonotonicTime.unsignedNanoseconds() - before)
        injectOverrun(context)

        let lineHigh = bench.afterTick(context, assembly: assembly)
        if serviceJudge.tick(assembly.core.serviceDecision, lineHigh: lineHigh) {
            checks.serviceRuleRefused(atNanoseconds: now, wall: MonotonicTime.unsignedNanoseconds())
        }
        if context.tickIndex % UInt64(max(1, scenario.tickHertz)) == 0 { keepServiceDays(seconds: seconds) }
        _ = assembly.auditWriter.writePending()
        account(context, lineHigh: lineHigh, truth: truth, seconds: seconds)
        if context.tickIndex % UInt64(max(1, 6 * scenario.tickHertz)) == 0 {
            progress?(Double(context.tickIndex) / Double(max(1, totalTicks)), assembly.core.snapshot)
        }
        pace(context)
    }

    private mutating func applyEvents(now: Int64, seconds: Double) {
        if assembly == nil { retryStart(now: now, seconds: seconds) }
        guard assembly != nil else { return }
        while nextEvent < scenario.events.count, scenario.events[nextEvent].atSeconds <= seconds {
            let timed = scenario.events[nextEvent]
            nextEvent += 1
            let end = now + Int64(Self.duration(of: timed.event) * 1e9)
            switch timed.event {
            case .fault(let input, _):
                let role: GPIORole = input == .paFault ? .faultIn : .overTemperature
                checks.faultStarted(atNanoseconds: now, wall: MonotonicTime.unsignedNanoseconds())
                bench.drive(role, to: .active, atNanoseconds: now)
                faultEnds.append((role, end))
                note(seconds, "fault: \(input.rawValue) active for \(Self.duration(of: timed.event)) s")
            case .gnssOutage(let length):
                // Overlapping windows of one kind of event add up: the outage lasts until the
                // later end (the 10,000-run campaign's runs 4718, 9068, 9249 and 9886 of seed 1
                // had a short outage inside a long one end both, so fixes came back while the
                // judge, rightly, still counted the long one).
                gnssOutageUntil = max(gnssOutageUntil, end)
                checks.gnssOutage(from: now, to: end)
                note(seconds, "GNSS outage for \(length) s")
            case .unplugBeamformer(let length):
                checks.beamformerUnplugged(atNanoseconds: now, wall: MonotonicTime.unsignedNanoseconds())
                bench.unplugBeamformer(atNanoseconds: now)
                replugAt = replugAt == .max ? end : max(replugAt, end)
                note(seconds, "beamformer bridge unplugged for \(length) s")
            case .gpioFailure(let role, let length):
                guard bench.beginGPIOFailure(role, errno: .ioError) else {
                    note(seconds, "GPIO failure of \(role.rawValue): this bench cannot inject it (skipped)")
                    continue
                }
                checks.gpioFailureStarted(atNanoseconds: now, wall: MonotonicTime.unsignedNanoseconds())
                gpioFailureEnds.append((role, end))
                note(seconds, "GPIO failure: every call on \(role.rawValue) fails (EIO) for \(length) s")
            case .fixTimeOffset(let offset, let length):
                fixTimeOffsetNanoseconds = Int64(offset * 1e9)
                fixTimeOffsetEndsAt = end
                note(seconds, "GNSS fixes' UTC off the clock by \(offset) s for \(length) s")
            case .stow(let length):
                assembly.channels.stow.requestStop()
                checks.stowStarted(atNanoseconds: now)
                unstowAt = unstowAt == .max ? end : max(unstowAt, end)
                note(seconds, "operator stow for \(length) s")
            case .clockStep, .policyPush, .restart, .loopOverrun, .bridgeGarbage:
                applyLaterEvent(timed.event, now: now, end: end, seconds: seconds)
            }
        }
        endLaterEvents(now: now, seconds: seconds)
        guard assembly != nil else { return }
        if now >= fixTimeOffsetEndsAt {
            fixTimeOffsetEndsAt = .max
            fixTimeOffsetNanoseconds = 0
            note(seconds, "GNSS fixes' UTC agrees with the clock again")
        }
        if now >= unstowAt {
            unstowAt = .max
            _ = assembly.channels.unstow()
            checks.stowEnded()
            note(seconds, "operator unstow")
        }
        for (index, fault) in faultEnds.enumerated().reversed() where now >= fault.at {
            faultEnds.remove(at: index)
            // Released only when no other window of the same input is still open.
            guard !faultEnds.contains(where: { $0.role == fault.role }) else { continue }
            bench.drive(fault.role, to: .inactive, atNanoseconds: now)
            clearFaultAt = now + 1_000_000_000
            note(seconds, "fault input \(fault.role.rawValue) quiet")
        }
        for (index, failure) in gpioFailureEnds.enumerated().reversed() where now >= failure.at {
            gpioFailureEnds.remove(at: index)
            guard !gpioFailureEnds.contains(where: { $0.role == failure.role }) else { continue }
            bench.endGPIOFailure(failure.role)
            clearFaultAt = now + 1_000_000_000
            note(seconds, "GPIO line \(failure.role.rawValue) works again")
        }
        if now >= clearFaultAt {
            clearFaultAt = .max
            let cleared = assembly.core.clearFaults(atNanoseconds: UInt64(now), utc: nil)
            note(seconds, "operator cleared faults: \(cleared ? "none latched" : "some still latched")")
        }
        if now >= replugAt {
            replugAt = .max
            bench.replugBeamformer(atNanoseconds: now)
            checks.beamformerReplugged(atNanoseconds: now)
            note(seconds, "beamformer bridge plugged back")
        }
    }

    private static func duration(of event: Scenario.Event) -> Double {
        switch event {
        case .fault(_, let seconds), .gnssOutage(let seconds), .unplugBeamformer(let seconds), .gpioFailure(_, let seconds),
            .fixTimeOffset(_, let seconds), .stow(let seconds), .clockStep(_, let seconds), .restart(let seconds),
            .loopOverrun(_, let seconds), .bridgeGarbage(_, let seconds):
            seconds
        case .policyPush: 0
        }
    }

    private mutating func publishFix(now: Int64, truth: (latitudeDegrees: Double, longitudeDegrees: Double)) {
        guard now >= nextFixNanoseconds else { return }
        nextFixNanoseconds += Int64(1e9 / scenario.gnssRateHertz)
        guard now >= gnssOutageUntil else { return }
        // Noise: uniform within ±accuracy/2 on each axis, seeded: deterministic.
        let metresPerDegree = 111_320.0
        let noise = scenario.gnssAccuracyMetres / 2
        let north = (Double(random.next() % 2_001) / 1_000 - 1) * noise
        let east = (Double(random.next() % 2_001) / 1_000 - 1) * noise
        fixSequence += 1
        let fix = FixSnapshot(
            sequence: fixSequence, latitudeDegrees: truth.latitudeDegrees + north / metresPerDegree,
            longitudeDegrees: truth.longitudeDegrees + east / (metresPerDegree * cos(truth.latitudeDegrees * .pi / 180)),
            heightMetres: 0, horizontalUncertaintyMetres: scenario.gnssAccuracyMetres, receivedAtNanoseconds: now,
            utcNanoseconds: scenario.startUnixNanoseconds + now + fixTimeOffsetNanoseconds)
        assembly.channels.fixes.publish(fix)
        laterChecks.fixPublished(utcNanoseconds: fix.utcNanoseconds, receivedAtNanoseconds: now)
        let fixRestricted = restrictsEmission(
            expectedPolicy.assess(GeodeticCoordinate(latitudeDegrees: fix.latitudeDegrees, longitudeDegrees: fix.longitudeDegrees)))
        checks.fixPublished(atNanoseconds: now, wall: MonotonicTime.unsignedNanoseconds(), showsRestriction: fixRestricted)
    }

    /// Whether `decision` (the truth's, or a fix's, under the policy that should be in force)
    /// forbids emitting toward the network the beam points at now: a zone may ban one operator
    /// and spare another. With no satellite tracked, the action for every network decides.
    private func restrictsEmission(_ decision: GeofenceDecision) -> Bool {
        guard let network = servingNetwork() else { return !decision.permitsTransmit }
        return !decision.transmitPermittedConstellations.contains(network)
    }

    /// The network of the satellite the beam points at (the last tick's), nil when none.
    private func servingNetwork() -> ConstellationName? {
        let index = assembly.core.snapshot.servingIndex
        let satellites = assembly.core.tracker.ephemeris.satellites
        guard index >= 0, Int(index) < satellites.count else { return nil }
        return ConstellationName(satellites[Int(index)].constellation)
    }

    private mutating func schedule(_ context: TickContext, truth: (latitudeDegrees: Double, longitudeDegrees: Double)) {
        guard let utc = context.scheduledUTC?.nanosecondsSinceUnixEpoch else { return }
        let restricted = assembly.core.snapshot.schedulingRestricted
        // As the daemon's scheduler: also when UTC stepped back before the last decision, and
        // at once when the networks permitted here changed.
        let networksChanged = assembly.schedule.follow(
            assembly.core.snapshot.schedulingNetworks, from: JulianDate(unixSeconds: Double(utc) / 1e9))
        guard utc >= nextScheduleUnixNanoseconds || restricted != scheduledRestricted || utc < scheduledAtUnixNanoseconds
            || networksChanged
        else { return }
        let fix = assembly.channels.fixes.read()
        let position = GeodeticPosition(
            latitudeDegrees: fix.sequence > 0 ? fix.latitudeDegrees : truth.latitudeDegrees,
            longitudeDegrees: fix.sequence > 0 ? fix.longitudeDegrees : truth.longitudeDegrees, heightMetres: 0)
        let assignment = assembly.schedule.assignment(
            at: JulianDate(unixSeconds: Double(utc) / 1e9), position: position, restricted: restricted)
        assembly.channels.assignments.publish(assignment)
        scheduledRestricted = restricted
        scheduledAtUnixNanoseconds = utc
        // Decide the next slot two seconds before its boundary, as the daemon's scheduler thread does.
        nextScheduleUnixNanoseconds = assignment.nextSlotStartUnixNanoseconds - 2_000_000_000
    }

    private mutating func account(
        _ context: TickContext, lineHigh: Bool, truth: (latitudeDegrees: Double, longitudeDegrees: Double), seconds: Double
    ) {
        let core = assembly.core
        if lineHigh != lastLineHigh {
            transmitSwitches += 1
            if lineHigh { transmitRisingEdges += 1 }
            lastLineHigh = lineHigh
        }
        if lineHigh { transmitTicks += 1 }
        let snapshot = core.snapshot
        if snapshot.servingIndex >= 0 { trackedTicks += 1 }
        if let cause = snapshot.outage { outageTicks[cause, default: 0] += 1 }
        if truth.latitudeDegrees != truthAssessed.latitudeDegrees || truth.longitudeDegrees != truthAssessed.longitudeDegrees
            || !truthAssessed.valid
        {
            // Assessed again only when the true position moved (a fixed site: once).
            let decision = expectedPolicy.assess(
                GeodeticCoordinate(latitudeDegrees: truth.latitudeDegrees, longitudeDegrees: truth.longitudeDegrees))
            truthAssessed = (truth.latitudeDegrees, truth.longitudeDegrees, decision, true)
        }
        let truthRestricted = restrictsEmission(truthAssessed.decision)
        networkSwitchJudge.tick(seconds: seconds, serving: servingNetwork(), truth: truthAssessed.decision, lineHigh: lineHigh)
        // Emission needs transmit-enable and the PA supply; the PA line's level as the bench
        // sees it (unknown on a bench that cannot tell: then transmit-enable alone decides).
        let emitting = lineHigh && bench.outputLevel(.paPower) != .inactive
        // The safety invariants judge transmit-enable, except while its own line (or its sense)
        // has failed: stuck high, cutting the PA supply is the only way off, so they judge
        // emission then. (Judging emission always would hide an interlock that ignores faults:
        // the PA supply also drops on a fault.)
        let transmitLineFailing = gpioFailureEnds.contains { $0.role == .transmitEnable || $0.role == .transmitEnableSense }
        let judgedHigh = checks.judgesEmission && transmitLineFailing ? emitting : lineHigh
        checks.tick(
            atNanoseconds: context.scheduledNanoseconds, wall: MonotonicTime.unsignedNanoseconds(),
            lineHigh: judgedHigh, truthRestricted: truthRestricted,
            beamformerConnected: assembly.channels.beamformerHealth.current.isConnected)
        checks.safety(
            atNanoseconds: context.scheduledNanoseconds, emitting: emitting,
            conditionsHeld: core.conditions.allHold && core.interlock.unmet.isEmpty, faultShown: snapshot.state == .fault)
        // Judged as the invariants above: on emission while transmit-enable's own line has failed,
        // and until the firmware has driven it again (its line fault latched: it relies on the
        // PA supply's cut meanwhile). These invariants hold at every tick, not only just after
        // a cause, so the line's last high reading before that would count.
        let laterJudgedHigh =
            checks.judgesEmission && (transmitLineFailing || core.interlock.lineFault != nil) ? emitting : lineHigh
        laterChecks.tick(
            atNanoseconds: context.scheduledNanoseconds, clockUTC: context.scheduledUTC?.nanosecondsSinceUnixEpoch,
            lineHigh: laterJudgedHigh,
            conditionsHeld: core.conditions.allHold && core.interlock.unmet.isEmpty)
        if !bridgeGarbageEnds.isEmpty {
            laterChecks.bridgeTick(
                atNanoseconds: context.scheduledNanoseconds, garbageReplies: bench.garbageRepliesSent,
                appliedAtNanoseconds: assembly.channels.beamformerHealth.current.appliedAtNanoseconds, lineHigh: laterJudgedHigh)
        }
        let action = core.geofenceDecision.action
        if action != lastAction {
            let zone = core.geofenceDecision.zoneName.map { " (\($0))" } ?? ""
            // Where a zone binds some networks only, which may still transmit.
            let spared = core.geofenceDecision.transmitPermittedConstellations
            let networks = action != .allow && !spared.isEmpty ? "; transmit permitted: \(spared)" : ""
            note(seconds, "geofence: \(action)\(zone), \(core.geofenceDecision.reason)\(networks)")
            lastAction = action
        }
        assembly.channels.history.drain { history.append($0) }
        if context.tickIndex % UInt64(scenario.tickHertz) == 0 {
            track.append((seconds, truth.latitudeDegrees, truth.longitudeDegrees))
        }
    }

    /// What the daemon's service-days thread does: count the day, save, audit, hand the
    /// counters to the tick.
    private mutating func keepServiceDays(seconds: Double) {
        let snapshot = assembly.core.snapshot
        do {
            let entries = try serviceDays.observe(snapshot)
            for entry in entries {
                _ = try? assembly.auditWriter.append(entry)
                note(seconds, "service: \(entry.event) \(entry.reason)")
            }
            if serviceDays.countersChanged { assembly.channels.serviceDays.publish(serviceDays.counters) }
        } catch {
            note(seconds, "service day counters not saved: \(error)")
        }
    }

    private mutating func pace(_ context: TickContext) {
        let next = context.scheduledNanoseconds + periodNanoseconds
        let follow = bench.followsWallClock(atNanoseconds: next, nearEvent: eventWindows.contains { $0.contains(next) })
        pacer.pace(virtualNanoseconds: next, followWallClock: follow, periodNanoseconds: periodNanoseconds)
    }

    mutating func note(_ seconds: Double, _ text: String) {
        events.append(SimulationResult.Event(atSeconds: seconds, text: text))
    }

    func result(wallSeconds: Double, auditLogPath: String, bench outcome: BenchOutcome) -> SimulationResult {
        let tickSeconds = Double(periodNanoseconds) / 1e9
        let scan = try? AuditLog.read(path: auditLogPath)
        let auditRecords = scan?.entries.count ?? 0
        var laterChecks = laterChecks
        if policyDesk?.pushCount ?? 0 > 0 {
            let pushRecords = scan?.entries.count { $0.kind == .policy && $0.details["source"]?.hasPrefix("policy-push-") == true } ?? 0
            laterChecks.pushesFoundInLog(pushRecords, atNanoseconds: Int64(compute.count) * periodNanoseconds)
        }
        let handovers = assembly.map { Int($0.core.snapshot.handovers) } ?? 0
        var result = SimulationResult(
            scenario: scenario.name, simulatedSeconds: Double(compute.count) * tickSeconds, ticks: compute.count,
            wallSeconds: wallSeconds, trackedSeconds: Double(trackedTicks) * tickSeconds,
            transmitOnSeconds: Double(transmitTicks) * tickSeconds, handovers: handovers,
            outageSeconds: outageTicks.mapValues { Double($0) * tickSeconds }, events: events,
            transmitSwitches: transmitSwitches,
            computeNanoseconds: (compute.percentile(0.5), compute.percentile(0.99), compute.maximumNanoseconds),
            computeHistogram: compute.logarithmicBuckets(), ticksOverPeriod: compute.overPeriod, auditRecords: auditRecords, auditLogPath: auditLogPath,
            beamformerLatches: outcome.beamformerLatches, history: history, track: track,
            satelliteNames: assembly.map { $0.satellites.map(\.name) } ?? [],
            reactions: checks.reactions, wallClockStretchSeconds: Double(pacer.wallClockStretchNanoseconds) / 1e9,
            benchNotes: outcome.notes,
            verdicts: checks.verdicts(
                transmitFraction: Double(transmitTicks) / Double(max(1, compute.count)), handovers: handovers)
                + outcome.verdicts
                + (scenario.expectations.contains(.safetyInvariants) ? laterChecks.verdicts() : []),
            cutShortAtSeconds: nil)
        result.invariantChecks = checks.invariantChecks + laterChecks.invariantChecks
        let laterViolation = scenario.expectations.contains(.safetyInvariants) ? laterChecks.firstViolationNanoseconds : nil
        let firstViolation = [checks.firstViolationNanoseconds, laterViolation].compactMap { $0 }.min()
        result.firstViolationSeconds = firstViolation.map { Double($0) / 1e9 }
        result.transmitRisingEdges = transmitRisingEdges
        result.verdicts += serviceJudge.verdicts(scenario.serviceExpectations)
        result.verdicts += networkSwitchJudge.verdicts(scenario.serviceExpectations)
        result.finalService = assembly?.core.serviceDecision ?? .initial
        return result
    }
}
