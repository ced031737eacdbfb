/// A position on the WGS-84 ellipsoid: geodetic latitude and longitude in degrees.
///
/// Latitude is positive north, longitude positive east (GeoJSON stores the pair the other way
/// round, `[longitude, latitude]`, RFC 7946 §3.1.1). No height: every zone lives on the
/// ellipsoid surface, and a terminal's height of a few hundred metres changes horizontal
/// distances by less than a part in 10⁴.
public struct GeodeticCoordinate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Geodetic latitude φ, degrees in [−90, 90].
    public var latitudeDegrees: Double
    /// Longitude λ, degrees in [−180, 180].
    public var longitudeDegrees: Double

    /// Creates a coordinate; nothing is checked here (see ``isValid``).
    public init(latitudeDegrees: Double, longitudeDegrees: Double) {
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
    }

    /// True when both angles are finite, |φ| ≤ 90° and |λ| ≤ 180° (RFC 7946 §4).
    package var isValid: Bool {
        latitudeDegrees.isFinite && longitudeDegrees.isFinite && abs(latitudeDegrees) <= 90
            && abs(longitudeDegrees) <= 180
    }

    /// The same point with its longitude wrapped into [−180, 180).
    package var normalised: GeodeticCoordinate {
        GeodeticCoordinate(
            latitudeDegrees: latitudeDegrees, longitudeDegrees: Self.wrapLongitudeDegrees(longitudeDegrees))
    }

    /// Wraps a longitude into [−180, 180).
    public static func wrapLongitudeDegrees(_ longitudeDegrees: Double) -> Double {
        guard longitudeDegrees.isFinite else { return longitudeDegrees }
        if longitudeDegrees >= -180 && longitudeDegrees < 180 { return longitudeDegrees }
        var wrapped = (longitudeDegrees + 180).truncatingRemainder(dividingBy: 360)
        if wrapped < 0 { wrapped += 360 }
        return wrapped - 180
    }

    /// `(lat 12.5, lon -3.25)`, rounded to six decimals (about 0.1 m, the precision of
    /// Natural Earth files).
    public var description: String {
        "(lat \(Self.format(latitudeDegrees)), lon \(Self.format(longitudeDegrees)))"
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let scaled = (value * 1e6).rounded() / 1e6
        return "\(scaled)"
    }
}
