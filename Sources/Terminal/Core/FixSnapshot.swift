/// A position fix as the tick receives it: a few words, `BitwiseCopyable`, through a
/// `LatestValueMailbox` from the GNSS driver (or the simulator).
package struct FixSnapshot: Sendable, Hashable, BitwiseCopyable {
    /// Increases with every fix; 0 = no fix ever.
    package var sequence: UInt64
    /// Geodetic latitude, degrees.
    package var latitudeDegrees: Double
    /// Longitude, degrees.
    package var longitudeDegrees: Double
    /// Height above the WGS-84 ellipsoid, metres.
    package var heightMetres: Double
    /// Horizontal position uncertainty, metres (the geofence adds it as margin).
    package var horizontalUncertaintyMetres: Double
    /// When the fix was received, monotonic nanoseconds.
    package var receivedAtNanoseconds: Int64
    /// UTC of the fix, nanoseconds since the Unix epoch, or `Int64.min` if it carried none.
    package var utcNanoseconds: Int64

    /// No fix.
    package static let none = FixSnapshot(
        sequence: 0, latitudeDegrees: .nan, longitudeDegrees: .nan, heightMetres: 0, horizontalUncertaintyMetres: .infinity,
        receivedAtNanoseconds: 0, utcNanoseconds: .min)

    /// Builds a fix.
    package init(
        sequence: UInt64, latitudeDegrees: Double, longitudeDegrees: Double, heightMetres: Double,
        horizontalUncertaintyMetres: Double, receivedAtNanoseconds: Int64, utcNanoseconds: Int64
    ) {
        self.sequence = sequence
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.heightMetres = heightMetres
        self.horizontalUncertaintyMetres = horizontalUncertaintyMetres
        self.receivedAtNanoseconds = receivedAtNanoseconds
        self.utcNanoseconds = utcNanoseconds
    }
}
