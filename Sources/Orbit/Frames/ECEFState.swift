/// A position and velocity in the Earth-centred, Earth-fixed frame (ITRF when polar motion is
/// applied, PEF when not; the two differ by at most ~15 m at the surface).
package struct ECEFState: Sendable, Hashable {
    /// Position, km.
    package var positionKilometres: SIMD3<Double>
    /// Velocity relative to the rotating Earth, km/s.
    package var velocityKilometresPerSecond: SIMD3<Double>

    /// Builds a state from its two vectors.
    package init(positionKilometres: SIMD3<Double>, velocityKilometresPerSecond: SIMD3<Double>) {
        self.positionKilometres = positionKilometres
        self.velocityKilometresPerSecond = velocityKilometresPerSecond
    }
}
