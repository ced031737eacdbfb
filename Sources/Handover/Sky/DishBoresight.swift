/// Where the dish's antenna face points: the axis around which the phased array can steer its
/// beam (the scan cone), as the dish reports it in `boresight_azimuth_deg` and
/// `boresight_elevation_deg`.
///
/// A Starlink dish tilts its face toward the part of the sky where its satellites are most
/// often found (roughly north at northern mid-latitudes); a flat-mounted terminal looks at the
/// zenith.
public struct DishBoresight: Sendable, Hashable {
    /// Azimuth of the boresight, degrees from north through east.
    package var azimuthDegrees: Double
    /// Elevation of the boresight, degrees above the horizon.
    package var elevationDegrees: Double

    /// A boresight at the given azimuth and elevation.
    package init(azimuthDegrees: Double, elevationDegrees: Double) {
        self.azimuthDegrees = azimuthDegrees
        self.elevationDegrees = elevationDegrees
    }

    /// A flat-mounted dish, looking straight up.
    public static let zenith = DishBoresight(azimuthDegrees: 0, elevationDegrees: 90)

    /// The boresight as a unit east-north-up vector.
    var unitVector: SIMD3<Double> {
        SkyDirection.unitVector(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees)
    }

    /// The angle between the boresight and the direction (`azimuthDegrees`, `elevationDegrees`),
    /// degrees in [0, 180]: how far the array has to steer off its axis to point there.
    package func offBoresightDegrees(azimuthDegrees: Double, elevationDegrees: Double) -> Double {
        SkyDirection.angleDegrees(
            unitVector, SkyDirection.unitVector(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees))
    }
}
