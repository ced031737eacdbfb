/// The Earth constants SGP4 runs with.
///
/// SGP4 element sets are fitted with WGS-72 (`wgs72`), so propagating them with any other
/// set degrades accuracy; the others exist only to reproduce third-party results.
///
/// Reference: Vallado, Crawford, Hujsak, Kelso, "Revisiting Spacetrack Report #3",
/// AIAA 2006-6753, §"Gravitational constants" and the routine `getgravconst`.
public struct SGP4GravityModel: Sendable, Hashable {
    /// Equatorial radius of the Earth, km.
    package let earthRadiusKilometres: Double
    /// Gravitational parameter GM, km³/s².
    package let gravitationalParameter: Double
    /// √(GM) in Earth radii^1.5 per minute: 60 / √(R³ / GM).
    package let xke: Double
    /// Minutes per canonical time unit, 1 / `xke`.
    package let minutesPerTimeUnit: Double
    /// Second zonal harmonic J2 (dimensionless).
    package let j2: Double
    /// Third zonal harmonic J3 (dimensionless).
    package let j3: Double
    /// Fourth zonal harmonic J4 (dimensionless).
    package let j4: Double
    /// J3 / J2.
    package let j3OverJ2: Double

    init(radius: Double, mu: Double, xke: Double, j2: Double, j3: Double, j4: Double) {
        self.earthRadiusKilometres = radius
        self.gravitationalParameter = mu
        self.xke = xke
        self.minutesPerTimeUnit = 1.0 / xke
        self.j2 = j2
        self.j3 = j3
        self.j4 = j4
        self.j3OverJ2 = j3 / j2
    }

    /// WGS-72, the constants element sets are generated with (AIAA 2006-6753, `wgs72`).
    public static let wgs72 = SGP4GravityModel(
        radius: 6378.135, mu: 398_600.8,
        xke: 60.0 / (6378.135 * 6378.135 * 6378.135 / 398_600.8).squareRoot(),
        j2: 0.001082616, j3: -0.00000253881, j4: -0.00000165597)

    /// WGS-72 as printed in Spacetrack Report #3 (1980), with the rounded `xke`
    /// (AIAA 2006-6753, `wgs72old`).
    package static let wgs72Old = SGP4GravityModel(
        radius: 6378.135, mu: 398_600.79964, xke: 0.0743669161,
        j2: 0.001082616, j3: -0.00000253881, j4: -0.00000165597)

    /// WGS-84 (AIAA 2006-6753, `wgs84`); not what element sets are fitted with.
    package static let wgs84 = SGP4GravityModel(
        radius: 6378.137, mu: 398_600.5,
        xke: 60.0 / (6378.137 * 6378.137 * 6378.137 / 398_600.5).squareRoot(),
        j2: 0.00108262998905, j3: -0.00000253215306, j4: -0.00000161098761)
}

/// Which of the two behaviours of the reference code to follow where they differ.
///
/// They differ in one place: the Lyddane branch of the lunar–solar periodics (`dpper`),
/// where the AFSPC code wraps the node into [0, 2π) before using it without a
/// trigonometric function. AIAA 2006-6753, §"Operation mode".
public enum SGP4OperationMode: Sendable, Hashable {
    /// Vallado's improved mode `'i'` (the default of the reference and of python `sgp4`).
    case improved
    /// The AFSPC-compatible mode `'a'`.
    case afspc
}
