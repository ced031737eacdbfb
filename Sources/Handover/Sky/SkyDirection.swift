import Foundation

/// Directions in the observer's sky as unit vectors of the east-north-up frame, and the angle
/// between two of them.
enum SkyDirection {
    static let radiansPerDegree = Double.pi / 180
    static let degreesPerRadian = 180 / Double.pi

    /// The unit vector toward azimuth `azimuthDegrees` (from north through east) and elevation
    /// `elevationDegrees`: (sin A cos E, cos A cos E, sin E).
    @inline(__always)
    static func unitVector(azimuthDegrees: Double, elevationDegrees: Double) -> SIMD3<Double> {
        let azimuth = azimuthDegrees * radiansPerDegree
        let elevation = elevationDegrees * radiansPerDegree
        let cosElevation = cos(elevation)
        return SIMD3(sin(azimuth) * cosElevation, cos(azimuth) * cosElevation, sin(elevation))
    }

    /// The angle between two directions (any lengths), degrees in [0, 180]:
    /// atan2(|a × b|, a · b), accurate at small and large angles alike (acos of the dot product
    /// loses half the digits near 0° and 180°).
    @inline(__always)
    static func angleDegrees(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        let cross = SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
        return atan2((cross * cross).sum().squareRoot(), (a * b).sum()) * degreesPerRadian
    }

    /// Azimuth (degrees in [0, 360)) and elevation (degrees) of an east-north-up vector.
    @inline(__always)
    static func azimuthElevationDegrees(of enu: SIMD3<Double>) -> (azimuth: Double, elevation: Double) {
        var azimuth = atan2(enu.x, enu.y) * degreesPerRadian
        if azimuth < 0 { azimuth += 360 }
        if azimuth >= 360 { azimuth -= 360 }
        return (azimuth, atan2(enu.z, (enu.x * enu.x + enu.y * enu.y).squareRoot()) * degreesPerRadian)
    }

    /// `degrees` folded into [0, 360).
    @inline(__always)
    static func normalisedAzimuthDegrees(_ degrees: Double) -> Double {
        var folded = degrees.truncatingRemainder(dividingBy: 360)
        if folded < 0 { folded += 360 }
        return folded >= 360 ? 0 : folded
    }
}
