/// When a run of the loop ends (besides a stop request, which always ends it).
package enum RunBound: Sendable, Hashable {
    /// After this many ticks have been executed (skipped periods do not count).
    case ticks(UInt64)
    /// Before the first tick due at or after this instant on the loop's clock.
    case untilNanoseconds(Nanoseconds)
    /// Before the first tick due at or after this long after the first tick's deadline.
    case duration(Duration)
    /// Only when a stop is requested.
    case untilStopped
}

/// Why a run of the loop ended.
package enum LoopStopReason: Sendable, Hashable {
    /// The `.ticks` bound was reached.
    case tickCountReached
    /// The `.untilNanoseconds` or `.duration` bound was reached.
    case timeReached
    /// `LoopControl.requestStop()` was called.
    case stopRequested
}

/// What one run of the loop did.
package struct LoopReport: Sendable, Hashable {
    /// Why the run ended.
    package var stopReason: LoopStopReason
    /// The grid the run followed (origin and rate).
    package var grid: TickGrid
    /// Ticks executed in this run.
    package var executedTicks: UInt64
    /// Overruns in this run.
    package var overruns: UInt64
    /// Periods skipped in this run.
    package var missedPeriods: UInt64
    /// The grid index the next tick would have had.
    package var nextTickIndex: UInt64
    /// The loop's statistics at the end of the run (cumulative over all its runs).
    package var statistics: LoopStatisticsSummary
}
