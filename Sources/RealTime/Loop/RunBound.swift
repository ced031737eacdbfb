/// When a run of the loop ends (besides a stop request, which always ends it).
public enum RunBound: Sendable, Hashable {
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
public enum LoopStopReason: Sendable, Hashable {
    /// The `.ticks` bound was reached.
    case tickCountReached
    /// The `.untilNanoseconds` or `.duration` bound was reached.
    case timeReached
    /// `LoopControl.requestStop()` was called.
    case stopRequested
}

/// What one run of the loop did.
public struct LoopReport: Sendable, Hashable {
    /// Why the run ended.
    public var stopReason: LoopStopReason
    /// The grid the run followed (origin and rate).
    public var grid: TickGrid
    /// Ticks executed in this run.
    public var executedTicks: UInt64
    /// Overruns in this run.
    public var overruns: UInt64
    /// Periods skipped in this run.
    public var missedPeriods: UInt64
    /// The grid index the next tick would have had.
    public var nextTickIndex: UInt64
    /// The loop's statistics at the end of the run (cumulative over all its runs).
    public var statistics: LoopStatisticsSummary
}
