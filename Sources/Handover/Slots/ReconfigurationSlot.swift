import Orbit

/// One reconfiguration slot: the interval during which the terminal keeps one serving
/// satellite, from `start` (inclusive) to `end` (exclusive), on the grid of a `SlotClock`.
///
/// Both instants are computed from the slot's integer `index`, never by adding durations one
/// after another, so the 5,760th slot of a day starts exactly where the calendar says.
public struct ReconfigurationSlot: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number of whole periods since the clock's first boundary after 1970-01-01T00:00:00Z
    /// (negative before it); consecutive slots have consecutive indices.
    package let index: Int64
    /// The boundary that opens the slot (UTC).
    package let start: JulianDate
    /// The boundary that closes it, the next slot's `start` (UTC).
    package let end: JulianDate
    /// The slot's length, nanoseconds (the clock's period).
    package let durationNanoseconds: Int64

    init(index: Int64, start: JulianDate, end: JulianDate, durationNanoseconds: Int64) {
        self.index = index
        self.start = start
        self.end = end
        self.durationNanoseconds = durationNanoseconds
    }

    /// The slot's length, seconds.
    package var durationSeconds: Double { Double(durationNanoseconds) / 1e9 }

    /// The middle of the slot (UTC).
    package var middle: JulianDate { start.adding(seconds: durationSeconds / 2) }

    /// Slots order by index.
    public static func < (lhs: ReconfigurationSlot, rhs: ReconfigurationSlot) -> Bool { lhs.index < rhs.index }

    /// The slot's start in ISO 8601 with milliseconds, and its index.
    public var description: String { "slot \(index) at \(start.iso8601String())" }
}
