/// Everything needed to build a `PhasedArray`: geometry, bands, phase shifter, calibration,
/// scan limit and mounting. A plain value; `PhasedArray.init` validates it.
///
/// `ArrayDescription()` is a Gen-1-like Starlink-class array: 1,280 elements in a circle on a
/// square lattice with λ/2 spacing at 14.5 GHz (10.34 mm, an aperture about 0.42 m across),
/// receiving 10.7–12.7 GHz and transmitting 14.0–14.5 GHz, 7-bit phase shifters, a 50° scan
/// limit, facing the zenith. The facts and their sources: `Boards/README.md`, "Where the default array's numbers come from".
public struct ArrayDescription: Sendable, Hashable {
    /// How elements are packed (square or triangular grid).
    package var lattice: ArrayLattice
    /// Which lattice sites carry elements (and so how many there are).
    package var aperture: ApertureShape
    /// Nearest-neighbour element spacing, metres.
    package var elementSpacingMetres: Double
    /// The receive (downlink) band.
    package var receiveBand: FrequencyBand
    /// The transmit (uplink) band.
    package var transmitBand: FrequencyBand
    /// The receive carrier the beam is steered for, hertz (inside `receiveBand`).
    package var receiveCarrierHertz: Double
    /// The transmit carrier the beam is steered for, hertz (inside `transmitBand`).
    package var transmitCarrierHertz: Double
    /// Phase-control bits per element (7 as the ADAR1000).
    package var phaseShifterBits: Int
    /// Per-element calibration, degrees, in element order (`ElementLayout`): the correction
    /// added to every steering phase, i.e. minus the element's measured insertion phase
    /// relative to the array's reference. Empty means all zero.
    package var calibrationOffsetsDegrees: [Double]
    /// Largest steering angle off boresight accepted, degrees (inclusive).
    package var scanLimitDegrees: Double
    /// How the array is mounted in the local ENU frame.
    package var mount: MountAttitude
    /// The scan-loss model reported with each steering solution.
    package var scanLoss: ScanLossModel

    /// λ/2 at the top of the transmit band (14.5 GHz): 10.3377 mm, the default spacing.
    public static let halfWavelengthAtTransmitTopMetres =
        FreeSpace.wavelengthMetres(frequencyHertz: FrequencyBand.kuUplink.upperEdgeHertz) / 2

    /// A description; every parameter defaults to the Gen-1-like array.
    public init(
        lattice: ArrayLattice = .rectangular,
        aperture: ApertureShape = .gen1Circular,
        elementSpacingMetres: Double = ArrayDescription.halfWavelengthAtTransmitTopMetres,
        receiveBand: FrequencyBand = .kuDownlink,
        transmitBand: FrequencyBand = .kuUplink,
        receiveCarrierHertz: Double = 11.7e9,
        transmitCarrierHertz: Double = 14.25e9,
        phaseShifterBits: Int = 7,
        calibrationOffsetsDegrees: [Double] = [],
        scanLimitDegrees: Double = 50,
        mount: MountAttitude = .zenith,
        scanLoss: ScanLossModel = ScanLossModel()
    ) {
        self.lattice = lattice
        self.aperture = aperture
        self.elementSpacingMetres = elementSpacingMetres
        self.receiveBand = receiveBand
        self.transmitBand = transmitBand
        self.receiveCarrierHertz = receiveCarrierHertz
        self.transmitCarrierHertz = transmitCarrierHertz
        self.phaseShifterBits = phaseShifterBits
        self.calibrationOffsetsDegrees = calibrationOffsetsDegrees
        self.scanLimitDegrees = scanLimitDegrees
        self.mount = mount
        self.scanLoss = scanLoss
    }

    /// The band of `link`.
    package func band(_ link: LinkDirection) -> FrequencyBand {
        switch link {
        case .receive: receiveBand
        case .transmit: transmitBand
        }
    }

    /// The carrier of `link`, hertz.
    package func carrierHertz(_ link: LinkDirection) -> Double {
        switch link {
        case .receive: receiveCarrierHertz
        case .transmit: transmitCarrierHertz
        }
    }
}
