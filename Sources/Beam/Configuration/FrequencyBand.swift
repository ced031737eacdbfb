/// A contiguous band of carrier frequencies, in hertz.
///
/// The two Ku-band allocations a Starlink-class user terminal uses are provided as
/// `kuDownlink` (receive) and `kuUplink` (transmit).
public struct FrequencyBand: Sendable, Hashable {
    /// The lowest carrier frequency in the band, hertz.
    package var lowerEdgeHertz: Double
    /// The highest carrier frequency in the band, hertz.
    package var upperEdgeHertz: Double

    /// Builds a band from its edges, hertz (`lower ≤ upper`; checked by `PhasedArray`).
    package init(lowerEdgeHertz: Double, upperEdgeHertz: Double) {
        self.lowerEdgeHertz = lowerEdgeHertz
        self.upperEdgeHertz = upperEdgeHertz
    }

    /// The arithmetic centre of the band, hertz.
    package var centreHertz: Double { (lowerEdgeHertz + upperEdgeHertz) / 2 }

    /// Whether `frequencyHertz` lies within the band, edges included.
    package func contains(_ frequencyHertz: Double) -> Bool {
        frequencyHertz >= lowerEdgeHertz && frequencyHertz <= upperEdgeHertz
    }

    /// User-terminal receive band, 10.7–12.7 GHz (RHCP): the Ku-band space-to-Earth
    /// allocation used by Starlink user downlinks (SpaceX FCC filing SAT-LOA-20161115-00118).
    public static let kuDownlink = FrequencyBand(lowerEdgeHertz: 10.7e9, upperEdgeHertz: 12.7e9)

    /// User-terminal transmit band, 14.0–14.5 GHz (LHCP): the Ku-band Earth-to-space
    /// allocation used by Starlink user uplinks (same filing).
    public static let kuUplink = FrequencyBand(lowerEdgeHertz: 14.0e9, upperEdgeHertz: 14.5e9)
}
