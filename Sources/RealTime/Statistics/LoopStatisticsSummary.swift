/// Everything a monitor needs to know about a loop's timing, as a fixed-size value: it is what
/// the loop publishes through its status mailbox, and what a run reports at its end.
package struct LoopStatisticsSummary: Sendable, Hashable, BitwiseCopyable {
    /// Wake-up latency: actual wake time minus scheduled time.
    package var wakeLatency: LatencySummary
    /// Compute time: end of the tick body minus wake time.
    package var computeTime: LatencySummary
    /// Ticks run.
    package var executedTicks: UInt64
    /// Ticks that finished after the next tick's deadline.
    package var overruns: UInt64
    /// Grid periods skipped after overruns (never run, never caught up).
    package var missedPeriods: UInt64
    /// Samples above the histograms' range, recorded as the range's top.
    package var clampedSamples: UInt64
    /// Ticks run since the last overrun (or since the start).
    package var consecutiveTicksWithoutOverrun: UInt64
    /// Whether the last `healthWindowTicks` ticks all met their deadlines.
    package var recentDeadlinesMet: Bool

    /// The summary of a loop that has not run.
    package static let empty = LoopStatisticsSummary(
        wakeLatency: .empty, computeTime: .empty, executedTicks: 0, overruns: 0, missedPeriods: 0,
        clampedSamples: 0, consecutiveTicksWithoutOverrun: 0, recentDeadlinesMet: false)

    /// Builds a summary from its fields.
    package init(
        wakeLatency: LatencySummary, computeTime: LatencySummary, executedTicks: UInt64, overruns: UInt64,
        missedPeriods: UInt64, clampedSamples: UInt64, consecutiveTicksWithoutOverrun: UInt64,
        recentDeadlinesMet: Bool
    ) {
        self.wakeLatency = wakeLatency
        self.computeTime = computeTime
        self.executedTicks = executedTicks
        self.overruns = overruns
        self.missedPeriods = missedPeriods
        self.clampedSamples = clampedSamples
        self.consecutiveTicksWithoutOverrun = consecutiveTicksWithoutOverrun
        self.recentDeadlinesMet = recentDeadlinesMet
    }
}
