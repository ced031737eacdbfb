import Beam
import Drivers
import Geofence
import HAL
import Orbit
import Platform
import RealTime

/// The terminal's real-time tick: everything that must happen within a millisecond, in a
/// fixed order, every tick.
///
/// 1. Take a new policy (if the daemon deposited one) and a new position fix; move the
///    observer; feed the geofence evaluator.
/// 2. Decide the geofence action at this tick (fail-closed on no/stale/implausible fixes).
/// 3. Take in fault edges and levels.
/// 4. Point: propagate the serving satellite, steer the array (unless service is forbidden);
///    post the phase codes to the beamformer driver.
/// 5. Evaluate every transmit condition (safety invariant 1 and 5) and let the interlock
///    switch (off at once; on only after the audit record is durable: invariant 4).
/// 6. PA supply, status LED, state, telemetry (snapshot, 1 s history).
///
/// Nothing here allocates, locks (beyond never-waiting try-locks) or blocks; the slower
/// parts talk to it through `TerminalChannels`. Use from the loop thread only.
package final class TerminalCore {
    /// How often a snapshot is published, in ticks.
    package var snapshotIntervalTicks: UInt64 = 10
    /// How long after the newest posted steering the beamformer may lag before the beam is
    /// considered wrong (the driver needs a few milliseconds per update), nanoseconds.
    package var beamformerLagNanoseconds: UInt64 = 50_000_000
    /// After the loop lost its health (missed deadlines), how long it must report healthy again
    /// before `loop_deadlines_met` holds (off at once, on only after a sustained recovery, so a
    /// loaded machine gives a steady terminal and a short audit log), nanoseconds. Counted from
    /// the first healthy tick (the loop itself reports healthy once its health window of ticks
    /// ran without an overrun). Not applied at start-up, where the loop has no health to regain.
    package var loopRecoveryNanoseconds: UInt64 = 2_000_000_000
    /// The largest difference between a GNSS fix's UTC and the system clock's UTC at the fix
    /// that is not a time-validity fault (invariant 5), nanoseconds.
    package var maximumClockDisagreementNanoseconds: Int64 = 3_000_000_000
    /// The channels.
    package let channels: TerminalChannels
    /// The interlock (read-only use outside the tick).
    package let interlock: TransmitInterlock
    /// The fault monitor.
    package let faults: FaultMonitor
    /// The state after the last tick.
    package private(set) var state: TerminalState = .boot
    /// The snapshot of the last tick.
    package internal(set) var snapshot = TerminalSnapshot.initial
    /// The geofence decision of the last tick.
    package private(set) var geofenceDecision: GeofenceDecision
    /// The service rules' decision of the last tick (beside ``geofenceDecision``).
    package private(set) var serviceDecision = ServiceDecision.initial
    /// The transmit conditions the tick evaluated last.
    package private(set) var conditions = TransmitConditions()
    /// The networks the board can use (`TerminalAssembly` sets the board's; all by default).
    package var usableNetworks = ConstellationSet.all {
        didSet { schedulingNetworks = usableNetworks }
    }
    /// The geofence's action for the network in use (the scheduled satellite's, else the
    /// board's): what decides pointing, `inside_allowed_zone` and the status.
    package private(set) var networkAction = ServiceAction.noService
    /// The networks the scheduler may choose among here (kept while the fix is missing or
    /// doubtful; see `GeofenceDecision.schedulingNetworks(usable:)`).
    package private(set) var schedulingNetworks = ConstellationSet.all
    /// No network the board can use may even receive here: the scheduler marks slots restricted.
    package private(set) var schedulingRestricted = true

    private var pointing: PointingTick
    private var geofence: GeofenceEvaluator
    private var serviceRules: ServiceRulesEvaluator
    private var policyValidUntilUnixNanoseconds: Int64
    private let powerAmplifier: PowerAmplifierSupply?
    private let statusLED: StatusLED?
    private let phaseStepCodes: UInt8
    private let channelCodes: UnsafeMutableBufferPointer<BeamformerChannelCode>
    private var postedVersion: UInt64 = 0
    private var postedAtNanoseconds: UInt64 = 0
    private var beamformer = BeamformerHealth()
    private var lastFixSequence: UInt64 = 0
    private var fix = FixSnapshot.none
    private let audit: AuditHandoff?
    private var loopWasHealthy = false
    private var loopRecovering = false
    private var loopHealthySinceNanoseconds: UInt64?
    private var clockDisagreementNanoseconds: Int64 = 0
    private var clocksDisagree = false
    private var ledWriteFailures: UInt64 = 0
    private var ledFault = false
    private var ledLastCallSucceeded = true
    /// How often the output lines are read back (`verifyLines`), in ticks (the assembly makes
    /// it 100 ms).
    package var lineCheckIntervalTicks: UInt64 = 100

    /// The last position fix taken in.
    var latestFix: FixSnapshot { fix }

    /// The scheduler's outage reason for the slot in force, if it gave one.
    func pointingCurrentAssignmentOutage(atUnixNanoseconds unixNanoseconds: Int64) -> OutageCause? {
        pointing.currentAssignment.outage(atUnixNanoseconds: unixNanoseconds)
    }
    private var lastServing: Int32 = -1
    private var servingSinceNanoseconds: Int64 = 0
    var historyAccumulator = HistoryAccumulator()

    /// A terminal core over opened lines and drivers.
    /// - Parameters:
    ///   - pointing: the pointing tick (tracker, array, reading `channels.assignments`).
    ///   - policy: the policy in force at start, valid until `policyValidUntilUnixNanoseconds`.
    package init(
        channels: TerminalChannels, pointing: consuming PointingTick, policy: GeofencePolicy,
        policyValidUntilUnixNanoseconds: Int64, geofence configuration: GeofenceConfiguration = GeofenceConfiguration(),
        interlock: TransmitInterlock, faults: FaultMonitor, powerAmplifier: PowerAmplifierSupply?, statusLED: StatusLED?,
        audit: AuditHandoff? = nil, serviceRules rules: ServiceRules = .none, subscription: ServiceSubscription = ServiceSubscription()
    ) {
        self.channels = channels
        serviceRules = ServiceRulesEvaluator(subscription: subscription, rules: rules)
        self.audit = audit
        self.geofence = GeofenceEvaluator(policy: policy, configuration: configuration)
        self.policyValidUntilUnixNanoseconds = policyValidUntilUnixNanoseconds
        self.interlock = interlock
        self.faults = faults
        self.powerAmplifier = powerAmplifier
        self.statusLED = statusLED
        phaseStepCodes = UInt8(clamping: pointing.array.phaseShifter.stateCount - 1)
        channelCodes = .allocate(capacity: pointing.array.elementCount)
        channelCodes.initialize(repeating: .zero)
        geofenceDecision = GeofenceDecision(
            action: configuration.failClosedAction, reason: .noFix, ruleIndex: nil, zoneName: nil, boundaryDistanceMetres: nil)
        self.pointing = pointing
    }

    deinit { channelCodes.deallocate() }

    /// The pointing tick's last sample.
    package var pointingSample: PointingSample { pointing.lastSample }

    /// The satellite tracker (for mapping indices to names off the tick).
    package var tracker: SatelliteTracker { pointing.tracker }

    /// The policy in force.
    package var policy: GeofencePolicy { geofence.policy }

    /// The service rules' evaluator (read-only use outside the tick: its plan, home region).
    package var serviceRulesEvaluator: ServiceRulesEvaluator { serviceRules }

    /// One tick (see the type's notes).
    package func tick(_ context: TickContext) {
        let now = UInt64(max(0, context.scheduledNanoseconds))
        let utc = context.scheduledUTC
        if channels.isStowRequested {
            stow(atNanoseconds: now, utc: utc)
            // A stow does not pause the supervision of the output lines: a chip that stops
            // answering while stowed is found, and transmit-enable's failed off-write retried.
            if context.tickIndex % max(1, lineCheckIntervalTicks) == 0 { verifyLines(atNanoseconds: now, utc: utc) }
            publish(context, steered: false)
            return
        }
        takePolicy()
        takeEphemeris()
        takeFix()
        geofenceDecision = geofence.decide(at: .nanoseconds(context.scheduledNanoseconds))
        if let counters = channels.serviceDays.readIfUpdated() { serviceRules.updateCounters(counters) }
        serviceDecision = serviceRules.decide(
            geofence: geofenceDecision, on: utc.map { UTCDay(unixNanoseconds: $0.nanosecondsSinceUnixEpoch) })
        let faultSet = faults.update(atNanoseconds: now, utc: utc)
        // The geofence judges the network the terminal uses: the scheduled satellite's (a zone
        // may ban one operator and spare another), or while none is scheduled, the board's.
        let network = servingNetwork(pointing.scheduledSatellite(context))
        networkAction = geofenceDecision.action(for: network.map { ConstellationSet($0) } ?? usableNetworks)
        if let networks = geofenceDecision.schedulingNetworks(usable: usableNetworks) { schedulingNetworks = networks }
        schedulingRestricted = geofenceDecision.action(for: usableNetworks) == .noService
        let forbidden = networkAction == .noService
        if forbidden {
            pointing.idle(context, status: .serviceForbidden)
        } else {
            pointing.tick(context)
        }
        let sample = pointing.lastSample
        let steered = sample.status == .steered
        if steered { postSteering(atNanoseconds: now) }
        if let health = channels.beamformerHealth.tryRead() { beamformer = health }
        let beamformerReady = beamformer.isReady(
            postedVersion: postedVersion, postedAtNanoseconds: postedAtNanoseconds, atNanoseconds: now,
            maximumLagNanoseconds: beamformerLagNanoseconds)

        if context.tickIndex % max(1, lineCheckIntervalTicks) == 0 { verifyLines(atNanoseconds: now, utc: utc) }
        let outputFault = (powerAmplifier?.hasFault ?? false) || ledFault
        var conditions = TransmitConditions()
        conditions.utcKnown = utc != nil
        conditions.positionFixFresh = !geofenceDecision.reason.isFailClosed && fix.sequence > 0
        conditions.insideAllowedZone = networkAction.permitsTransmit
        conditions.satelliteScheduled = sample.satelliteIndex >= 0
        conditions.insideScanLimit = steered
        conditions.noHardwareFault = faultSet.isEmpty && interlock.lineFault == nil && !outputFault
        conditions.loopDeadlinesMet = loopHealthy(context.recentDeadlinesMet, atNanoseconds: now)
        conditions.policyValid = utc.map { $0.nanosecondsSinceUnixEpoch <= policyValidUntilUnixNanoseconds } ?? false
        conditions.beamformerHealthy = beamformerReady
        conditions.clocksAgree = clocksAgree(utc, atNanoseconds: now)
        conditions.serviceRulesMet = serviceDecision.permitsTransmit(servingNetwork: network)
        self.conditions = conditions
        interlock.update(conditions, atNanoseconds: now, utc: utc)

        var fault = !faultSet.isEmpty || interlock.lineFault != nil || outputFault
        powerAmplifier?.update(wanted: steered && !forbidden, fault: fault, atNanoseconds: now, utc: utc)
        if !outputFault, powerAmplifier?.hasFault == true {
            // The PA supply's write failed in this tick: transmit off now, not at the next tick.
            fault = true
            interlock.forceOff(atNanoseconds: now, utc: utc, unmet: TransmitConditionSet(.noHardwareFault))
        }
        if sample.satelliteIndex != lastServing {
            if lastServing >= 0, sample.satelliteIndex >= 0 { snapshot.handovers += 1 }
            lastServing = sample.satelliteIndex
            servingSinceNanoseconds = context.scheduledNanoseconds
        }
        let bridgeLost = beamformer.connectionCount > 0 && !beamformer.isConnected
        state = TerminalState.derive(
            stowed: false, fault: fault || bridgeLost,
            utcKnown: utc != nil, positionUsable: fix.sequence > 0 && !geofenceDecision.reason.isFailClosed,
            serviceForbidden: forbidden, steered: steered,
            switchedSatellite: context.scheduledNanoseconds - servingSinceNanoseconds < 50_000_000)
        updateLED(Self.pattern(for: state), tick: context.tickIndex, now: now, utc: utc)
        publish(context, steered: steered, beamformerReady: beamformerReady, faults: faultSet)
    }

    /// Failed writes to output lines so far (the PA supply's and the status LED's).
    package var outputWriteFailures: UInt64 { UInt64(powerAmplifier?.failedWriteCount ?? 0) + ledWriteFailures }

    /// Whether the PA supply's write fault is latched.
    package var powerAmplifierWriteFault: Bool { powerAmplifier?.hasFault ?? false }

    /// Whether a failed write or read-back of the status LED is latched (a GPIO chip that fails
    /// one line is not trusted with the others: a hardware fault, transmit off).
    package var statusLEDFault: Bool { ledFault }

    /// Clears the latched faults that can be cleared now (fault inputs quiet long enough, the
    /// PA supply's write fault once a write succeeded); audited. Returns whether none remains.
    @discardableResult
    package func clearFaults(atNanoseconds now: UInt64, utc: UTCInstant?) -> Bool {
        let inputs = faults.clear(atNanoseconds: now, utc: utc)
        let supply = powerAmplifier?.clearWriteFault(atNanoseconds: now, utc: utc) ?? true
        if ledFault, ledLastCallSucceeded {
            ledFault = false
            audit?.submit(DriverAuditRecord(.outputWriteFaultCleared(.statusLED), monotonicNanoseconds: now, utc: utc))
        }
        let line = interlock.lineFault == nil || interlock.clearLineFault(atNanoseconds: now, utc: utc)
        return inputs.isEmpty && supply && !ledFault && line
    }

    /// Reads back every output line (see `lineCheckIntervalTicks`): a chip that stopped
    /// answering is found while nothing switches.
    private func verifyLines(atNanoseconds now: UInt64, utc: UTCInstant?) {
        interlock.verifyLine(atNanoseconds: now, utc: utc)
        powerAmplifier?.verifyLine(atNanoseconds: now, utc: utc)
        do {
            try statusLED?.verifyLine()
        } catch {
            ledFailed(error, now, utc)
        }
    }

    private func ledFailed(_ error: GPIOError, _ now: UInt64, _ utc: UTCInstant?) {
        ledWriteFailures &+= 1
        ledLastCallSucceeded = false
        guard !ledFault else { return }
        ledFault = true
        audit?.submit(DriverAuditRecord(.outputWriteFailed(.statusLED, errno: error.errno), monotonicNanoseconds: now, utc: utc))
    }

    /// The milliseconds the loop must still stay healthy at `now` before `loop_deadlines_met`
    /// holds again (0 when it holds, or while the loop reports unhealthy).
    func loopRecoveryRemainingMilliseconds(atNanoseconds now: Int64) -> UInt32 {
        guard loopRecovering, let since = loopHealthySinceNanoseconds, now >= 0 else { return 0 }
        let until = since &+ loopRecoveryNanoseconds
        return UInt64(now) >= until ? 0 : UInt32(clamping: (until - UInt64(now)) / 1_000_000)
    }

    /// The geofence's margin at `now`: the last fix's uncertainty grown by its age (NaN without a fix).
    func grownUncertaintyMetres(atNanoseconds now: Int64) -> Double {
        geofence.grownUncertaintyMetres(at: .nanoseconds(now)) ?? .nan
    }

    /// The clock disagreement of the last fix, milliseconds.
    var clockDisagreementMilliseconds: Int64 { clockDisagreementNanoseconds / 1_000_000 }

    /// `loop_deadlines_met`: off at once when the loop reports missed deadlines; after it
    /// reports healthy again, on only once it has stayed so for `loopRecoveryNanoseconds`.
    private func loopHealthy(_ recentDeadlinesMet: Bool, atNanoseconds now: UInt64) -> Bool {
        guard recentDeadlinesMet else {
            if loopWasHealthy { loopRecovering = true }
            loopHealthySinceNanoseconds = nil
            return false
        }
        loopWasHealthy = true
        guard loopRecovering else { return true }
        let since = loopHealthySinceNanoseconds ?? now
        loopHealthySinceNanoseconds = since
        guard now >= since, now - since >= loopRecoveryNanoseconds else { return false }
        loopRecovering = false
        return true
    }

    /// `clocks_agree`: the last fix's UTC against the loop's UTC at the moment the fix was
    /// received (so the fix's age does not count as disagreement). Transitions are audited.
    private func clocksAgree(_ utc: UTCInstant?, atNanoseconds now: UInt64) -> Bool {
        if let utc, fix.sequence > 0, fix.utcNanoseconds != .min {
            let age = Int64(now) - fix.receivedAtNanoseconds
            let clockAtFix = utc.nanosecondsSinceUnixEpoch &- age
            clockDisagreementNanoseconds = fix.utcNanoseconds &- clockAtFix
            let disagree = clockDisagreementNanoseconds.magnitude > maximumClockDisagreementNanoseconds.magnitude
            if disagree != clocksDisagree {
                clocksDisagree = disagree
                let event: DriverAuditEvent =
                    disagree
                    ? .clockDisagreementRaised(disagreementMilliseconds: clockDisagreementNanoseconds / 1_000_000)
                    : .clockDisagreementCleared
                audit?.submit(DriverAuditRecord(event, monotonicNanoseconds: now, utc: utc))
            }
        }
        return !clocksDisagree
    }

    private func updateLED(_ pattern: StatusLEDPattern, tick: UInt64, now: UInt64, utc: UTCInstant?) {
        do {
            try statusLED?.update(pattern, tick: tick)
            ledLastCallSucceeded = true
        } catch {
            ledFailed(error, now, utc)
        }
    }

    /// The version of the steering last posted to the beamformer driver (0: none yet).
    package var postedSteeringVersion: UInt64 { postedVersion }

    /// Calls `body` with the channel codes (phase and gain by element) of the steering last
    /// posted — the codes the bridge must apply. Loop thread only.
    package func withPostedSteering<Result>(_ body: (UnsafeBufferPointer<BeamformerChannelCode>) -> Result) -> Result {
        body(UnsafeBufferPointer(channelCodes))
    }

    /// Transmit off at once, PA off, LED off (a stow: the operator's, or the one before the
    /// daemon stops; the tick calls it every tick while either is requested); the state becomes
    /// `stowed`. Lines keep their safe states; releasing them is the owner's job.
    package func stow(atNanoseconds now: UInt64, utc: UTCInstant?) {
        interlock.forceOff(atNanoseconds: now, utc: utc)
        powerAmplifier?.update(wanted: false, fault: true, atNanoseconds: now, utc: utc)
        updateLED(.off, tick: 0, now: now, utc: utc)
        state = .stowed
    }

    /// The network of the satellite at tracker index `index` (nil: none).
    private func servingNetwork(_ index: Int32) -> ConstellationName? {
        let satellites = pointing.tracker.ephemeris.satellites
        guard index >= 0, Int(index) < satellites.count else { return nil }
        return ConstellationName(satellites[Int(index)].constellation)
    }

    private func takePolicy() {
        guard let update = channels.policies.takeIfPresent() else { return }
        let old = TickPolicy(policy: geofence.policy, validUntilUnixNanoseconds: policyValidUntilUnixNanoseconds)
        geofence.replacePolicy(update.policy)
        serviceRules.replaceRules(update.serviceRules)
        policyValidUntilUnixNanoseconds = update.validUntilUnixNanoseconds
        channels.policies.retire(old)
    }

    private func takeEphemeris() {
        guard let refreshed = channels.ephemerides.takeIfPresent() else { return }
        channels.ephemerides.retire(pointing.exchangeEphemeris(refreshed))
    }

    private func takeFix() {
        let latest = channels.fixes.read()
        guard latest.sequence != lastFixSequence, latest.sequence > 0 else { return }
        lastFixSequence = latest.sequence
        fix = latest
        let positionFix = PositionFix(
            coordinate: GeodeticCoordinate(latitudeDegrees: latest.latitudeDegrees, longitudeDegrees: latest.longitudeDegrees),
            horizontalUncertaintyMetres: latest.horizontalUncertaintyMetres,
            monotonicTime: .nanoseconds(latest.receivedAtNanoseconds))
        switch geofence.update(fix: positionFix) {
        case .accepted, .implausibleJump: serviceRules.update(fix: positionFix)
        case .invalid, .outOfOrder: break
        }
        if latest.latitudeDegrees.isFinite, latest.longitudeDegrees.isFinite {
            pointing.moveObserver(
                to: GeodeticPosition(
                    latitudeDegrees: latest.latitudeDegrees, longitudeDegrees: latest.longitudeDegrees,
                    heightMetres: latest.heightMetres))
        }
    }

    private func postSteering(atNanoseconds now: UInt64) {
        pointing.withPhaseCodes { codes in
            for index in 0..<min(codes.count, channelCodes.count) {
                channelCodes[index] = BeamformerChannelCode(phaseCode: min(codes[index], phaseStepCodes), gainCode: 127)
            }
        }
        if case .posted(let version) = channels.steering.post(UnsafeBufferPointer(channelCodes), atNanoseconds: now) {
            postedVersion = version
            postedAtNanoseconds = now
        }
    }
}
