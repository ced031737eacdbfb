/// Which satellite serves now and which serves from the next slot boundary: what the
/// scheduler hands the real-time tick through a `LatestValueMailbox`. Publishing the next
/// slot ahead of time lets the tick switch exactly at the boundary, whatever the
/// scheduler's own timing.
///
/// Satellites are indices into the tracker's propagators (`-1` = none), so the value is a
/// few machine words and `BitwiseCopyable`.
public struct ServingAssignment: Sendable, Hashable, BitwiseCopyable {
    /// Start of the current slot, UTC nanoseconds since the Unix epoch.
    package var slotStartUnixNanoseconds: Int64
    /// The serving satellite of the current slot, or -1.
    package var satelliteIndex: Int32
    /// Start of the next slot, UTC nanoseconds since the Unix epoch.
    package var nextSlotStartUnixNanoseconds: Int64
    /// The serving satellite from the next slot on, or -1.
    package var nextSatelliteIndex: Int32
    /// Why the current slot has no satellite (`OutageCause` raw value), or 255.
    package var outageCause: UInt8
    /// Why the next slot has no satellite, or 255.
    package var nextOutageCause: UInt8

    /// Builds an assignment.
    package init(
        slotStartUnixNanoseconds: Int64, satelliteIndex: Int32, nextSlotStartUnixNanoseconds: Int64, nextSatelliteIndex: Int32,
        outageCause: UInt8 = 255, nextOutageCause: UInt8 = 255
    ) {
        self.slotStartUnixNanoseconds = slotStartUnixNanoseconds
        self.satelliteIndex = satelliteIndex
        self.nextSlotStartUnixNanoseconds = nextSlotStartUnixNanoseconds
        self.nextSatelliteIndex = nextSatelliteIndex
        self.outageCause = outageCause
        self.nextOutageCause = nextOutageCause
    }

    /// Nothing scheduled.
    package static let none = ServingAssignment(
        slotStartUnixNanoseconds: .min, satelliteIndex: -1, nextSlotStartUnixNanoseconds: .max, nextSatelliteIndex: -1)

    /// Why there is no satellite at `unixNanoseconds`, if the scheduler said (nil: none given).
    @inline(__always)
    package func outage(atUnixNanoseconds unixNanoseconds: Int64) -> OutageCause? {
        if unixNanoseconds >= nextSlotStartUnixNanoseconds { return OutageCause(rawValue: nextOutageCause) }
        if unixNanoseconds >= slotStartUnixNanoseconds { return OutageCause(rawValue: outageCause) }
        return nil
    }

    /// The satellite serving at `unixNanoseconds` (-1 for none or before the current slot).
    @inline(__always)
    package func satellite(atUnixNanoseconds unixNanoseconds: Int64) -> Int32 {
        if unixNanoseconds >= nextSlotStartUnixNanoseconds { return nextSatelliteIndex }
        if unixNanoseconds >= slotStartUnixNanoseconds { return satelliteIndex }
        return -1
    }
}
