import Drivers
import Geofence
import RealTime

extension TerminalCore {
    /// The status LED pattern of each state.
    static func pattern(for state: TerminalState) -> StatusLEDPattern {
        switch state {
        case .boot, .stowed: .off
        case .locating, .searching: .slowBlink
        case .tracking, .handover: .solid
        case .restricted: .doubleBlink
        case .fault: .fastBlink
        }
    }

    /// Why the terminal is out of service at this tick, or nil when it is tracking.
    func outageCause(_ context: TickContext, steered: Bool, beamformerReady: Bool, faults: FaultSourceSet) -> OutageCause? {
        guard let utc = context.scheduledUTC else { return .noUTC }
        if !faults.isEmpty || interlock.lineFault != nil || powerAmplifierWriteFault || statusLEDFault { return .fault }
        if conditions.positionFixFresh == false { return .noFix }
        if networkAction == .noService { return .restricted }
        switch serviceDecision.code {
        case .movingTooFastForPolicy, .tooFarFromServiceAddress, .inOcean, .roamRestricted: return .restricted
        default: break
        }
        let sample = pointingSample
        if sample.satelliteIndex < 0 {
            return pointingCurrentAssignmentOutage(atUnixNanoseconds: utc.nanosecondsSinceUnixEpoch) ?? .noSchedule
        }
        if !steered { return .outOfScan }
        if !beamformerReady { return .beamformer }
        return nil
    }

    /// Publishes the snapshot (every `snapshotIntervalTicks`) and accumulates the history.
    func publish(_ context: TickContext, steered: Bool, beamformerReady: Bool = false, faults: FaultSourceSet = []) {
        let sample = pointingSample
        let outage = state == .stowed ? nil : outageCause(context, steered: steered, beamformerReady: beamformerReady, faults: faults)
        var next = snapshot
        next.tickIndex = context.tickIndex
        next.monotonicNanoseconds = context.scheduledNanoseconds
        next.utcNanoseconds = context.scheduledUTC?.nanosecondsSinceUnixEpoch ?? .min
        next.state = state
        next.servingIndex = steered ? sample.satelliteIndex : -1
        next.azimuthDegrees = sample.azimuthDegrees
        next.elevationDegrees = sample.elevationDegrees
        next.offBoresightDegrees = sample.offBoresightDegrees
        next.transmitEnabled = interlock.isTransmitEnabled
        next.unmetConditions = interlock.unmet.rawValue
        next.faults = faults.rawValue
        next.geofenceAction = UInt8(networkAction.rawValue)
        next.schedulingNetworks = schedulingNetworks
        next.schedulingRestricted = schedulingRestricted
        next.geofenceRuleIndex = Int32(geofenceDecision.ruleIndex ?? -1)
        next.boundaryDistanceMetres = geofenceDecision.boundaryDistanceMetres ?? .nan
        next.outageCause = outage?.rawValue ?? 255
        next.latitudeDegrees = latestFix.latitudeDegrees
        next.longitudeDegrees = latestFix.longitudeDegrees
        next.horizontalUncertaintyMetres = latestFix.horizontalUncertaintyMetres
        next.beamformerReady = beamformerReady
        next.powerAmplifierWriteFault = powerAmplifierWriteFault
        next.statusLEDFault = statusLEDFault
        next.outputWriteFailures = outputWriteFailures
        next.loopRecoveryRemainingMilliseconds = loopRecoveryRemainingMilliseconds(atNanoseconds: context.scheduledNanoseconds)
        next.clockDisagreementMilliseconds = clockDisagreementMilliseconds
        next.grownUncertaintyMetres = grownUncertaintyMetres(atNanoseconds: context.scheduledNanoseconds)
        next.service = serviceDecision
        if interlock.isTransmitEnabled { next.transmitTicks += 1 }
        snapshot = next
        if context.tickIndex % snapshotIntervalTicks == 0 { channels.snapshots.publish(next) }
        if let completed = historyAccumulator.add(next, steered: steered) { _ = channels.history.tryPush(completed) }
    }
}

/// Folds ticks into one `HistorySample` per UTC second (per 1,000 ticks while UTC is unknown).
struct HistoryAccumulator {
    private var current = HistorySample.empty
    private var transmitTicks = 0
    private var trackingTicks = 0
    private var secondKey = Int64.min

    /// Adds a tick; returns the completed sample when this tick starts a new second.
    mutating func add(_ snapshot: TerminalSnapshot, steered: Bool) -> HistorySample? {
        let key =
            snapshot.utcNanoseconds == .min
            ? -1 - Int64(snapshot.tickIndex / 1_000)
            : snapshot.utcNanoseconds.floorDivided(by: 1_000_000_000)
        var completed: HistorySample?
        if key != secondKey {
            if secondKey != .min, current.ticks > 0 {
                current.transmitFraction = Float(transmitTicks) / Float(current.ticks)
                current.trackingFraction = Float(trackingTicks) / Float(current.ticks)
                completed = current
            }
            secondKey = key
            current = .empty
            current.utcSeconds = max(0, key)
            transmitTicks = 0
            trackingTicks = 0
        }
        current.ticks &+= 1
        if snapshot.transmitEnabled { transmitTicks += 1 }
        if steered { trackingTicks += 1 }
        current.monotonicNanoseconds = snapshot.monotonicNanoseconds
        current.state = snapshot.state
        current.servingIndex = snapshot.servingIndex
        current.azimuthDegrees = Float(snapshot.azimuthDegrees)
        current.elevationDegrees = Float(snapshot.elevationDegrees)
        current.geofenceAction = snapshot.geofenceAction
        current.outageCause = snapshot.outageCause
        current.latitudeDegrees = snapshot.latitudeDegrees
        current.longitudeDegrees = snapshot.longitudeDegrees
        return completed
    }
}

extension Int64 {
    /// Division rounding toward minus infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
