/// What a satellite must satisfy, over a whole slot, to serve the terminal.
///
/// - elevation at least `minimumElevationDegrees` (25°: the minimum elevation of user
///   terminals in SpaceX's FCC filings for Starlink; older filings said 40°);
/// - within `scanLimitDegrees` of the dish boresight (50°: a field of view of about 100°);
/// - at least `gsoSeparationDegrees` from the geostationary arc (22°, `GeostationaryArc`);
/// - not obstructed in `obstructionMap`.
///
/// Elevation is checked exactly over the slot (the slot must lie inside a visibility interval
/// found by root finding). The scan cone and the GSO separation are proven over the whole slot
/// from the start, middle and end when all three clear them by more than the satellite can move
/// in a quarter slot, and otherwise checked, like the obstruction map always is, at
/// `samplesPerSlot` instants evenly spaced from the slot's start to its end (2.5 s apart for
/// 15 s slots by default, during which a LEO satellite moves at most ~2° across the sky).
public struct CandidateConstraints: Sendable, Hashable {
    /// 25°, the minimum elevation of the FCC filings (see the type's documentation).
    public static let defaultMinimumElevationDegrees = 25.0
    /// 50° off boresight, half the dish's ~100° field of view (design notes).
    public static let defaultScanLimitDegrees = 50.0
    /// 22° from the GSO arc (design notes, from the FCC filings).
    public static let defaultGSOSeparationDegrees = 22.0

    /// The lowest elevation a serving satellite may have, degrees.
    package var minimumElevationDegrees: Double
    /// Where the dish's face points.
    package var boresight: DishBoresight
    /// The largest angle off boresight the array can steer to, degrees.
    package var scanLimitDegrees: Double
    /// The smallest angle allowed between the line of sight and the GSO arc, degrees; 0 turns
    /// the exclusion off.
    package var gsoSeparationDegrees: Double
    /// What blocks the sky.
    package var obstructionMap: ObstructionMap
    /// Instants per slot at which the angular conditions are checked, both ends included
    /// (at least 3; an even number is raised to the next odd one so that the middle of the slot
    /// is one of them).
    package var samplesPerSlot: Int

    /// The defaults above: 25°, zenith boresight, 50°, 22°, no obstruction, 7 samples.
    public init(
        minimumElevationDegrees: Double = defaultMinimumElevationDegrees, boresight: DishBoresight = .zenith,
        scanLimitDegrees: Double = defaultScanLimitDegrees, gsoSeparationDegrees: Double = defaultGSOSeparationDegrees,
        obstructionMap: ObstructionMap = ObstructionMap(), samplesPerSlot: Int = 7
    ) {
        self.minimumElevationDegrees = minimumElevationDegrees
        self.boresight = boresight
        self.scanLimitDegrees = scanLimitDegrees
        self.gsoSeparationDegrees = gsoSeparationDegrees
        self.obstructionMap = obstructionMap
        self.samplesPerSlot = samplesPerSlot
    }

    /// The number of samples actually taken: odd, at least 3.
    var effectiveSamplesPerSlot: Int {
        let count = max(samplesPerSlot, 3)
        return count % 2 == 0 ? count + 1 : count
    }

    /// An elevation below which nothing can qualify: the minimum elevation, or the lowest
    /// elevation inside the scan cone (boresight elevation − scan limit), whichever is higher.
    /// Visibility intervals are searched above this.
    var visibilityThresholdDegrees: Double {
        max(minimumElevationDegrees, boresight.elevationDegrees - scanLimitDegrees)
    }
}
