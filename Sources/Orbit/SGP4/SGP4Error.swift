/// Why SGP4 cannot give a state, replacing the reference's numeric error codes.
///
/// Reference: AIAA 2006-6753, routine `sgp4`, error codes 1–6. Code 5 ("epoch elements
/// are sub-orbital") was retired by the reference itself (the decay check, code 6,
/// covers it), so it has no case here.
public enum SGP4Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// Code 1: the mean eccentricity left [−0.001, 1) (for example through drag), or the
    /// element set's eccentricity is outside [0, 1).
    case meanEccentricityOutOfRange(eccentricity: Double)
    /// Code 2: the mean motion is not positive, radians per minute.
    case meanMotionNotPositive(radiansPerMinute: Double)
    /// Code 3: the eccentricity perturbed by the lunar–solar terms left [0, 1].
    case perturbedEccentricityOutOfRange(eccentricity: Double)
    /// Code 4: the semi-latus rectum is negative, Earth radii.
    case semiLatusRectumNegative(earthRadii: Double)
    /// Code 6: the satellite has decayed (its radius dropped below one Earth radius).
    case decayed(radiusEarthRadii: Double)
    /// Not one of the reference's codes: an element or the requested time is not finite,
    /// the time is more than `SGP4Propagator.maximumMinutesFromEpoch` from the epoch, or the
    /// arithmetic overflowed. Raised instead of returning NaN.
    case invalidInput

    /// The reference's error code (1–6), or `nil` for `invalidInput`.
    package var valladoCode: Int? {
        switch self {
        case .meanEccentricityOutOfRange: 1
        case .meanMotionNotPositive: 2
        case .perturbedEccentricityOutOfRange: 3
        case .semiLatusRectumNegative: 4
        case .decayed: 6
        case .invalidInput: nil
        }
    }

    /// A one-line explanation for logs and operators.
    public var description: String {
        switch self {
        case .meanEccentricityOutOfRange(let e):
            "SGP4 error 1: mean eccentricity \(e) not within range 0.0 <= e < 1.0"
        case .meanMotionNotPositive(let n):
            "SGP4 error 2: mean motion \(n) rad/min is not positive"
        case .perturbedEccentricityOutOfRange(let e):
            "SGP4 error 3: perturbed eccentricity \(e) not within range 0.0 <= e <= 1.0"
        case .semiLatusRectumNegative(let p):
            "SGP4 error 4: semi-latus rectum \(p) is less than zero"
        case .decayed(let r):
            "SGP4 error 6: radius \(r) Earth radii is less than 1.0: the satellite has decayed"
        case .invalidInput:
            "SGP4: element set or time not finite or out of range"
        }
    }
}
