/// Where a satellite is in an observer's sky, and how fast it is moving away.
package struct LookAngles: Sendable, Hashable {
    /// Azimuth, degrees in [0, 360), from geodetic north through east. At the zenith, where
    /// azimuth is undefined, 0.
    package var azimuthDegrees: Double
    /// Elevation above the observer's horizon plane (normal to the WGS-84 ellipsoid), degrees,
    /// −90 to +90. No refraction.
    package var elevationDegrees: Double
    /// Slant range from observer to satellite, kilometres.
    package var rangeKilometres: Double
    /// Time derivative of the slant range, km/s: positive when the satellite recedes,
    /// negative when it approaches.
    package var rangeRateKilometresPerSecond: Double

    /// Builds look angles from their values, as given.
    package init(
        azimuthDegrees: Double, elevationDegrees: Double, rangeKilometres: Double,
        rangeRateKilometresPerSecond: Double
    ) {
        self.azimuthDegrees = azimuthDegrees
        self.elevationDegrees = elevationDegrees
        self.rangeKilometres = rangeKilometres
        self.rangeRateKilometresPerSecond = rangeRateKilometresPerSecond
    }
}
