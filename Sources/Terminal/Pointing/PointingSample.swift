/// What one tick of beam pointing did: the telemetry record of the pointing tick.
public struct PointingSample: Sendable, Hashable, BitwiseCopyable {
    /// The outcome of a tick.
    public enum Status: UInt8, Sendable, Hashable, BitwiseCopyable {
        /// Phases written toward the serving satellite.
        case steered
        /// UTC is not known: no schedule can be followed (safety invariant 5).
        case noUTC
        /// No satellite is assigned for this instant.
        case noSatellite
        /// The serving satellite could not be propagated.
        case propagationFailed
        /// The serving satellite is below the horizon.
        case belowHorizon
        /// The serving satellite is outside the array's scan cone.
        case outsideScanCone
        /// Not pointing: service is forbidden here (geofence noService).
        case serviceForbidden
    }

    /// The loop's tick index.
    public var tickIndex: UInt64
    /// The instant pointed for (the tick's scheduled UTC), nanoseconds since the Unix epoch.
    public var utcNanoseconds: Int64
    /// The satellite pointed at (index into the tracker), or -1.
    public var satelliteIndex: Int32
    /// What happened.
    public var status: Status
    /// Commanded azimuth, degrees from north (valid when the satellite was propagated).
    public var azimuthDegrees: Double
    /// Commanded elevation, degrees.
    public var elevationDegrees: Double
    /// Angle off the array's boresight, degrees (valid when steered).
    public var offBoresightDegrees: Double
    /// Scan loss, dB (valid when steered).
    public var scanLossDecibels: Double

    /// The sample of a tick that did nothing yet.
    public static let idle = PointingSample(
        tickIndex: 0, utcNanoseconds: 0, satelliteIndex: -1, status: .noUTC, azimuthDegrees: 0, elevationDegrees: 0,
        offBoresightDegrees: 0, scanLossDecibels: 0)
}
