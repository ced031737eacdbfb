/// A validated phased array, ready to steer: element positions, the phase shifter, the
/// mounting frame and per-band tables computed once from an `ArrayDescription`.
///
/// Build the Gen-1-like default with `try PhasedArray()` (1,280 elements) and steer into a
/// buffer you own with `steer(toward:into:)`; see `PhasedArray+Steering.swift`.
///
/// Phase convention (time dependence e^{+jωt}): a plane wave from direction (u, v) reaches
/// element n at (xₙ, yₙ) with phase +k(xₙu + yₙv) relative to the array centre, so the array
/// factor of applied phases φₙ is AF(u, v) = |Σ exp(j(k(xₙu + yₙv) + φₙ))| and the steering
/// phase φₙ = −k(xₙu₀ + yₙv₀) makes every term equal at (u₀, v₀), the peak (Mailloux,
/// *Phased Array Antenna Handbook*, 2nd ed., eq. 1.10; the CN0566 "Phaser" notes write the
/// same per-column step as 360°·d·sin θ/λ).
public struct PhasedArray: Sendable {
    /// The description the array was built from.
    package let configuration: ArrayDescription
    /// Element positions in the array plane, metres, centred on the aperture, in element
    /// order: row-major from the −y edge, −x to +x within a row (element 0 is bottom-left
    /// seen from the front). Phase codes are always in this order.
    package let elementPositionsMetres: [SIMD2<Double>]
    /// The phase shifter of every element.
    package let phaseShifter: PhaseShifter
    /// The array axes in the local ENU frame.
    package let mountFrame: MountFrame
    /// The band `steer(toward:into:)` forms beams for.
    package var activeLink: LinkDirection

    /// Calibration offsets in turns, wrapped to [0, 1), one per element.
    let calibrationTurns: [Double]
    let receiveTable: SteeringTable
    let transmitTable: SteeringTable
    /// cos(scan limit), compared against w so admission needs no inverse cosine.
    let cosineScanLimit: Double

    /// Validates `configuration` and precomputes the steering tables.
    ///
    /// - Throws: `ArrayConfigurationError` for an empty aperture, a non-positive spacing,
    ///   unsupported phase-shifter bits, invalid bands or carriers, a scan limit outside
    ///   (0°, 90°), a calibration table of the wrong length or with non-finite entries, a
    ///   non-finite mount, an invalid scan-loss exponent, or a lattice that lets a grating lobe
    ///   into visible space within the scan limit at the top edge of either band.
    public init(
        _ configuration: ArrayDescription = ArrayDescription(), activeLink: LinkDirection = .receive
    ) throws(ArrayConfigurationError) {
        try Self.validate(configuration)
        let count = configuration.aperture.elementCount
        let calibration = configuration.calibrationOffsetsDegrees
        if !calibration.isEmpty, calibration.count != count {
            throw .calibrationCountMismatch(expected: count, actual: calibration.count)
        }
        if let bad = calibration.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteCalibration(index: bad) }
        phaseShifter = try PhaseShifter(bits: configuration.phaseShifterBits)
        self.configuration = configuration
        self.activeLink = activeLink
        let positions = ElementLayout.positionsMetres(
            lattice: configuration.lattice, shape: configuration.aperture,
            spacingMetres: configuration.elementSpacingMetres)
        elementPositionsMetres = positions
        calibrationTurns =
            calibration.isEmpty
            ? Array(repeating: 0, count: count)
            : calibration.map { degrees in
                let turns = (degrees / 360).truncatingRemainder(dividingBy: 1)
                return turns < 0 ? turns + 1 : turns
            }
        receiveTable = SteeringTable(positionsMetres: positions, carrierHertz: configuration.receiveCarrierHertz)
        transmitTable = SteeringTable(positionsMetres: positions, carrierHertz: configuration.transmitCarrierHertz)
        mountFrame = MountFrame(configuration.mount)
        cosineScanLimit = ArrayFrameDirection(offBoresightDegrees: configuration.scanLimitDegrees, planeAngleDegrees: 0).w
    }

    private static func validate(_ configuration: ArrayDescription) throws(ArrayConfigurationError) {
        switch configuration.aperture {
        case .circular(let count) where count < 1: throw .noElements
        case .grid(let rows, let columns) where rows < 1 || columns < 1: throw .noElements
        default: break
        }
        let spacing = configuration.elementSpacingMetres
        guard spacing.isFinite, spacing > 0 else { throw .invalidElementSpacing(metres: spacing) }
        let limit = configuration.scanLimitDegrees
        guard limit > 0, limit < 90 else { throw .invalidScanLimit(degrees: limit) }
        guard configuration.mount.isFinite else { throw .nonFiniteMountAttitude }
        let exponent = configuration.scanLoss.elementPatternExponent
        guard exponent.isFinite, exponent >= 0 else { throw .invalidElementPatternExponent(exponent) }
        for link in LinkDirection.allCases {
            let band = configuration.band(link)
            guard band.lowerEdgeHertz.isFinite, band.upperEdgeHertz.isFinite, band.lowerEdgeHertz > 0,
                band.lowerEdgeHertz <= band.upperEdgeHertz
            else { throw .invalidBand(link, band) }
            let carrier = configuration.carrierHertz(link)
            guard band.contains(carrier) else { throw .carrierOutsideBand(link, carrierHertz: carrier, band: band) }
            // The band's top edge has the shortest wavelength, the worst case for grating lobes.
            if let onset = GratingLobes.onsetOffBoresightDegrees(
                lattice: configuration.lattice, spacingMetres: spacing, frequencyHertz: band.upperEdgeHertz),
                onset <= limit
            {
                throw .gratingLobeWithinScanCone(
                    link, frequencyHertz: band.upperEdgeHertz, onsetDegrees: onset, limitDegrees: limit)
            }
        }
    }

    /// Number of elements (and of phase codes per beam).
    package var elementCount: Int { elementPositionsMetres.count }

    /// The carrier `link` steers for, hertz.
    package func carrierHertz(_ link: LinkDirection) -> Double { table(link).carrierHertz }

    /// λ at the carrier of `link`, metres.
    package func wavelengthMetres(_ link: LinkDirection) -> Double { table(link).wavelengthMetres }

    /// Diameter of the circle with the aperture's area, N · cell area, metres (0.417 m for the
    /// default array).
    package var equivalentApertureDiameterMetres: Double {
        let area =
            Double(elementCount)
            * configuration.lattice.cellAreaSquareMetres(spacingMetres: configuration.elementSpacingMetres)
        return 2 * (area / Double.pi).squareRoot()
    }

    func table(_ link: LinkDirection) -> SteeringTable {
        switch link {
        case .receive: receiveTable
        case .transmit: transmitTable
        }
    }
}
