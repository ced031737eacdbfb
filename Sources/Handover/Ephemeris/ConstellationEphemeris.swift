import Orbit

/// The satellites a terminal can choose from: their names, orbit figures and SGP4 propagators,
/// built once and shared — by pass prediction, the scheduler and the tick's pointing tracker.
///
/// The value is immutable and its storage is shared by reference (copy-on-write arrays that
/// are never written after `init`), so every holder of a copy uses the same propagators: one
/// set of SGP4 terms per satellite in the whole process (about 1.2 KB each; 13 MB for 10,000
/// satellites if each of the tracker and the scheduler held its own).
///
/// Element sets that SGP4 refuses (bad eccentricity, decayed at epoch, …) are left out and
/// listed in `exclusions`; nothing here throws or traps on bad data.
public struct ConstellationEphemeris: Sendable {
    /// Who a satellite is, and the orbit figures the coarse visibility filter needs.
    package struct Satellite: Sendable, Hashable {
        /// NORAD catalogue number.
        package var catalogNumber: Int
        /// Name from the element set (may be empty).
        package var name: String
        /// Epoch of the element set (UTC).
        package var epoch: JulianDate
        /// Inclination, degrees.
        package var inclinationDegrees: Double
        /// Eccentricity.
        package var eccentricity: Double
        /// Mean motion, revolutions per day.
        package var meanMotionRevsPerDay: Double
        /// The network the satellite belongs to.
        package var constellation: Constellation

        /// The satellite that `elements` describe, of `constellation`.
        init(_ elements: ElementSet, constellation: Constellation) {
            self.constellation = constellation
            catalogNumber = elements.catalogNumber
            name = elements.name
            epoch = elements.epoch
            inclinationDegrees = elements.inclinationDegrees
            eccentricity = elements.eccentricity
            meanMotionRevsPerDay = elements.meanMotionRevsPerDay
        }
    }

    /// The satellites that could be initialised, in input order.
    package let satellites: [Satellite]
    /// Their propagators, index for index with `satellites`, in one contiguous array.
    let propagators: [SGP4Propagator]
    /// The element sets SGP4 refused at initialisation.
    package let exclusions: [PropagationExclusion]

    /// Initialises a propagator for each element set (WGS-72, improved mode, as the
    /// CelesTrak element sets are fitted). Each satellite's constellation is read from its
    /// name's prefix (`Constellation(elementSetName:)`), Starlink when the name has none — the
    /// network this firmware was first written for; give the constellation explicitly
    /// (`init(sources:)`) for anything else.
    public init(elementSets: [ElementSet]) {
        self.init(
            elementSets: elementSets,
            constellations: elementSets.map { Constellation(elementSetName: $0.name) ?? .starlink })
    }

    /// An ephemeris of several networks' element sets, in the order given, each satellite
    /// labelled with its source's constellation.
    public init(sources: [ConstellationElementSets]) {
        self.init(
            elementSets: sources.flatMap(\.elementSets),
            constellations: sources.flatMap { Array(repeating: $0.constellation, count: $0.elementSets.count) })
    }

    /// Element sets labelled index for index with `constellations` (same count; a set without
    /// a label is read from its name).
    public init(elementSets: [ElementSet], constellations: [Constellation]) {
        let batch = SGP4Batch(elementSets: elementSets)
        var satellites: [Satellite] = []
        satellites.reserveCapacity(batch.count)
        let rejected = Set(batch.rejections.map(\.index))
        for (index, elements) in elementSets.enumerated() where !rejected.contains(index) {
            let network =
                index < constellations.count ? constellations[index] : (Constellation(elementSetName: elements.name) ?? .starlink)
            satellites.append(Satellite(elements, constellation: network))
        }
        self.satellites = satellites
        propagators = batch.propagators
        exclusions = batch.rejections.map { rejection in
            PropagationExclusion(
                catalogNumber: rejection.catalogNumber, name: elementSets[rejection.index].name,
                error: rejection.error, instant: nil)
        }
    }

    /// An ephemeris of these parts (index for index).
    init(satellites: [Satellite], propagators: [SGP4Propagator], exclusions: [PropagationExclusion]) {
        self.satellites = satellites
        self.propagators = propagators
        self.exclusions = exclusions
    }

    /// The number of usable satellites.
    package var count: Int { satellites.count }

    /// The networks with at least one satellite here, in `Constellation` order.
    package var constellations: [Constellation] {
        var present = Array(repeating: false, count: Constellation.allCases.count)
        for satellite in satellites { present[satellite.constellation.ordinal] = true }
        return Constellation.allCases.filter { present[$0.ordinal] }
    }

    /// The propagator of satellite `index` (an index into `satellites`; a copy of its terms).
    package func propagator(at index: Int) -> SGP4Propagator { propagators[index] }

    /// The TEME state of satellite `index` at `instant` (UTC), propagated in place (no copy of
    /// the terms, nothing allocated).
    package func propagate(satellite index: Int, to instant: JulianDate) throws(SGP4Error) -> TEMEState {
        try propagators.withUnsafeBufferPointer { table throws(SGP4Error) in try table[index].propagate(to: instant) }
    }

    /// Whether `other` uses the very same propagators (one table in memory, not a copy).
    package func sharesPropagators(with other: ConstellationEphemeris) -> Bool {
        propagators.withUnsafeBufferPointer { mine in
            other.propagators.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
        }
    }

    /// Satellite `index`'s propagator as a reference into the shared table.
    func reference(at index: Int) -> PropagatorReference { PropagatorReference(table: propagators, index: index) }
}
