import RealModule

/// The array frame's axes in the local ENU frame, and conversions between the two.
///
/// The columns of R (see `MountAttitude.tilt`) are the array's x, y and boresight axes
/// expressed in ENU; a local direction d maps into the array frame as Rᵀ·d (one dot
/// product per axis) and back as R·a. R is orthonormal, so the round trip is exact to
/// rounding.
package struct MountFrame: Sendable, Hashable {
    /// The array's x axis (in the plane of the elements) in ENU.
    package let xAxisEastNorthUp: SIMD3<Double>
    /// The array's y axis (in the plane of the elements) in ENU.
    package let yAxisEastNorthUp: SIMD3<Double>
    /// The boresight (array z axis, outward normal) in ENU.
    package let boresightEastNorthUp: SIMD3<Double>

    /// The frame of an array mounted at `attitude`.
    package init(_ attitude: MountAttitude) {
        let angles = attitude.rollPitchYawDegrees
        let roll = angles.roll * Double.pi / 180
        let pitch = angles.pitch * Double.pi / 180
        let yaw = angles.yaw * Double.pi / 180
        func rotate(_ vector: SIMD3<Double>) -> SIMD3<Double> {
            // Ry(roll), right-handed about y.
            let afterRoll = SIMD3(
                Double.cos(roll) * vector.x + Double.sin(roll) * vector.z, vector.y,
                -Double.sin(roll) * vector.x + Double.cos(roll) * vector.z)
            // Rx(pitch), right-handed about x.
            let afterPitch = SIMD3(
                afterRoll.x, Double.cos(pitch) * afterRoll.y - Double.sin(pitch) * afterRoll.z,
                Double.sin(pitch) * afterRoll.y + Double.cos(pitch) * afterRoll.z)
            // Rz(−yaw): clockwise seen from above, so +y turns from north towards east.
            return SIMD3(
                Double.cos(yaw) * afterPitch.x + Double.sin(yaw) * afterPitch.y,
                -Double.sin(yaw) * afterPitch.x + Double.cos(yaw) * afterPitch.y, afterPitch.z)
        }
        xAxisEastNorthUp = rotate(SIMD3(1, 0, 0))
        yAxisEastNorthUp = rotate(SIMD3(0, 1, 0))
        boresightEastNorthUp = rotate(SIMD3(0, 0, 1))
    }

    /// Where the boresight points, as local azimuth and elevation.
    package var boresightLookAngles: SkyDirection {
        SkyDirection(eastNorthUp: boresightEastNorthUp) ?? SkyDirection(azimuthDegrees: 0, elevationDegrees: 90)
    }

    /// The array-frame direction of a unit ENU vector: (u, v, w) = Rᵀ·d.
    package func arrayDirection(eastNorthUp direction: SIMD3<Double>) -> ArrayFrameDirection {
        ArrayFrameDirection(
            u: (xAxisEastNorthUp * direction).sum(),
            v: (yAxisEastNorthUp * direction).sum(),
            w: (boresightEastNorthUp * direction).sum())
    }

    /// The array-frame direction of a local azimuth/elevation.
    package func arrayDirection(toward target: SkyDirection) -> ArrayFrameDirection {
        arrayDirection(eastNorthUp: target.unitVectorEastNorthUp)
    }

    /// The ENU vector of an array-frame direction: R·(u, v, w).
    package func eastNorthUp(of direction: ArrayFrameDirection) -> SIMD3<Double> {
        xAxisEastNorthUp * direction.u + yAxisEastNorthUp * direction.v + boresightEastNorthUp * direction.w
    }

    /// The local azimuth/elevation of an array-frame direction (`nil` for a zero vector).
    package func lookAngles(of direction: ArrayFrameDirection) -> SkyDirection? {
        SkyDirection(eastNorthUp: eastNorthUp(of: direction))
    }
}
