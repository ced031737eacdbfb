import Beam
import Drivers
import Geofence
import HAL
import Orbit
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
public final class TerminalCore {
    /// How often a snapshot is published, in ticks.
    public var snapshotIntervalTicks: UInt64 = 10
    /// How long after the newest posted steering the beamformer may lag before the beam is
    /// considered wrong (the driver needs a few milliseconds per update), nanoseconds.
    public var beamformerLagNanoseconds: UInt64 = 50_000_000
    /// The channels.
    public let channels: TerminalChannels
    /// The interlock (read-only use outside the tick).
    public let interlock: TransmitInterlock
    /// The fault monitor.
    public let faults: FaultMonitor
    /// The state after the last tick.
    public private(set) var state: TerminalState = .boot
    /// The snapshot of the last tick.
    public internal(set) var snapshot = TerminalSnapshot.initial
    /// The geofence decision of the last tick.
    public private(set) var geofenceDecision: GeofenceDecision
    /// The transmit conditions the tick evaluated last.
    public private(set) var conditions = TransmitConditions()

    private var pointing: PointingTick
    private var geofence: GeofenceEvaluator
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
    public init(
        channels: TerminalChannels, pointing: consuming PointingTick, policy: GeofencePolicy,
        policyValidUntilUnixNanoseconds: Int64, geofence configuration: GeofenceConfiguration = GeofenceConfiguration(),
        interlock: TransmitInterlock, faults: FaultMonitor, powerAmplifier: PowerAmplifierSupply?, statusLED: StatusLED?
    ) {
        self.channels = channels
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
    public var pointingSample: PointingSample { pointing.lastSample }

    /// The satellite tracker (for mapping indices to names off the tick).
    public var tracker: SatelliteTracker { pointing.tracker }

    /// The policy in force.
    public var policy: GeofencePolicy { geofence.policy }

    /// One tick (see the type's notes).
    public func tick(_ context: TickContext) {
        let now = UInt64(max(0, context.scheduledNanoseconds))
        let utc = context.scheduledUTC
        let utcTimestamp = utc.map { Self.timestamp($0) }
        if channels.isStowRequested {
            stow(atNanoseconds: now, utc: utcTimestamp)
            publish(context, steered: false)
            return
        }
        takePolicy()
        takeFix()
        geofenceDecision = geofence.decide(at: .nanoseconds(context.scheduledNanoseconds))
        let faultSet = faults.update(atNanoseconds: now, utc: utcTimestamp)
        let forbidden = geofenceDecision.action == .noService
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

        var conditions = TransmitConditions()
        conditions.utcKnown = utc != nil
        conditions.positionFixFresh = !geofenceDecision.reason.isFailClosed && fix.sequence > 0
        conditions.insideAllowedZone = geofenceDecision.permitsTransmit
        conditions.satelliteScheduled = sample.satelliteIndex >= 0
        conditions.insideScanLimit = steered
        conditions.noHardwareFault = faultSet.isEmpty && interlock.lineFault == nil
        conditions.loopDeadlinesMet = context.recentDeadlinesMet
        conditions.policyValid = utc.map { $0.nanosecondsSinceUnixEpoch <= policyValidUntilUnixNanoseconds } ?? false
        conditions.beamformerHealthy = beamformerReady
        self.conditions = conditions
        interlock.update(conditions, atNanoseconds: now, utc: utcTimestamp)

        let fault = !faultSet.isEmpty || interlock.lineFault != nil
        _ = try? powerAmplifier?.update(wanted: steered && !forbidden, fault: fault)
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
        _ = try? statusLED?.update(Self.pattern(for: state), tick: context.tickIndex)
        publish(context, steered: steered, beamformerReady: beamformerReady, faults: faultSet)
    }

    /// The version of the steering last posted to the beamformer driver (0: none yet).
    public var postedSteeringVersion: UInt64 { postedVersion }

    /// Calls `body` with the channel codes (phase and gain by element) of the steering last
    /// posted — the codes the bridge must apply. Loop thread only.
    public func withPostedSteering<Result>(_ body: (UnsafeBufferPointer<BeamformerChannelCode>) -> Result) -> Result {
        body(UnsafeBufferPointer(channelCodes))
    }

    /// Transmit off at once, PA off, LED off (a stow: the operator's, or the one before the
    /// daemon stops; the tick calls it every tick while either is requested); the state becomes
    /// `stowed`. Lines keep their safe states; releasing them is the owner's job.
    public func stow(atNanoseconds now: UInt64, utc: UTCTimestamp?) {
        interlock.forceOff(atNanoseconds: now, utc: utc)
        _ = try? powerAmplifier?.update(wanted: false, fault: true)
        _ = try? statusLED?.update(.off, tick: 0)
        state = .stowed
    }

    private func takePolicy() {
        guard let update = channels.policies.takeIfPresent() else { return }
        let old = geofence.policy
        geofence.replacePolicy(update.policy)
        policyValidUntilUnixNanoseconds = update.validUntilUnixNanoseconds
        channels.policies.retire(old)
    }

    private func takeFix() {
        let latest = channels.fixes.read()
        guard latest.sequence != lastFixSequence, latest.sequence > 0 else { return }
        lastFixSequence = latest.sequence
        fix = latest
        _ = geofence.update(
            fix: PositionFix(
                coordinate: GeodeticCoordinate(latitudeDegrees: latest.latitudeDegrees, longitudeDegrees: latest.longitudeDegrees),
                horizontalUncertaintyMetres: latest.horizontalUncertaintyMetres,
                monotonicTime: .nanoseconds(latest.receivedAtNanoseconds)))
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
