/// A position fix as the tick receives it: a few words, `BitwiseCopyable`, through a
/// `LatestValueMailbox` from the GNSS driver (or the simulator).
public struct FixSnapshot: Sendable, Hashable, BitwiseCopyable {
    /// Increases with every fix; 0 = no fix ever.
    public var sequence: UInt64
    /// Geodetic latitude, degrees.
    public var latitudeDegrees: Double
    /// Longitude, degrees.
    public var longitudeDegrees: Double
    /// Height above the WGS-84 ellipsoid, metres.
    public var heightMetres: Double
    /// Horizontal position uncertainty, metres (the geofence adds it as margin).
    public var horizontalUncertaintyMetres: Double
    /// When the fix was received, monotonic nanoseconds.
    public var receivedAtNanoseconds: Int64
    /// UTC of the fix, nanoseconds since the Unix epoch, or `Int64.min` if it carried none.
    public var utcNanoseconds: Int64

    /// No fix.
    public static let none = FixSnapshot(
        sequence: 0, latitudeDegrees: .nan, longitudeDegrees: .nan, heightMetres: 0, horizontalUncertaintyMetres: .infinity,
        receivedAtNanoseconds: 0, utcNanoseconds: .min)

    /// Builds a fix.
    public init(
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
