import Geofence

/// The terminal at one tick, for the status API and the live status line: a few words,
/// `BitwiseCopyable`, published by the tick through a `LatestValueMailbox` (every
/// `TerminalCore.snapshotIntervalTicks` ticks).
package struct TerminalSnapshot: Sendable, Hashable, BitwiseCopyable {
    /// The loop's tick index.
    package var tickIndex: UInt64
    /// Monotonic time of the tick, nanoseconds.
    package var monotonicNanoseconds: Int64
    /// UTC of the tick, nanoseconds since the Unix epoch, or `Int64.min` when unknown.
    package var utcNanoseconds: Int64
    /// State.
    package var state: TerminalState
    /// Serving satellite (tracker index) or -1.
    package var servingIndex: Int32
    /// Commanded beam direction: azimuth, degrees.
    package var azimuthDegrees: Double
    /// Commanded beam direction: elevation, degrees.
    package var elevationDegrees: Double
    /// Angle of the beam off the array's boresight, degrees.
    package var offBoresightDegrees: Double
    /// Transmit enabled (the interlock's line).
    package var transmitEnabled: Bool
    /// The transmit conditions not met (`TransmitConditionSet` raw value).
    package var unmetConditions: UInt16
    /// Latched hardware faults (`FaultSourceSet` raw value).
    package var faults: UInt8
    /// Geofence action in force for the network in use (`ServiceAction` raw value; see
    /// `TerminalCore.networkAction`).
    package var geofenceAction: UInt8
    /// The policy rule deciding it, or -1 (the default).
    package var geofenceRuleIndex: Int32
    /// Distance to the nearest relevant zone boundary, metres (NaN when none within range).
    package var boundaryDistanceMetres: Double
    /// Why not in service, `OutageCause` raw value, or 255.
    package var outageCause: UInt8
    /// Last fix: latitude, degrees (NaN without one).
    package var latitudeDegrees: Double
    /// Last fix: longitude, degrees.
    package var longitudeDegrees: Double
    /// Last fix: horizontal uncertainty, metres.
    package var horizontalUncertaintyMetres: Double
    /// The beamformer bridge is connected and applying the steering.
    package var beamformerReady: Bool
    /// Handovers so far.
    package var handovers: UInt64
    /// Ticks with transmit enabled so far.
    package var transmitTicks: UInt64
    /// The PA supply's write fault is latched (a failed write to `pa_power`).
    package var powerAmplifierWriteFault: Bool = false
    /// A failed write or read-back of the status LED is latched.
    package var statusLEDFault: Bool = false
    /// Failed writes to output lines so far (PA supply, status LED).
    package var outputWriteFailures: UInt64 = 0
    /// Milliseconds the loop must still stay healthy before `loop_deadlines_met` holds again
    /// (0 when it holds or the loop is missing deadlines now).
    package var loopRecoveryRemainingMilliseconds: UInt32 = 0
    /// The GNSS fix's UTC minus the system clock's UTC at the fix, milliseconds (0 without one).
    package var clockDisagreementMilliseconds: Int64 = 0
    /// The position's uncertainty grown by the fix's age (the geofence's margin), metres.
    package var grownUncertaintyMetres: Double = .nan
    /// The service rules' decision: reason code, permitted constellations, place, measurements.
    package var service: ServiceDecision = .initial
    /// The networks the scheduler may choose among here (`TerminalCore.schedulingNetworks`).
    package var schedulingNetworks: ConstellationSet = .all
    /// No network the board can use may receive here: slots are restricted.
    package var schedulingRestricted: Bool = true

    /// Before the first tick.
    package static let initial = TerminalSnapshot(
        tickIndex: 0, monotonicNanoseconds: 0, utcNanoseconds: .min, state: .boot, servingIndex: -1, azimuthDegrees: 0,
        elevationDegrees: 0, offBoresightDegrees: 0, transmitEnabled: false, unmetConditions: 0, faults: 0, geofenceAction: 2,
        geofenceRuleIndex: -1, boundaryDistanceMetres: .nan, outageCause: 255, latitudeDegrees: .nan, longitudeDegrees: .nan,
        horizontalUncertaintyMetres: .nan, beamformerReady: false, handovers: 0, transmitTicks: 0)

    /// The outage cause, if any.
    package var outage: OutageCause? { OutageCause(rawValue: outageCause) }
}
