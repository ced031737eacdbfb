import Foundation

/// Geodesics on the WGS-84 ellipsoid by Vincenty's iterative formulae.
///
/// T. Vincenty, "Direct and inverse solutions of geodesics on the ellipsoid with application of
/// nested equations", *Survey Review* 23 (176), 1975, pp. 88–93 (equations numbered as there).
/// Accuracy about 0.1 mm for any pair of points except nearly antipodal ones, where the inverse
/// iteration may not converge and ``inverse(from:to:)`` returns nil; C. F. F. Karney,
/// "Algorithms for geodesics", *J. Geodesy* 87, 2013, solves those too and is what the tests'
/// oracle (GeographicLib) uses. Geofence uses this type to check its fast chord distances and
/// fix-to-fix speeds, never for an antipodal pair.
package enum VincentyGeodesic {
    /// The solution of the inverse problem: distance and azimuths between two points.
    package struct Solution: Sendable, Equatable {
        /// Length of the geodesic s, metres.
        package var distanceMetres: Double
        /// Azimuth of the geodesic at the first point, degrees clockwise from north.
        package var initialAzimuthDegrees: Double
        /// Azimuth of the geodesic at the second point (forward direction), degrees.
        package var finalAzimuthDegrees: Double
    }

    static let a = WGS84Ellipsoid.semiMajorAxisMetres
    static let f = WGS84Ellipsoid.flattening
    static let b = WGS84Ellipsoid.semiMinorAxisMetres

    /// Solves the inverse problem (Vincenty 1975, eqs. 13–19, iterated on λ).
    /// Returns nil when the iteration does not converge (nearly antipodal points) or a
    /// coordinate is not finite.
    package static func inverse(from start: GeodeticCoordinate, to end: GeodeticCoordinate) -> Solution? {
        guard start.latitudeDegrees.isFinite, start.longitudeDegrees.isFinite, end.latitudeDegrees.isFinite,
            end.longitudeDegrees.isFinite
        else { return nil }
        let bigL =
            GeodeticCoordinate.wrapLongitudeDegrees(end.longitudeDegrees - start.longitudeDegrees)
            * degreesToRadians
        let u1 = atan((1 - f) * tan(start.latitudeDegrees * degreesToRadians))
        let u2 = atan((1 - f) * tan(end.latitudeDegrees * degreesToRadians))
        let sinU1 = sin(u1)
        let cosU1 = cos(u1)
        let sinU2 = sin(u2)
        let cosU2 = cos(u2)
        var lambda = bigL
        var sinSigma = 0.0
        var cosSigma = 0.0
        var sigma = 0.0
        var cosSquaredAlpha = 0.0
        var cos2SigmaM = 0.0
        var converged = false
        for _ in 0..<200 {
            let sinLambda = sin(lambda)
            let cosLambda = cos(lambda)
            let t1 = cosU2 * sinLambda
            let t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda
            sinSigma = (t1 * t1 + t2 * t2).squareRoot()  // eq. 14
            if sinSigma == 0 {
                return Solution(distanceMetres: 0, initialAzimuthDegrees: 0, finalAzimuthDegrees: 0)
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda  // eq. 15
            sigma = atan2(sinSigma, cosSigma)  // eq. 16
            let sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma  // eq. 17
            cosSquaredAlpha = 1 - sinAlpha * sinAlpha
            cos2SigmaM = cosSquaredAlpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cosSquaredAlpha : 0  // eq. 18
            let c = f / 16 * cosSquaredAlpha * (4 + f * (4 - 3 * cosSquaredAlpha))  // eq. 10
            let previous = lambda
            lambda =
                bigL + (1 - c) * f * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))  // eq. 11
            if abs(lambda) > Double.pi { return nil }
            if abs(lambda - previous) < 1e-12 {
                converged = true
                break
            }
        }
        guard converged else { return nil }
        let uSquared = cosSquaredAlpha * (a * a - b * b) / (b * b)
        let (bigA, bigB) = seriesCoefficients(uSquared: uSquared)
        let deltaSigma = sigmaCorrection(
            bigB: bigB, sinSigma: sinSigma, cosSigma: cosSigma, cos2SigmaM: cos2SigmaM)
        let s = b * bigA * (sigma - deltaSigma)  // eq. 19
        let sinLambda = sin(lambda)
        let cosLambda = cos(lambda)
        let alpha1 = atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda)  // eq. 20
        let alpha2 = atan2(cosU1 * sinLambda, -sinU1 * cosU2 + cosU1 * sinU2 * cosLambda)  // eq. 21
        return Solution(
            distanceMetres: s, initialAzimuthDegrees: normaliseAzimuth(alpha1 * radiansToDegrees),
            finalAzimuthDegrees: normaliseAzimuth(alpha2 * radiansToDegrees))
    }

    /// Solves the direct problem (Vincenty 1975, eqs. 1–9): the point reached from `start`
    /// along the geodesic leaving at `azimuthDegrees` (clockwise from north) after
    /// `distanceMetres`. The longitude of the result is wrapped into [−180, 180).
    package static func destination(
        from start: GeodeticCoordinate, azimuthDegrees: Double, distanceMetres: Double
    ) -> GeodeticCoordinate {
        let alpha1 = azimuthDegrees * degreesToRadians
        let sinAlpha1 = sin(alpha1)
        let cosAlpha1 = cos(alpha1)
        let tanU1 = (1 - f) * tan(start.latitudeDegrees * degreesToRadians)
        let cosU1 = 1 / (1 + tanU1 * tanU1).squareRoot()
        let sinU1 = tanU1 * cosU1
        let sigma1 = atan2(tanU1, cosAlpha1)  // eq. 1
        let sinAlpha = cosU1 * sinAlpha1  // eq. 2
        let cosSquaredAlpha = 1 - sinAlpha * sinAlpha
        let uSquared = cosSquaredAlpha * (a * a - b * b) / (b * b)
        let (bigA, bigB) = seriesCoefficients(uSquared: uSquared)  // eqs. 3, 4
        var sigma = distanceMetres / (b * bigA)
        var cos2SigmaM = 0.0
        var sinSigma = 0.0
        var cosSigma = 0.0
        for _ in 0..<200 {
            cos2SigmaM = cos(2 * sigma1 + sigma)  // eq. 5
            sinSigma = sin(sigma)
            cosSigma = cos(sigma)
            let deltaSigma = sigmaCorrection(
                bigB: bigB, sinSigma: sinSigma, cosSigma: cosSigma, cos2SigmaM: cos2SigmaM)  // eq. 6
            let previous = sigma
            sigma = distanceMetres / (b * bigA) + deltaSigma  // eq. 7
            if abs(sigma - previous) < 1e-12 { break }
        }
        cos2SigmaM = cos(2 * sigma1 + sigma)
        sinSigma = sin(sigma)
        cosSigma = cos(sigma)
        let tmp = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1
        let latitude = atan2(
            sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1,
            (1 - f) * (sinAlpha * sinAlpha + tmp * tmp).squareRoot())  // eq. 8
        let lambda = atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1)  // eq. 9
        let c = f / 16 * cosSquaredAlpha * (4 + f * (4 - 3 * cosSquaredAlpha))  // eq. 10
        let bigL =
            lambda - (1 - c) * f * sinAlpha
            * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))  // eq. 11
        return GeodeticCoordinate(
            latitudeDegrees: latitude * radiansToDegrees,
            longitudeDegrees: GeodeticCoordinate.wrapLongitudeDegrees(
                start.longitudeDegrees + bigL * radiansToDegrees))
    }

    /// A and B of eqs. 3–4 (the "Helmert" form of the series in u²).
    private static func seriesCoefficients(uSquared u2: Double) -> (Double, Double) {
        let bigA = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
        let bigB = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
        return (bigA, bigB)
    }

    /// Δσ of eq. 6.
    private static func sigmaCorrection(bigB: Double, sinSigma: Double, cosSigma: Double, cos2SigmaM: Double)
        -> Double
    {
        let c2 = cos2SigmaM * cos2SigmaM
        return bigB * sinSigma
            * (cos2SigmaM + bigB / 4
                * (cosSigma * (-1 + 2 * c2) - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma)
                    * (-3 + 4 * c2)))
    }

    private static func normaliseAzimuth(_ degrees: Double) -> Double {
        degrees < 0 ? degrees + 360 : degrees
    }
}
