/// The terminal's picture of what blocks its sky, like the dish's obstruction map: an
/// azimuth/elevation grid of observed signal quality learned from what the terminal sees, plus
/// static sectors from configuration.
///
/// Each cell holds an SNR-like quality in [0, 1] (1 clear, 0 fully blocked), or −1 when nothing
/// was ever observed there, the convention of the dish's `obstruction_map` as community tools
/// (starlink-grpc-tools) read it. An observation updates its cell's running average,
/// `q ← q + learningRate · (observed − q)` (the first one sets it); a cell whose quality is
/// below `obstructedBelowSignalQuality` is obstructed. `resetLearned()` forgets the
/// observations and keeps the static sectors, as the dish's "reset obstruction map" does.
///
/// The grid covers elevation 0°–90° in `elevationBinCount` rows and azimuth 0°–360° (from
/// north through east) in `azimuthBinCount` columns; cell (a, e) covers azimuths
/// [a·Δa, (a+1)·Δa) and elevations [e·Δe, (e+1)·Δe).
public struct ObstructionMap: Sendable, Hashable {
    /// The value of a cell never observed.
    package static let noData = -1.0

    /// Columns of the grid (azimuth).
    package let azimuthBinCount: Int
    /// Rows of the grid (elevation, from the horizon up).
    package let elevationBinCount: Int
    /// The learned quality of each cell, row by row from the horizon up (`elevation ·
    /// azimuthBinCount + azimuth`), −1 where never observed.
    package private(set) var signalQuality: [Double]
    /// How many observations were recorded since the last reset.
    package private(set) var observationCount: Int = 0
    /// Static obstructions from configuration.
    package var staticSectors: [ObstructionSector]
    /// Cells whose learned quality is below this count as obstructed.
    package var obstructedBelowSignalQuality: Double
    /// Weight of a new observation in its cell's running average, (0, 1].
    package var learningRate: Double

    /// An empty map (no observations) with the given static sectors; 5° cells by default.
    public init(
        azimuthBinCount: Int = 72, elevationBinCount: Int = 18, staticSectors: [ObstructionSector] = [],
        obstructedBelowSignalQuality: Double = 0.5, learningRate: Double = 0.25
    ) {
        self.azimuthBinCount = max(1, azimuthBinCount)
        self.elevationBinCount = max(1, elevationBinCount)
        self.signalQuality = Array(repeating: ObstructionMap.noData, count: self.azimuthBinCount * self.elevationBinCount)
        self.staticSectors = staticSectors
        self.obstructedBelowSignalQuality = obstructedBelowSignalQuality
        self.learningRate = min(max(learningRate, .leastNonzeroMagnitude), 1)
    }

    /// Width of a column, degrees.
    package var azimuthBinDegrees: Double { 360 / Double(azimuthBinCount) }
    /// Height of a row, degrees.
    package var elevationBinDegrees: Double { 90 / Double(elevationBinCount) }

    /// Records the signal quality (clamped to [0, 1]) seen toward a direction. Directions
    /// below the horizon and non-finite values are ignored.
    package mutating func record(signalQuality observed: Double, azimuthDegrees: Double, elevationDegrees: Double) {
        guard observed.isFinite, let cell = cellIndex(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees)
        else { return }
        let clamped = min(max(observed, 0), 1)
        let previous = signalQuality[cell]
        signalQuality[cell] = previous < 0 ? clamped : previous + learningRate * (clamped - previous)
        observationCount += 1
    }

    /// Forgets every observation; the static sectors stay.
    package mutating func resetLearned() {
        for index in signalQuality.indices { signalQuality[index] = ObstructionMap.noData }
        observationCount = 0
    }

    /// The learned quality of the cell holding the direction, −1 for no data or a direction
    /// below the horizon.
    package func signalQuality(azimuthDegrees: Double, elevationDegrees: Double) -> Double {
        guard let cell = cellIndex(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees) else {
            return ObstructionMap.noData
        }
        return signalQuality[cell]
    }

    /// Whether the direction is blocked: below the horizon, inside a static sector, or in a
    /// cell whose learned quality is below `obstructedBelowSignalQuality`.
    package func isObstructed(azimuthDegrees: Double, elevationDegrees: Double) -> Bool {
        guard elevationDegrees >= 0 else { return true }
        for sector in staticSectors where sector.blocks(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees) {
            return true
        }
        let quality = signalQuality(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees)
        return quality >= 0 && quality < obstructedBelowSignalQuality
    }

    /// Whether the map can block anything at all (a static sector, or any learned cell below
    /// the threshold); lets the scheduler skip the test for a clear sky.
    package var blocksAnything: Bool {
        !staticSectors.isEmpty || signalQuality.contains { $0 >= 0 && $0 < obstructedBelowSignalQuality }
    }

    /// The grid cell of a direction, nil below the horizon or for non-finite angles.
    func cellIndex(azimuthDegrees: Double, elevationDegrees: Double) -> Int? {
        guard azimuthDegrees.isFinite, elevationDegrees.isFinite, elevationDegrees >= 0 else { return nil }
        let azimuth = SkyDirection.normalisedAzimuthDegrees(azimuthDegrees)
        let column = min(Int(azimuth / azimuthBinDegrees), azimuthBinCount - 1)
        let row = min(Int(elevationDegrees / elevationBinDegrees), elevationBinCount - 1)
        return row * azimuthBinCount + column
    }
}
