import RealModule

/// A unit direction in the array frame, as direction cosines.
///
/// The array frame has x and y in the plane of the elements and z along the boresight
/// (the outward normal); see `MountFrame` for how it sits in the local ENU frame. With θ the
/// angle off boresight and φ the angle in the array plane from +x towards +y:
///
///     u = sin θ cos φ,   v = sin θ sin φ,   w = cos θ
///
/// (Mailloux, *Phased Array Antenna Handbook*, 2nd ed., §1.1, direction cosines).
package struct ArrayFrameDirection: Sendable, Hashable {
    /// Direction cosine along the array's x axis.
    package var u: Double
    /// Direction cosine along the array's y axis.
    package var v: Double
    /// Direction cosine along the boresight, cos θ (negative behind the array).
    package var w: Double

    /// A direction from its three direction cosines (expected to have unit length).
    package init(u: Double, v: Double, w: Double) {
        self.u = u
        self.v = v
        self.w = w
    }

    /// The direction in front of the array (w ≥ 0) with in-plane cosines `u`, `v`, or `nil`
    /// outside visible space (u² + v² > 1).
    package init?(frontHemisphereU u: Double, v: Double) {
        let inPlane = u * u + v * v
        guard inPlane <= 1 else { return nil }
        self.init(u: u, v: v, w: (1 - inPlane).squareRoot())
    }

    /// A direction `offBoresightDegrees` (θ) from boresight, at `planeAngleDegrees` (φ) from
    /// +x towards +y.
    package init(offBoresightDegrees: Double, planeAngleDegrees: Double) {
        let theta = offBoresightDegrees * Double.pi / 180
        let phi = planeAngleDegrees * Double.pi / 180
        self.init(u: Double.sin(theta) * Double.cos(phi), v: Double.sin(theta) * Double.sin(phi), w: Double.cos(theta))
    }

    /// θ, the angle off boresight, degrees (0...180).
    package var offBoresightDegrees: Double {
        Double.atan2(y: (u * u + v * v).squareRoot(), x: w) * 180 / Double.pi
    }

    /// φ, the angle in the array plane from +x towards +y, degrees in (−180, 180].
    package var planeAngleDegrees: Double { Double.atan2(y: v, x: u) * 180 / Double.pi }

    /// The vector (u, v, w).
    package var vector: SIMD3<Double> { SIMD3(u, v, w) }
}
