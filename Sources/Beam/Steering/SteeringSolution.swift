/// What a successful steer did: the direction in the array frame and its cost in gain.
package struct SteeringSolution: Sendable, Hashable {
    /// The target in the array frame (direction cosines).
    package let direction: ArrayFrameDirection
    /// The band the phases were computed for.
    package let link: LinkDirection
    /// The carrier the phases were computed for, hertz.
    package let carrierHertz: Double
    /// Scan loss at this angle off boresight, dB (≥ 0), from `ArrayDescription.scanLoss`.
    package let scanLossDecibels: Double

    /// Builds a solution (normally done by `PhasedArray.steer`).
    package init(direction: ArrayFrameDirection, link: LinkDirection, carrierHertz: Double, scanLossDecibels: Double) {
        self.direction = direction
        self.link = link
        self.carrierHertz = carrierHertz
        self.scanLossDecibels = scanLossDecibels
    }

    /// Angle of the target off boresight, degrees.
    package var offBoresightDegrees: Double { direction.offBoresightDegrees }
}
