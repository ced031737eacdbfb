/// Why a Walker shell or its element sets cannot be built.
public enum WalkerShellError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Planes and satellites per plane must be at least 1.
    case emptyShell(planes: Int, satellitesPerPlane: Int)
    /// The Walker phasing F must lie in 0 … P − 1.
    case phasingOutOfRange(phasing: Int, planes: Int)
    /// The altitude must be positive and finite.
    case altitudeOutOfRange(altitudeKilometres: Double)
    /// The inclination must lie in 0 … 180°.
    case inclinationOutOfRange(inclinationDegrees: Double)
    /// The catalogue numbers would leave 1 … 339999, the range a TLE can carry (Alpha-5).
    case catalogNumbersOutOfRange(first: Int, last: Int)

    /// A one-line message with the offending values.
    public var description: String {
        switch self {
        case .emptyShell(let planes, let satellitesPerPlane):
            "a Walker shell needs at least one plane and one satellite per plane (got \(planes) × \(satellitesPerPlane))"
        case .phasingOutOfRange(let phasing, let planes):
            "Walker phasing F = \(phasing) is outside 0…\(planes - 1) for \(planes) planes"
        case .altitudeOutOfRange(let altitude):
            "altitude \(altitude) km is not a positive finite value"
        case .inclinationOutOfRange(let inclination):
            "inclination \(inclination)° is outside 0…180°"
        case .catalogNumbersOutOfRange(let first, let last):
            "catalogue numbers \(first)…\(last) leave the TLE range 1…339999"
        }
    }
}
