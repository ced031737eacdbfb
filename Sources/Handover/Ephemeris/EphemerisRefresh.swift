import Orbit

/// Element sets refreshed in a running terminal (SIGHUP, `POST /elements/reload`): the same
/// satellites, in the same order, with newer elements where the new sets have them.
///
/// The tick and the scheduler name satellites by index into the ephemeris, and the serving
/// assignment in force holds such indices, so a refresh keeps every index: a satellite the new
/// sets lack keeps its elements, and a satellite they add waits for a restart. That is what
/// lets the refresh happen without dropping the link: the satellite serving now is still index
/// i, only its orbit is newer.
package struct EphemerisRefresh: Sendable {
    /// The refreshed ephemeris (same count and order as the one refreshed).
    package let ephemeris: ConstellationEphemeris
    /// Satellites given newer elements.
    package let updated: Int
    /// Satellites whose new elements were not newer than those in use (kept).
    package let notNewer: Int
    /// Catalogue numbers tracked but absent from the new sets (their elements kept).
    package let missing: [Int]
    /// Catalogue numbers in the new sets that are not tracked: they wait for a restart.
    package let added: [Int]
    /// New element sets SGP4 refused (the satellite keeps its elements).
    package let refused: [PropagationExclusion]

    /// One line for the log and the API.
    package var summary: String {
        var parts = ["\(updated) satellites updated"]
        if notNewer > 0 { parts.append("\(notNewer) not newer (kept)") }
        if !missing.isEmpty { parts.append("\(missing.count) missing from the new sets (kept)") }
        if !refused.isEmpty { parts.append("\(refused.count) refused by SGP4 (kept)") }
        if !added.isEmpty { parts.append("\(added.count) new satellites wait for a restart") }
        return parts.joined(separator: ", ")
    }
}

extension ConstellationEphemeris {
    /// This ephemeris with each satellite's elements replaced by the newest of `elementSets`
    /// with its catalogue number, when that is newer than the elements in use (see
    /// `EphemerisRefresh`). Builds new propagators only for the satellites updated; the others
    /// share nothing with this ephemeris but are copies of the same terms.
    package func refreshed(with elementSets: [ElementSet]) -> EphemerisRefresh {
        var newest: [Int: ElementSet] = [:]
        for elements in elementSets {
            if let known = newest[elements.catalogNumber], elements.epoch <= known.epoch { continue }
            newest[elements.catalogNumber] = elements
        }
        var satellites = satellites
        var propagators = propagators
        var updated = 0
        var notNewer = 0
        var missing: [Int] = []
        var refused: [PropagationExclusion] = []
        var tracked = Set<Int>()
        for index in satellites.indices {
            let current = satellites[index]
            tracked.insert(current.catalogNumber)
            guard let offered = newest[current.catalogNumber] else {
                missing.append(current.catalogNumber)
                continue
            }
            guard current.epoch < offered.epoch else {
                notNewer += 1
                continue
            }
            do {
                propagators[index] = try SGP4Propagator(elements: offered)
                satellites[index] = Satellite(offered, constellation: current.constellation)
                updated += 1
            } catch {
                refused.append(
                    PropagationExclusion(catalogNumber: offered.catalogNumber, name: offered.name, error: error, instant: nil))
            }
        }
        let added = newest.keys.filter { !tracked.contains($0) }.sorted()
        return EphemerisRefresh(
            ephemeris: ConstellationEphemeris(satellites: satellites, propagators: propagators, exclusions: exclusions),
            updated: updated, notNewer: notNewer, missing: missing, added: added, refused: refused)
    }
}
