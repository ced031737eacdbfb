import Handover
import Orbit

/// Where each satellite of the constellation is, seen from the terminal, at any instant:
/// the propagators are initialised once, and each question is one SGP4 propagation, one
/// TEME→ECEF rotation and one topocentric conversion — about 1 µs on a current x86 core
/// and nothing allocated, cheap enough to do for the serving satellite on every tick
/// (measured by `Benchmarks/TerminalBenchmarks`). So the tick propagates exactly instead of
/// interpolating a cached ephemeris: no interpolation error to bound, no cache to refresh.
///
/// The propagators are the `ConstellationEphemeris` the scheduler uses too (shared, not
/// copied), so tracker index i and the scheduler's satellite i are the same satellite.
public struct SatelliteTracker: Sendable {
    /// The satellites and their propagators, shared with the scheduler.
    package private(set) var ephemeris: ConstellationEphemeris
    /// The terminal's topocentric frame (moved with the terminal: `move(to:)`).
    package private(set) var frame: TopocentricFrame

    /// A tracker over `ephemeris` (its satellites, in its order).
    package init(ephemeris: ConstellationEphemeris, observer: GeodeticPosition) {
        self.ephemeris = ephemeris
        frame = TopocentricFrame(observer: observer)
    }

    /// Builds the ephemeris of `elementSets` and a tracker over it; element sets SGP4 refuses
    /// are left out (see `ConstellationEphemeris.exclusions`).
    public init(elementSets: [ElementSet], observer: GeodeticPosition) {
        self.init(ephemeris: ConstellationEphemeris(elementSets: elementSets), observer: observer)
    }

    /// Moves the observer (a vessel, a vehicle): later look angles are from `observer`.
    /// Allocates nothing (the frame is a few vectors).
    package mutating func move(to observer: GeodeticPosition) {
        frame = TopocentricFrame(observer: observer)
    }

    /// Puts `refreshed` in use (newer elements for the same satellites, in the same order:
    /// `EphemerisRefresh`) and returns the ephemeris it replaces, so that the caller can free
    /// it elsewhere. An ephemeris of another satellite count is not used, and comes back.
    /// Allocates and frees nothing.
    package mutating func exchangeEphemeris(_ refreshed: ConstellationEphemeris) -> ConstellationEphemeris {
        guard refreshed.count == ephemeris.count else { return refreshed }
        let replaced = ephemeris
        ephemeris = refreshed
        return replaced
    }

    /// The number of satellites tracked.
    package var count: Int { ephemeris.count }

    /// The index of a catalogue number, if tracked.
    package func index(ofCatalogNumber catalogNumber: Int) -> Int? {
        ephemeris.satellites.firstIndex { $0.catalogNumber == catalogNumber }
    }

    /// Look angles to satellite `index` at `instant`, or the propagation error.
    @inline(__always)
    package func lookAngles(satellite index: Int, at instant: JulianDate) throws(SGP4Error) -> LookAngles {
        let state = try ephemeris.propagate(satellite: index, to: instant)
        return frame.lookAngles(to: state, using: TEMEToECEFTransform(at: instant))
    }

    /// Look angles using a transform already built for the instant (many satellites, one instant).
    @inline(__always)
    package func lookAngles(satellite index: Int, at instant: JulianDate, using transform: TEMEToECEFTransform) throws(SGP4Error)
        -> LookAngles
    {
        frame.lookAngles(to: try ephemeris.propagate(satellite: index, to: instant), using: transform)
    }
}
