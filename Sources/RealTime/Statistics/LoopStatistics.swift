import Histogram

/// The timing record of a loop: two HdrHistograms (wake-up latency and compute time, in
/// nanoseconds) and the overrun counters.
///
/// Recording allocates nothing: both histograms are sized once, at creation, for values up
/// to `highestTrackableNanoseconds` with three significant digits, and never resize
/// (`autoResize` is off); a larger value is recorded as that top value and counted in
/// `clampedSamples`. Missed periods are counted, not back-filled into the latency histogram
/// (no coordinated-omission correction): a skipped tick never ran, so it had no latency.
package struct LoopStatistics: Sendable {
    /// Wake-up latency of every tick run: actual wake time minus scheduled time.
    package private(set) var wakeLatencyNanoseconds: Histogram<UInt64>
    /// Compute time of every tick run: end of the tick body minus wake time.
    package private(set) var computeTimeNanoseconds: Histogram<UInt64>
    /// Ticks run.
    package private(set) var executedTicks: UInt64 = 0
    /// Ticks that finished after the next tick's deadline.
    package private(set) var overruns: UInt64 = 0
    /// Grid periods skipped after overruns.
    package private(set) var missedPeriods: UInt64 = 0
    /// Samples above `highestTrackableNanoseconds`, recorded as that value.
    package private(set) var clampedSamples: UInt64 = 0
    /// Ticks run since the last overrun (or since the start).
    package private(set) var consecutiveTicksWithoutOverrun: UInt64 = 0
    /// Wake-up latency figures that cost O(1) to read (exact, not bucketed).
    package private(set) var wakeLatency = RunningLatency()
    /// Compute-time figures that cost O(1) to read (exact, not bucketed).
    package private(set) var computeTime = RunningLatency()
    /// The largest value the histograms distinguish; larger samples are clamped to it.
    package let highestTrackableNanoseconds: UInt64

    /// Creates empty statistics whose histograms hold values up to `highestTrackableNanoseconds`
    /// (at least 2 µs) with three significant digits.
    package init(highestTrackableNanoseconds: UInt64) {
        let top = max(highestTrackableNanoseconds, 2_048)
        self.highestTrackableNanoseconds = top
        wakeLatencyNanoseconds = Histogram(lowestDiscernibleValue: 1, highestTrackableValue: top)
        computeTimeNanoseconds = Histogram(lowestDiscernibleValue: 1, highestTrackableValue: top)
    }

    /// Records one tick. `missedPeriods` is the number of grid periods skipped after it (zero
    /// unless it overran).
    @inline(__always)
    mutating func record(
        wakeLatencyNanoseconds wakeLatency: Nanoseconds, computeTimeNanoseconds computeTime: Nanoseconds,
        overran: Bool, missedPeriods missed: UInt64
    ) {
        let wake = clamp(wakeLatency)
        let compute = clamp(computeTime)
        wakeLatencyNanoseconds.record(wake)
        computeTimeNanoseconds.record(compute)
        self.wakeLatency.record(wake)
        self.computeTime.record(compute)
        executedTicks &+= 1
        if overran {
            overruns &+= 1
            missedPeriods &+= missed
            consecutiveTicksWithoutOverrun = 0
        } else {
            consecutiveTicksWithoutOverrun &+= 1
        }
    }

    @inline(__always)
    private mutating func clamp(_ nanoseconds: Nanoseconds) -> UInt64 {
        // Negative values cannot come from a monotonic clock's sleep; treat them as zero.
        let value = UInt64(max(0, nanoseconds))
        if value > highestTrackableNanoseconds {
            clampedSamples &+= 1
            return highestTrackableNanoseconds
        }
        return value
    }

    /// Whether the last `windowTicks` ticks all met their deadlines (false until that many ran).
    package func recentDeadlinesMet(windowTicks: UInt64) -> Bool {
        executedTicks > 0 && consecutiveTicksWithoutOverrun >= windowTicks
    }

    /// The percentiles and counters as one fixed-size value.
    ///
    /// Each percentile scans a histogram's counts up to its value: hundreds of microseconds
    /// on a current x86 core, so never call this inside a tick (see `LoopTimingMonitor`).
    package func summary(healthWindowTicks: UInt64) -> LoopStatisticsSummary {
        LoopStatisticsSummary(
            wakeLatency: Self.summarise(wakeLatencyNanoseconds, wakeLatency),
            computeTime: Self.summarise(computeTimeNanoseconds, computeTime),
            executedTicks: executedTicks, overruns: overruns, missedPeriods: missedPeriods,
            clampedSamples: clampedSamples, consecutiveTicksWithoutOverrun: consecutiveTicksWithoutOverrun,
            recentDeadlinesMet: recentDeadlinesMet(windowTicks: healthWindowTicks))
    }

    private static func summarise(_ histogram: Histogram<UInt64>, _ running: RunningLatency) -> LatencySummary {
        guard histogram.totalCount > 0 else { return .empty }
        // Minimum, maximum and mean come exact from the running figures (the histogram's
        // mean walks every bucket); percentiles from the histogram, within 0.1 %.
        return LatencySummary(
            count: histogram.totalCount, minimumNanoseconds: running.minimumNanoseconds,
            p50Nanoseconds: histogram.valueAtPercentile(50), p99Nanoseconds: histogram.valueAtPercentile(99),
            p999Nanoseconds: histogram.valueAtPercentile(99.9), maximumNanoseconds: running.maximumNanoseconds,
            meanNanoseconds: running.meanNanoseconds)
    }

    /// Gives both histograms storage of their own, copying the counts.
    ///
    /// A copy of these statistics handed out shares the histograms' storage, and the next
    /// recording would then copy it (an allocation in a tick). The loop calls this before a
    /// run when it has handed out a copy, so the copy happens before the first tick.
    mutating func separateStorage() {
        var wake = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: highestTrackableNanoseconds)
        wake.add(wakeLatencyNanoseconds)
        wakeLatencyNanoseconds = wake
        var compute = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: highestTrackableNanoseconds)
        compute.add(computeTimeNanoseconds)
        computeTimeNanoseconds = compute
    }

    /// Starts a new run: the loop must prove its deadlines again before it is called healthy.
    mutating func beginRun() {
        consecutiveTicksWithoutOverrun = 0
    }

    /// Clears every histogram and counter.
    mutating func reset() {
        self = LoopStatistics(highestTrackableNanoseconds: highestTrackableNanoseconds)
    }
}
