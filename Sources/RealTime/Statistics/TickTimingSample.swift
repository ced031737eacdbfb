/// The timing of one executed tick, as the loop streams it to a `LoopTimingMonitor`.
public struct TickTimingSample: Sendable, Hashable, BitwiseCopyable {
    /// The tick's grid index.
    public var tickIndex: UInt64
    /// Actual wake time minus scheduled time.
    public var wakeLatencyNanoseconds: Nanoseconds
    /// End of the tick body minus wake time.
    public var computeTimeNanoseconds: Nanoseconds
    /// Grid periods skipped after this tick (0 unless it overran).
    public var missedPeriodsAfter: UInt64
    /// Whether the tick ended after the next tick's deadline.
    public var overran: Bool

    /// Builds a sample.
    public init(
        tickIndex: UInt64, wakeLatencyNanoseconds: Nanoseconds, computeTimeNanoseconds: Nanoseconds,
        missedPeriodsAfter: UInt64, overran: Bool
    ) {
        self.tickIndex = tickIndex
        self.wakeLatencyNanoseconds = wakeLatencyNanoseconds
        self.computeTimeNanoseconds = computeTimeNanoseconds
        self.missedPeriodsAfter = missedPeriodsAfter
        self.overran = overran
    }
}
