import Orbit

/// Where each satellite of the constellation is, seen from the terminal, at any instant:
/// the propagators are initialised once, and each question is one SGP4 propagation, one
/// TEME→ECEF rotation and one topocentric conversion — about 1 µs on a current x86 core
/// and nothing allocated, cheap enough to do for the serving satellite on every tick
/// (measured by `Benchmarks/TerminalBenchmarks`). So the tick propagates exactly instead of
/// interpolating a cached ephemeris: no interpolation error to bound, no cache to refresh.
public struct SatelliteTracker: Sendable {
    /// One propagator per satellite, in the order of the element sets that initialised.
    public let propagators: [SGP4Propagator]
    /// The element sets, in the same order.
    public let elementSets: [ElementSet]
    /// The terminal's topocentric frame (moved with the terminal: `move(to:)`).
    public private(set) var frame: TopocentricFrame

    /// Builds a tracker; element sets SGP4 refuses are left out (see `rejected`).
    public init(elementSets: [ElementSet], observer: GeodeticPosition) {
        var kept: [ElementSet] = []
        var propagators: [SGP4Propagator] = []
        var rejected: [(ElementSet, SGP4Error)] = []
        for set in elementSets {
            do {
                propagators.append(try SGP4Propagator(elements: set))
                kept.append(set)
            } catch {
                rejected.append((set, error))
            }
        }
        self.propagators = propagators
        self.elementSets = kept
        self.rejected = rejected.map { RejectedElementSet(catalogNumber: $0.0.catalogNumber, name: $0.0.name, error: $0.1) }
        self.frame = TopocentricFrame(observer: observer)
    }

    /// An element set SGP4 refused at initialisation.
    public struct RejectedElementSet: Sendable, Hashable {
        /// Its catalogue number.
        public var catalogNumber: Int
        /// Its name.
        public var name: String
        /// Why.
        public var error: SGP4Error
    }

    /// Element sets left out.
    public let rejected: [RejectedElementSet]

    /// Moves the observer (a vessel, a vehicle): later look angles are from `observer`.
    /// Allocates nothing (the frame is a few vectors).
    public mutating func move(to observer: GeodeticPosition) {
        frame = TopocentricFrame(observer: observer)
    }

    /// The number of satellites tracked.
    public var count: Int { propagators.count }

    /// The index of a catalogue number, if tracked.
    public func index(ofCatalogNumber catalogNumber: Int) -> Int? {
        elementSets.firstIndex { $0.catalogNumber == catalogNumber }
    }

    /// Look angles to satellite `index` at `instant`, or the propagation error.
    @inline(__always)
    public func lookAngles(satellite index: Int, at instant: JulianDate) throws(SGP4Error) -> LookAngles {
        let state = try propagators[index].propagate(to: instant)
        return frame.lookAngles(to: state, using: TEMEToECEFTransform(at: instant))
    }

    /// Look angles using a transform already built for the instant (many satellites, one instant).
    @inline(__always)
    public func lookAngles(satellite index: Int, at instant: JulianDate, using transform: TEMEToECEFTransform) throws(SGP4Error)
        -> LookAngles
    {
        frame.lookAngles(to: try propagators[index].propagate(to: instant), using: transform)
    }
}
