import Orbit

/// A satellite left out because SGP4 could not propagate its element set: at initialisation
/// (`instant` nil) or at a later instant (decay, eccentricity driven out of range by drag).
/// Each satellite is reported once; from then on it is not a candidate.
package struct PropagationExclusion: Sendable, Hashable, CustomStringConvertible {
    /// NORAD catalogue number.
    package var catalogNumber: Int
    /// Name from the element set.
    package var name: String
    /// What SGP4 reported.
    package var error: SGP4Error
    /// When the propagation failed (UTC), or nil when the element set was refused outright.
    package var instant: JulianDate?

    /// A record of one exclusion.
    package init(catalogNumber: Int, name: String, error: SGP4Error, instant: JulianDate?) {
        self.catalogNumber = catalogNumber
        self.name = name
        self.error = error
        self.instant = instant
    }

    /// One line for the log, e.g. `excluded 44714 STARLINK-1008 at 2026-08-23T01:00:00.000Z: SGP4 error 6: …`.
    package var description: String {
        let when = instant.map { " at \($0.iso8601String())" } ?? " at initialisation"
        return "excluded \(catalogNumber) \(name)\(when): \(error)"
    }
}
