/// A point in the Earth-centred, Earth-fixed WGS-84 frame, metres.
///
/// Boundary distances are measured between such points: the chord through the Earth is shorter
/// than the geodesic on the surface by c³ / (24 R²) (1.1 cm at 12 nautical miles), which
/// ``ChordToArc`` adds back.
struct EarthCentredPoint: Sendable, Equatable {
    var x: Double
    var y: Double
    var z: Double

    static func - (lhs: EarthCentredPoint, rhs: EarthCentredPoint) -> EarthCentredPoint {
        EarthCentredPoint(x: lhs.x - rhs.x, y: lhs.y - rhs.y, z: lhs.z - rhs.z)
    }

    func dot(_ other: EarthCentredPoint) -> Double { x * other.x + y * other.y + z * other.z }

    var lengthSquared: Double { dot(self) }

    /// Squared distance from `point` to the segment from `self` to `end`.
    func squaredDistance(ofSegmentTo end: EarthCentredPoint, from point: EarthCentredPoint) -> Double {
        let ex = end.x - x
        let ey = end.y - y
        let ez = end.z - z
        let px = point.x - x
        let py = point.y - y
        let pz = point.z - z
        let lengthSquared = ex * ex + ey * ey + ez * ez
        var t = lengthSquared > 0 ? (px * ex + py * ey + pz * ez) / lengthSquared : 0
        t = min(max(t, 0), 1)
        let dx = px - t * ex
        let dy = py - t * ey
        let dz = pz - t * ez
        return dx * dx + dy * dy + dz * dz
    }
}

/// Conversion between chord length c (straight line through the Earth) and surface distance s
/// on a sphere of radius R: s = 2R asin(c / 2R) ≈ c + c³ / (24 R²).
///
/// With R the Gaussian radius at the query point the residual against an ellipsoidal geodesic
/// is below 1 m up to 500 km (the c³ term itself is 1.1 cm at 22 km and 128 m at 500 km; R
/// varies by ±0.35 % with azimuth). Beyond 1 000 km use ``VincentyGeodesic``.
enum ChordToArc {
    static func arcMetres(chordMetres c: Double, radiusMetres r: Double) -> Double {
        c + c * c * c / (24 * r * r)
    }
}
