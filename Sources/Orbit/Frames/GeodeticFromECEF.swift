import Foundation

extension GeodeticPosition {
    /// The geodetic coordinates of an Earth-fixed position (kilometres), closed form.
    ///
    /// Vermeille's exact solution of the quartic for the foot of the normal (H. Vermeille,
    /// "Direct transformation from geocentric coordinates to geodetic coordinates",
    /// J. Geodesy 76 (2002) 451–454), in the rearrangement of C. F. F. Karney's GeographicLib
    /// (`Geocentric::Reverse`, MIT licence), which avoids cancellation and extends the solution
    /// inside the evolute of the ellipsoid (within ~43 km of the centre) so that every input,
    /// the poles and the centre included, gives a finite answer. No iteration: the result is
    /// exact to rounding, a few nanometres at satellite distances (tests check < 1 µm round
    /// trips, the brief asked for < 1 mm).
    ///
    /// On the polar axis the longitude is 0.
    package init(ecefPositionKilometres position: SIMD3<Double>) {
        let a = WGS84.semiMajorAxisKilometres
        let e2 = WGS84.eccentricitySquared
        let e2m = 1 - e2  // (1 − f)²
        let e4 = e2 * e2
        let z = position.z
        let axisDistance = hypot(position.x, position.y)
        // Vermeille's p, q, r, scaled by a².
        let p = (axisDistance / a) * (axisDistance / a)
        let q = e2m * (z / a) * (z / a)
        let r = (p + q - e4) / 6
        var sinLatitude: Double
        var cosLatitude: Double
        var height: Double
        if !(e4 * q == 0 && r <= 0) {
            let s = e4 * p * q / 4  // r³·s of the paper, so r = 0 divides nothing
            let r2 = r * r
            let r3 = r * r2
            let discriminant = s * (2 * r3 + s)
            var u = r
            if discriminant >= 0 {
                // Take the root sign that maximises |T³| (no cancellation); cbrt is the real root.
                var t3 = s + r3
                t3 += t3 < 0 ? -discriminant.squareRoot() : discriminant.squareRoot()
                let t = cbrt(t3)
                u += t + (t != 0 ? r2 / t : 0)
            } else {
                // Inside the evolute: three real roots; this one avoids cancellation.
                let angle = atan2((-discriminant).squareRoot(), -(s + r3))
                u += 2 * r * cos(angle / 3)
            }
            let v = (u * u + e4 * q).squareRoot()
            let uPlusV = u < 0 ? e4 * q / (v - u) : u + v
            let w = max(0, e2 * (uPlusV - q) / (2 * v))
            let k = uPlusV / ((uPlusV + w * w).squareRoot() + w)
            let kPlusE2 = k + e2
            let d = k * axisDistance / kPlusE2
            let hypotenuse = hypot(z / k, axisDistance / kPlusE2)
            sinLatitude = (z / k) / hypotenuse
            cosLatitude = (axisDistance / kPlusE2) / hypotenuse
            height = (1 - e2m / k) * hypot(d, z)
        } else {
            // In the equatorial plane inside the evolute: the limit of the general formulas.
            let zz = ((e4 - p) / e2m).squareRoot()
            let xx = p.squareRoot()
            let hypotenuse = hypot(zz, xx)
            sinLatitude = zz / hypotenuse
            cosLatitude = xx / hypotenuse
            if z < 0 { sinLatitude = -sinLatitude }
            height = -a * e2m * hypotenuse / e2
        }
        let degreesPerRadian = 180 / Double.pi
        self.init(
            latitudeDegrees: atan2(sinLatitude, cosLatitude) * degreesPerRadian,
            longitudeDegrees: atan2(position.y, position.x) * degreesPerRadian,
            heightKilometres: height)
    }
}
