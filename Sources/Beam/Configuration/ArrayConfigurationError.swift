/// Why an `ArrayDescription` cannot be built into a `PhasedArray`.
public enum ArrayConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The aperture holds no elements (or a negative count was given).
    case noElements
    /// The element spacing is not a positive finite length, metres.
    case invalidElementSpacing(metres: Double)
    /// The phase shifter has a bit count outside `PhaseShifter.supportedBits`.
    case unsupportedPhaseShifterBits(Int)
    /// The calibration table does not have one entry per element (an empty table is allowed).
    case calibrationCountMismatch(expected: Int, actual: Int)
    /// A calibration offset is not finite, at element `index`.
    case nonFiniteCalibration(index: Int)
    /// The scan limit is not in (0°, 90°).
    case invalidScanLimit(degrees: Double)
    /// A band's edges are not positive, finite and ordered.
    case invalidBand(LinkDirection, FrequencyBand)
    /// A carrier frequency lies outside its band.
    case carrierOutsideBand(LinkDirection, carrierHertz: Double, band: FrequencyBand)
    /// A grating lobe enters visible space at `onsetDegrees` off boresight, at or inside the
    /// scan limit, at the top of the named band (`frequencyHertz`).
    case gratingLobeWithinScanCone(LinkDirection, frequencyHertz: Double, onsetDegrees: Double, limitDegrees: Double)
    /// An angle of the mounting attitude is not finite.
    case nonFiniteMountAttitude
    /// The scan-loss element-pattern exponent is negative or not finite.
    case invalidElementPatternExponent(Double)

    /// A one-line explanation for logs and the command line.
    public var description: String {
        switch self {
        case .noElements:
            "the aperture holds no elements"
        case .invalidElementSpacing(let metres):
            "element spacing \(metres) m is not a positive length"
        case .unsupportedPhaseShifterBits(let bits):
            "phase shifter with \(bits) bits is not supported (1...8)"
        case .calibrationCountMismatch(let expected, let actual):
            "calibration table has \(actual) offsets for \(expected) elements"
        case .nonFiniteCalibration(let index):
            "calibration offset of element \(index) is not finite"
        case .invalidScanLimit(let degrees):
            "scan limit \(degrees)° is not between 0° and 90°"
        case .invalidBand(let link, let band):
            "\(link) band \(band.lowerEdgeHertz)–\(band.upperEdgeHertz) Hz is not a valid band"
        case .carrierOutsideBand(let link, let carrier, let band):
            "\(link) carrier \(carrier) Hz is outside \(band.lowerEdgeHertz)–\(band.upperEdgeHertz) Hz"
        case .gratingLobeWithinScanCone(let link, let frequency, let onset, let limit):
            "grating lobe enters visible space at \(onset)° off boresight (\(link) band top, \(frequency) Hz), "
                + "within the \(limit)° scan limit"
        case .nonFiniteMountAttitude:
            "mounting attitude has a non-finite angle"
        case .invalidElementPatternExponent(let exponent):
            "element pattern exponent \(exponent) is not a non-negative number"
        }
    }
}
