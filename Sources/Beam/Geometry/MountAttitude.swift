/// How the array is mounted: where its boresight points in the local ENU frame and how it
/// is turned about it.
///
/// Reference attitude (all angles zero in `.tilt`): the array lies flat facing the zenith,
/// its x axis pointing east, its y axis north. Angles are degrees.
public enum MountAttitude: Sendable, Hashable {
    /// Boresight at `azimuthDegrees` (from north through east) and `elevationDegrees`, with
    /// the array's x axis horizontal: the flat array is turned so that its +y axis points
    /// along the azimuth, then tipped about its x axis until the boresight is at the
    /// elevation (as a motorised dish tilts towards its target). Equivalent to
    /// `.tilt(rollDegrees: 0, pitchDegrees: elevation − 90, yawDegrees: azimuth)`.
    case boresight(azimuthDegrees: Double, elevationDegrees: Double)

    /// Attitude as measured by an IMU, applied to the reference attitude in the order yaw,
    /// pitch, roll (intrinsic), so that array-frame vectors map to ENU by
    ///
    ///     R = Rz(−yaw) · Rx(pitch) · Ry(roll)
    ///
    /// where Rk(α) is a right-handed rotation by α about axis k. Yaw is a heading: the
    /// direction of the array's +y axis, clockwise from north. Positive pitch raises the +y
    /// edge (tipping the boresight towards −y); positive roll tips the boresight towards +x.
    case tilt(rollDegrees: Double, pitchDegrees: Double, yawDegrees: Double)

    /// Flat on the ground facing the zenith, x east, y north.
    public static let zenith = MountAttitude.boresight(azimuthDegrees: 0, elevationDegrees: 90)

    /// The same attitude as roll, pitch and yaw, degrees.
    package var rollPitchYawDegrees: (roll: Double, pitch: Double, yaw: Double) {
        switch self {
        case .boresight(let azimuth, let elevation): (0, elevation - 90, azimuth)
        case .tilt(let roll, let pitch, let yaw): (roll, pitch, yaw)
        }
    }

    /// Whether every angle is finite.
    package var isFinite: Bool {
        let angles = rollPitchYawDegrees
        return angles.roll.isFinite && angles.pitch.isFinite && angles.yaw.isFinite
    }
}
