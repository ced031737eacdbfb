/// A GNSS position as the geofence needs it.
package struct PositionFix: Sendable, Equatable {
    /// Where.
    package var coordinate: GeodeticCoordinate
    /// Horizontal position uncertainty (e.g. gpsd's `eph`, or 2·HDOP·UERE), metres, ≥ 0.
    package var horizontalUncertaintyMetres: Double
    /// When the position was valid, on the monotonic clock that ``GeofenceEvaluator/decide(at:)``
    /// is given (time since an arbitrary epoch, e.g. the loop's start).
    package var monotonicTime: Duration

    /// Creates a fix.
    package init(coordinate: GeodeticCoordinate, horizontalUncertaintyMetres: Double, monotonicTime: Duration) {
        self.coordinate = coordinate
        self.horizontalUncertaintyMetres = horizontalUncertaintyMetres
        self.monotonicTime = monotonicTime
    }

    /// Whether the coordinate is valid and the uncertainty finite and not negative.
    package var isUsable: Bool {
        coordinate.isValid && horizontalUncertaintyMetres.isFinite && horizontalUncertaintyMetres >= 0
    }
}

/// What ``GeofenceEvaluator/update(fix:)`` made of a fix.
package enum FixAssessment: Sendable, Equatable {
    /// Taken as the current position.
    case accepted
    /// Unusable (NaN or out-of-range coordinate, bad uncertainty); decisions fail closed until
    /// a usable fix arrives.
    case invalid
    /// Older than the current fix; ignored.
    case outOfOrder
    /// Taken, but the move from the previous fix implies this speed (m/s), beyond the
    /// platform's maximum; decisions fail closed for the recovery time.
    case implausibleJump(impliedSpeedMetresPerSecond: Double)
}
