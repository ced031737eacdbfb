/// Why `PhasedArray` refuses to form a beam. Nothing is written to the caller's buffer when
/// one is thrown.
package enum SteeringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target's angles are not finite, or its elevation is outside −90°...90°.
    case invalidLookAngles(SkyDirection)
    /// The target is below the local horizon (elevation < 0°).
    case belowHorizon(elevationDegrees: Double)
    /// The target is further off boresight than the scan limit allows.
    case outsideScanCone(offBoresightDegrees: Double, limitDegrees: Double)
    /// The caller's buffer does not hold exactly one entry per element.
    case bufferSizeMismatch(expected: Int, actual: Int)

    /// A one-line explanation for logs and the command line.
    package var description: String {
        switch self {
        case .invalidLookAngles(let angles):
            "look angles az \(angles.azimuthDegrees)° el \(angles.elevationDegrees)° are not a direction"
        case .belowHorizon(let elevation):
            "target is below the horizon (elevation \(elevation)°)"
        case .outsideScanCone(let offBoresight, let limit):
            "target is \(offBoresight)° off boresight, beyond the \(limit)° scan limit"
        case .bufferSizeMismatch(let expected, let actual):
            "phase buffer holds \(actual) entries for \(expected) elements"
        }
    }
}
