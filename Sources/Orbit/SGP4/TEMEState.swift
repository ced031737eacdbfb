/// A position and velocity in the True Equator, Mean Equinox (TEME) frame of date, the
/// frame SGP4 produces (AIAA 2006-6753, §"Coordinate frames").
public struct TEMEState: Sendable, Hashable {
    /// Position, km.
    public var positionKilometres: SIMD3<Double>
    /// Velocity, km/s.
    package var velocityKilometresPerSecond: SIMD3<Double>

    /// Builds a state from its two vectors.
    public init(positionKilometres: SIMD3<Double>, velocityKilometresPerSecond: SIMD3<Double>) {
        self.positionKilometres = positionKilometres
        self.velocityKilometresPerSecond = velocityKilometresPerSecond
    }
}
