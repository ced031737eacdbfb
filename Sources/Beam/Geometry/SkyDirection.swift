import RealModule

/// A direction in the terminal's local East-North-Up (ENU) frame, as azimuth and elevation.
///
/// Azimuth is measured from north through east (0° north, 90° east), elevation from the
/// local horizontal plane (90° zenith). The unit vector is
/// (E, N, U) = (cos el · sin az, cos el · cos az, sin el). Orbit's `LookAngles` is a
/// satellite's place in the sky with its range and range rate; the pointing tick turns one
/// into the direction the array steers toward.
package struct SkyDirection: Sendable, Hashable {
    /// Azimuth from north through east, degrees.
    package var azimuthDegrees: Double
    /// Elevation above the local horizontal, degrees (−90...90).
    package var elevationDegrees: Double

    /// A direction from its azimuth and elevation, degrees.
    package init(azimuthDegrees: Double, elevationDegrees: Double) {
        self.azimuthDegrees = azimuthDegrees
        self.elevationDegrees = elevationDegrees
    }

    /// The direction of a non-zero ENU vector (azimuth in [0°, 360°); azimuth 0° at the
    /// zenith and nadir, where it is undefined), or `nil` for a zero or non-finite vector.
    package init?(eastNorthUp vector: SIMD3<Double>) {
        let horizontal = (vector.x * vector.x + vector.y * vector.y).squareRoot()
        guard horizontal.isFinite, vector.z.isFinite, horizontal > 0 || vector.z != 0 else { return nil }
        var azimuth = Double.atan2(y: vector.x, x: vector.y) * 180 / Double.pi
        if azimuth < 0 { azimuth += 360 }
        if azimuth >= 360 { azimuth -= 360 }
        azimuthDegrees = azimuth
        elevationDegrees = Double.atan2(y: vector.z, x: horizontal) * 180 / Double.pi
    }

    /// The unit vector (east, north, up). Costs one sine and one cosine per angle.
    package var unitVectorEastNorthUp: SIMD3<Double> {
        let azimuth = azimuthDegrees * Double.pi / 180
        let elevation = elevationDegrees * Double.pi / 180
        let cosElevation = Double.cos(elevation)
        return SIMD3(cosElevation * Double.sin(azimuth), cosElevation * Double.cos(azimuth), Double.sin(elevation))
    }

    /// The angle between this direction and `other`, degrees (0...180), computed with
    /// atan2(|a × b|, a · b), which stays accurate for small separations.
    package func separationDegrees(from other: SkyDirection) -> Double {
        let a = unitVectorEastNorthUp
        let b = other.unitVectorEastNorthUp
        let cross = SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
        let sine = (cross * cross).sum().squareRoot()
        return Double.atan2(y: sine, x: (a * b).sum()) * 180 / Double.pi
    }
}
