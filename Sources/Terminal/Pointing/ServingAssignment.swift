/// Which satellite serves now and which serves from the next slot boundary: what the
/// scheduler hands the real-time tick through a `LatestValueMailbox`. Publishing the next
/// slot ahead of time lets the tick switch exactly at the boundary, whatever the
/// scheduler's own timing.
///
/// Satellites are indices into the tracker's propagators (`-1` = none), so the value is a
/// few machine words and `BitwiseCopyable`.
public struct ServingAssignment: Sendable, Hashable, BitwiseCopyable {
    /// Start of the current slot, UTC nanoseconds since the Unix epoch.
    public var slotStartUnixNanoseconds: Int64
    /// The serving satellite of the current slot, or -1.
    public var satelliteIndex: Int32
    /// Start of the next slot, UTC nanoseconds since the Unix epoch.
    public var nextSlotStartUnixNanoseconds: Int64
    /// The serving satellite from the next slot on, or -1.
    public var nextSatelliteIndex: Int32

    /// Builds an assignment.
    public init(slotStartUnixNanoseconds: Int64, satelliteIndex: Int32, nextSlotStartUnixNanoseconds: Int64, nextSatelliteIndex: Int32) {
        self.slotStartUnixNanoseconds = slotStartUnixNanoseconds
        self.satelliteIndex = satelliteIndex
        self.nextSlotStartUnixNanoseconds = nextSlotStartUnixNanoseconds
        self.nextSatelliteIndex = nextSatelliteIndex
    }

    /// Nothing scheduled.
    public static let none = ServingAssignment(
        slotStartUnixNanoseconds: .min, satelliteIndex: -1, nextSlotStartUnixNanoseconds: .max, nextSatelliteIndex: -1)

    /// The satellite serving at `unixNanoseconds` (-1 for none or before the current slot).
    @inline(__always)
    public func satellite(atUnixNanoseconds unixNanoseconds: Int64) -> Int32 {
        if unixNanoseconds >= nextSlotStartUnixNanoseconds { return nextSatelliteIndex }
        if unixNanoseconds >= slotStartUnixNanoseconds { return satelliteIndex }
        return -1
    }
}
