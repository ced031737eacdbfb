import Foundation

/// A place on or above the Earth in WGS-84 geodetic coordinates.
///
/// Latitude is geodetic (the angle of the ellipsoid normal to the equator), height is
/// ellipsoidal (along that normal, above the WGS-84 ellipsoid; not above mean sea level —
/// the geoid differs by up to ±100 m, and GNSS receivers report both).
public struct GeodeticPosition: Sendable, Hashable {
    /// Geodetic latitude, degrees, −90 (south) to +90 (north).
    package var latitudeDegrees: Double
    /// Longitude, degrees east of Greenwich, −180 to +180.
    package var longitudeDegrees: Double
    /// Height above the WGS-84 ellipsoid, kilometres.
    package var heightKilometres: Double

    /// Builds a position from its coordinates, as given.
    public init(latitudeDegrees: Double, longitudeDegrees: Double, heightKilometres: Double = 0) {
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.heightKilometres = heightKilometres
    }

    /// Builds a position with its height in metres, as GNSS receivers report it.
    public init(latitudeDegrees: Double, longitudeDegrees: Double, heightMetres: Double) {
        self.init(latitudeDegrees: latitudeDegrees, longitudeDegrees: longitudeDegrees, heightKilometres: heightMetres / 1000)
    }

    /// Height above the WGS-84 ellipsoid, metres.
    package var heightMetres: Double { heightKilometres * 1000 }

    /// The Earth-centred, Earth-fixed position, kilometres.
    ///
    /// N = a / √(1 − e² sin²φ);  r = ((N + h) cosφ cosλ, (N + h) cosφ sinλ, (N (1 − e²) + h) sinφ)
    /// (Vallado 4th ed. eqs. 3-7 and 3-14, "site" vector; exact, no approximation).
    package var ecefPositionKilometres: SIMD3<Double> {
        let latitude = latitudeDegrees * (Double.pi / 180)
        let longitude = longitudeDegrees * (Double.pi / 180)
        let sinLatitude = sin(latitude)
        let cosLatitude = cos(latitude)
        let e2 = WGS84.eccentricitySquared
        let primeVerticalRadius = WGS84.semiMajorAxisKilometres / (1 - e2 * sinLatitude * sinLatitude).squareRoot()
        let equatorialDistance = (primeVerticalRadius + heightKilometres) * cosLatitude
        return SIMD3(
            equatorialDistance * cos(longitude),
            equatorialDistance * sin(longitude),
            (primeVerticalRadius * (1 - e2) + heightKilometres) * sinLatitude)
    }
}
