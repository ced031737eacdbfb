import DishAPI
import Drivers
import Geofence
import Terminal

/// How the terminal's own vocabulary becomes the dish's (pure functions, so each rule is
/// tested on its own):
///
/// | the terminal | the dish |
/// |---|---|
/// | state `BOOT` | outage `BOOTING` |
/// | state `STOWED` | outage `STOWED` |
/// | `TRACKING`/`HANDOVER` without outage | no outage (CONNECTED) |
/// | `NO_SCHEDULE`, `NO_FIX`, `NO_UTC` | `NO_SCHEDULE` (clients say SEARCHING): no schedule without a place and a time |
/// | `NO_SATS`, `OUT_OF_SCAN` | `NO_SATS` |
/// | `OBSTRUCTED` | `OBSTRUCTED` |
/// | `RESTRICTED` (the geofence) | `INHIBIT_RF` |
/// | `FAULT` | `THERMAL_SHUTDOWN` when over temperature, else `UNKNOWN` |
/// | `BEAMFORMER` | `NO_DOWNLINK` |
///
/// `disablement_code`: the service rules' code (`DisablementCode`, same names):
/// `UNKNOWN_LOCATION` without a usable fix, `BLOCKED_COUNTRY` in a `noService` zone binding
/// the terminal's constellations (a banned state), `BLOCKED_AREA` in a `receiveOnly` one
/// (emission control), then the plan's `MOVING_TOO_FAST_FOR_POLICY`,
/// `TOO_FAR_FROM_SERVICE_ADDRESS`, `IN_OCEAN`, `ROAM_RESTRICTED`; `OKAY` otherwise.
package enum DishStatusMapping {
    /// The dish's outage cause for a snapshot; nil while connected.
    package static func outageCause(_ snapshot: TerminalSnapshot) -> SpaceX_API_Device_DishOutage.Cause? {
        switch snapshot.state {
        case .boot: return .booting
        case .stowed: return .stowed
        default: break
        }
        guard let cause = snapshot.outage else {
            switch snapshot.state {
            case .tracking, .handover: return nil
            case .locating: return .noSchedule
            case .restricted: return .inhibitRf
            case .fault: return faultCause(snapshot)
            default: return .noSchedule
            }
        }
        switch cause {
        case .noSchedule, .noFix, .noUTC: return .noSchedule
        case .noSatellites, .outOfScan: return .noSats
        case .obstructed: return .obstructed
        case .restricted: return .inhibitRf
        case .fault: return faultCause(snapshot)
        case .beamformer: return .noDownlink
        }
    }

    private static func faultCause(_ snapshot: TerminalSnapshot) -> SpaceX_API_Device_DishOutage.Cause {
        FaultSourceSet(rawValue: snapshot.faults).contains(.overTemperature) ? .thermalShutdown : .unknown
    }

    /// The service rules' decision (``ServiceDecision``, which starts from the geofence's) as
    /// the dish's disablement code; `UNKNOWN_LOCATION` whenever the snapshot has no usable fix.
    package static func disablementCode(_ snapshot: TerminalSnapshot) -> SpaceX_API_Satellites_Network_UtDisablementCode {
        if !hasUsableFix(snapshot) { return .unknownLocation }
        guard let action = ServiceAction(rawValue: Int(snapshot.geofenceAction)) else { return .unknownState }
        guard snapshot.service.code == .unknownLocation else { return disablementCode(snapshot.service.code) }
        // A usable fix but no rules' decision yet (a snapshot from before the tick's first
        // decision): the geofence's action alone.
        switch action {
        case .allow: return .okay
        case .receiveOnly: return .blockedArea
        case .noService: return .blockedCountry
        }
    }

    /// A reason code as the dish's enum value (the same names).
    package static func disablementCode(_ code: DisablementCode) -> SpaceX_API_Satellites_Network_UtDisablementCode {
        switch code {
        case .unknownLocation: .unknownLocation
        case .blockedCountry: .blockedCountry
        case .blockedArea: .blockedArea
        case .movingTooFastForPolicy: .movingTooFastForPolicy
        case .tooFarFromServiceAddress: .tooFarFromServiceAddress
        case .inOcean: .inOcean
        case .roamRestricted: .roamRestricted
        case .okay: .okay
        }
    }

    /// Whether the snapshot has a position the geofence could decide on.
    package static func hasUsableFix(_ snapshot: TerminalSnapshot) -> Bool {
        snapshot.latitudeDegrees.isFinite && snapshot.longitudeDegrees.isFinite && snapshot.outage != .noFix
            && !TransmitConditionSet(rawValue: snapshot.unmetConditions).contains(.positionFixFresh)
    }

    /// `alerts` from the status API's alert names (the dish's where one fits).
    package static func alerts(_ names: [String]) -> SpaceX_API_Device_DishAlerts {
        var alerts = SpaceX_API_Device_DishAlerts()
        let set = Set(names)
        alerts.thermalShutdown = set.contains("thermal_shutdown")
        alerts.unexpectedLocation = set.contains("unexpected_location")
        alerts.motorsStuck = false
        return alerts
    }

    /// One history sample as the dish's second: modelled link figures (``DishLinkModel``).
    package static func second(_ sample: HistorySample) -> DishHistorySecond {
        let cause = outageCause(sample)
        let drop = DishLinkModel.popPingDropRate(inOutage: cause != nil, trackingFraction: Double(sample.trackingFraction))
        let latency =
            cause == nil && sample.servingIndex >= 0
            ? DishLinkModel.popPingLatencyMilliseconds(elevationDegrees: Double(sample.elevationDegrees)) : .nan
        let throughput = DishLinkModel.throughputBitsPerSecond(dropRate: drop)
        return DishHistorySecond(
            utcSeconds: sample.utcSeconds, popPingDropRate: Float(drop), popPingLatencyMilliseconds: Float(latency),
            downlinkBitsPerSecond: Float(throughput.downlink), uplinkBitsPerSecond: Float(throughput.uplink),
            outageCause: cause)
    }

    /// The outage of a history second (its state and outage as a snapshot would give them).
    package static func outageCause(_ sample: HistorySample) -> SpaceX_API_Device_DishOutage.Cause? {
        var snapshot = TerminalSnapshot.initial
        snapshot.state = sample.state
        snapshot.outageCause = sample.outageCause
        return outageCause(snapshot)
    }
}
