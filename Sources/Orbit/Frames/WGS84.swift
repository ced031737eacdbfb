/// The WGS-84 reference ellipsoid, the frame of GNSS positions and of the geodetic
/// coordinates used throughout utermd.
///
/// Defining constants from NIMA TR8350.2, *Department of Defense World Geodetic System 1984*,
/// 3rd ed. (2000), Table 3.1. (SGP4 itself uses WGS-72 for its gravity model; that is a
/// separate matter from where the observer stands.)
package enum WGS84 {
    /// Semi-major (equatorial) axis a, kilometres (TR8350.2 Table 3.1: 6378137.0 m).
    package static let semiMajorAxisKilometres = 6_378.137
    /// Flattening f = 1 / 298.257223563 (TR8350.2 Table 3.1).
    package static let flattening = 1.0 / 298.257_223_563
    /// First eccentricity squared, e² = f (2 − f).
    package static let eccentricitySquared = flattening * (2.0 - flattening)
    /// Semi-minor (polar) axis b = a (1 − f), kilometres.
    package static let semiMinorAxisKilometres = semiMajorAxisKilometres * (1.0 - flattening)
}
