import Orbit

/// One pass of a satellite over the observer above a threshold elevation, clipped to the
/// interval searched.
public struct SatellitePass: Sendable, Hashable {
    /// NORAD catalogue number.
    package var catalogNumber: Int
    /// Name from the element set.
    package var name: String
    /// When the satellite rises through the threshold (UTC); the interval's start when it was
    /// already above (`risesBeforeInterval`).
    package var rise: JulianDate
    /// When it is highest within the pass (UTC).
    package var culmination: JulianDate
    /// When it sets through the threshold (UTC); the interval's end when it is still above
    /// (`setsAfterInterval`).
    package var set: JulianDate
    /// The elevation at culmination, degrees.
    package var maxElevationDegrees: Double
    /// The azimuth at culmination, degrees from north through east.
    package var culminationAzimuthDegrees: Double
    /// The pass began before the interval searched.
    package var risesBeforeInterval: Bool
    /// The pass goes on after the interval searched.
    package var setsAfterInterval: Bool

    /// Time above the threshold within the interval, seconds.
    package var durationSeconds: Double { self.set.seconds(since: rise) }
}

/// The passes of a constellation over an interval, and what could not be predicted.
public struct PassPrediction: Sendable {
    /// Every pass, ordered by rise, then catalogue number.
    package var passes: [SatellitePass]
    /// Satellites left out: refused by SGP4 at initialisation, or failing during the interval
    /// (each reported once, with the instant of the first failure).
    package var exclusions: [PropagationExclusion]
    /// Satellites skipped without propagation because their orbit can never bring them above
    /// the threshold at this observer's latitude.
    package var unreachableSatelliteCount: Int
}
