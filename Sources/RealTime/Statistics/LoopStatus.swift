/// A loop's live status: what it publishes in its status mailbox after every tick (or every
/// `statusPublishIntervalTicks`), one consistent snapshot of fixed size.
///
/// Everything here is O(1) to produce, so publishing costs the tick a few tens of
/// nanoseconds. Percentiles are not here: computing them scans a histogram, which a tick
/// cannot afford; a `LoopTimingMonitor` computes them on its own thread.
package struct LoopStatus: Sendable, Hashable, BitwiseCopyable {
    /// Ticks run.
    package var executedTicks: UInt64
    /// Ticks that finished after the next tick's deadline.
    package var overruns: UInt64
    /// Grid periods skipped after overruns.
    package var missedPeriods: UInt64
    /// Ticks run since the last overrun (or since the start of the run).
    package var consecutiveTicksWithoutOverrun: UInt64
    /// Whether the last `healthWindowTicks` ticks all met their deadlines.
    package var recentDeadlinesMet: Bool
    /// Grid index of the latest tick.
    package var lastTickIndex: UInt64
    /// When the latest tick was due, on the loop's clock.
    package var lastScheduledNanoseconds: Nanoseconds
    /// Wake-up latency: last, minimum, maximum, mean.
    package var wakeLatency: RunningLatency
    /// Compute time: last, minimum, maximum, mean.
    package var computeTime: RunningLatency

    /// The status of a loop that has not run.
    package static let initial = LoopStatus(
        executedTicks: 0, overruns: 0, missedPeriods: 0, consecutiveTicksWithoutOverrun: 0,
        recentDeadlinesMet: false, lastTickIndex: 0, lastScheduledNanoseconds: 0, wakeLatency: RunningLatency(),
        computeTime: RunningLatency())

    /// Builds a status from its fields.
    package init(
        executedTicks: UInt64, overruns: UInt64, missedPeriods: UInt64, consecutiveTicksWithoutOverrun: UInt64,
        recentDeadlinesMet: Bool, lastTickIndex: UInt64, lastScheduledNanoseconds: Nanoseconds,
        wakeLatency: RunningLatency, computeTime: RunningLatency
    ) {
        self.executedTicks = executedTicks
        self.overruns = overruns
        self.missedPeriods = missedPeriods
        self.consecutiveTicksWithoutOverrun = consecutiveTicksWithoutOverrun
        self.recentDeadlinesMet = recentDeadlinesMet
        self.lastTickIndex = lastTickIndex
        self.lastScheduledNanoseconds = lastScheduledNanoseconds
        self.wakeLatency = wakeLatency
        self.computeTime = computeTime
    }
}
