/// What one tick of beam pointing did: the telemetry record of the pointing tick.
public struct PointingSample: Sendable, Hashable, BitwiseCopyable {
    /// The outcome of a tick.
    package enum Status: UInt8, Sendable, Hashable, BitwiseCopyable {
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
    package var tickIndex: UInt64
    /// The instant pointed for (the tick's scheduled UTC), nanoseconds since the Unix epoch.
    package var utcNanoseconds: Int64
    /// The satellite pointed at (index into the tracker), or -1.
    package var satelliteIndex: Int32
    /// What happened.
    package var status: Status
    /// Commanded azimuth, degrees from north (valid when the satellite was propagated).
    package var azimuthDegrees: Double
    /// Commanded elevation, degrees.
    package var elevationDegrees: Double
    /// Angle off the array's boresight, degrees (valid when steered).
    package var offBoresightDegrees: Double
    /// Scan loss, dB (valid when steered).
    package var scanLossDecibels: Double

    /// The sample of a tick that did nothing yet.
    package static let idle = PointingSample(
        tickIndex: 0, utcNanoseconds: 0, satelliteIndex: -1, status: .noUTC, azimuthDegrees: 0, elevationDegrees: 0,
        offBoresightDegrees: 0, scanLossDecibels: 0)
}
