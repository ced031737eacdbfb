/// The timing of one executed tick, as the loop streams it to a `LoopTimingMonitor`.
package struct TickTimingSample: Sendable, Hashable, BitwiseCopyable {
    /// The tick's grid index.
    package var tickIndex: UInt64
    /// Actual wake time minus scheduled time.
    package var wakeLatencyNanoseconds: Nanoseconds
    /// End of the tick body minus wake time.
    package var computeTimeNanoseconds: Nanoseconds
    /// Grid periods skipped after this tick (0 unless it overran).
    package var missedPeriodsAfter: UInt64
    /// Whether the tick ended after the next tick's deadline.
    package var overran: Bool

    /// Builds a sample.
    package init(
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
