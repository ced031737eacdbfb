import Foundation

/// The WGS-84 reference ellipsoid: the frame of GNSS fixes and of Natural Earth data.
///
/// Defining constants from NIMA TR8350.2, *Department of Defense World Geodetic System 1984*,
/// 3rd ed. (2000), Table 3.1 (a = 6 378 137 m, 1/f = 298.257223563). Orbit has its own copy in
/// kilometres; Geofence depends on nothing, so it keeps these in metres.
package enum WGS84Ellipsoid {
    /// Semi-major (equatorial) axis a, metres (TR8350.2 Table 3.1).
    package static let semiMajorAxisMetres = 6_378_137.0
    /// Flattening f = 1 / 298.257223563 (TR8350.2 Table 3.1).
    package static let flattening = 1.0 / 298.257_223_563
    /// Semi-minor (polar) axis b = a (1 − f), metres.
    package static let semiMinorAxisMetres = semiMajorAxisMetres * (1 - flattening)
    /// First eccentricity squared, e² = f (2 − f).
    package static let eccentricitySquared = flattening * (2 - flattening)
    /// Smallest meridional radius of curvature, M(0) = a (1 − e²) ≈ 6 335 439 m (at the equator).
    /// A north–south displacement of s metres changes latitude by at most s / M(0) radians.
    package static let smallestMeridionalRadiusMetres = semiMajorAxisMetres * (1 - eccentricitySquared)

    /// Meridional radius of curvature M(φ) = a (1 − e²) / (1 − e² sin²φ)^{3/2}, metres.
    package static func meridionalRadiusOfCurvatureMetres(latitudeDegrees: Double) -> Double {
        let sinLatitude = sin(latitudeDegrees * degreesToRadians)
        let w2 = 1 - eccentricitySquared * sinLatitude * sinLatitude
        return semiMajorAxisMetres * (1 - eccentricitySquared) / (w2 * w2.squareRoot())
    }

    /// Prime-vertical radius of curvature N(φ) = a / √(1 − e² sin²φ), metres.
    package static func primeVerticalRadiusOfCurvatureMetres(latitudeDegrees: Double) -> Double {
        let sinLatitude = sin(latitudeDegrees * degreesToRadians)
        return semiMajorAxisMetres / (1 - eccentricitySquared * sinLatitude * sinLatitude).squareRoot()
    }

    /// Gaussian mean radius of curvature √(M N) at latitude φ, metres: the radius of the sphere
    /// that osculates the ellipsoid best at that point.
    package static func gaussianRadiusMetres(latitudeDegrees: Double) -> Double {
        (meridionalRadiusOfCurvatureMetres(latitudeDegrees: latitudeDegrees)
            * primeVerticalRadiusOfCurvatureMetres(latitudeDegrees: latitudeDegrees)).squareRoot()
    }

    /// Earth-centred, Earth-fixed position of a point on the ellipsoid (height 0), metres:
    /// X = N cosφ cosλ, Y = N cosφ sinλ, Z = N (1 − e²) sinφ (TR8350.2 eq. 4-14).
    static func earthCentred(_ coordinate: GeodeticCoordinate) -> EarthCentredPoint {
        let latitude = coordinate.latitudeDegrees * degreesToRadians
        let longitude = coordinate.longitudeDegrees * degreesToRadians
        let sinLatitude = sin(latitude)
        let cosLatitude = cos(latitude)
        let n = semiMajorAxisMetres / (1 - eccentricitySquared * sinLatitude * sinLatitude).squareRoot()
        return EarthCentredPoint(
            x: n * cosLatitude * cos(longitude), y: n * cosLatitude * sin(longitude),
            z: n * (1 - eccentricitySquared) * sinLatitude)
    }
}

/// π / 180.
let degreesToRadians = Double.pi / 180
/// 180 / π.
let radiansToDegrees = 180 / Double.pi
