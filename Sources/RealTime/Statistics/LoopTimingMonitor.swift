/// Live percentiles of a running loop, computed away from the tick.
///
/// The loop pushes one `TickTimingSample` per tick into `samples` (an SPSC ring: ~20 ns, no
/// allocation, never blocks); the monitor, on its own thread (telemetry, the status API),
/// drains them into its own HdrHistograms and summarises them whenever asked. Reading
/// percentiles scans a histogram (hundreds of microseconds for 3-digit nanosecond
/// histograms), which is why the tick never does it. If the monitor falls behind by more than
/// the ring's capacity, samples are dropped and counted (`droppedSamples`), never waited for.
///
/// ```swift
/// let monitor = LoopTimingMonitor()
/// let loop = FixedStepLoop(clock: MonotonicClock(), timingSamples: monitor.samples)
/// // on the monitoring thread, e.g. once a second:
/// monitor.drain()
/// let summary = monitor.summary(healthWindowTicks: 1_000)
/// ```
///
/// Not `Sendable`: use it on the one thread that consumes `samples`.
package final class LoopTimingMonitor {
    /// The ring the loop writes to (give it to `FixedStepLoop(timingSamples:)`).
    package let samples: SPSCRingBuffer<TickTimingSample>
    /// Everything drained so far.
    package private(set) var statistics: LoopStatistics

    /// Creates a monitor whose ring holds `capacity` samples (4,096: four seconds at 1 kHz),
    /// with histograms as in `LoopConfiguration.histogramHighestTrackableNanoseconds`.
    package init(capacity: Int = 4_096, highestTrackableNanoseconds: UInt64 = 10_000_000_000) {
        samples = SPSCRingBuffer(minimumCapacity: capacity)
        statistics = LoopStatistics(highestTrackableNanoseconds: highestTrackableNanoseconds)
    }

    /// Moves every sample waiting in the ring into the histograms; returns how many.
    @discardableResult
    package func drain() -> Int {
        drain(observing: { _ in })
    }

    /// ``drain()``, handing each sample to `observe` as well (the daemon's per-tick histograms
    /// of wake-up latency and compute time); runs on the monitor's thread, never the loop's.
    @discardableResult
    package func drain(observing observe: (TickTimingSample) -> Void) -> Int {
        samples.drain { sample in
            observe(sample)
            statistics.record(
                wakeLatencyNanoseconds: sample.wakeLatencyNanoseconds,
                computeTimeNanoseconds: sample.computeTimeNanoseconds, overran: sample.overran,
                missedPeriods: sample.missedPeriodsAfter)
        }
    }

    /// Samples the loop could not push because the monitor had not drained the ring.
    package var droppedSamples: UInt64 {
        samples.droppedCount
    }

    /// Percentiles and counters of everything drained so far.
    package func summary(healthWindowTicks: UInt64) -> LoopStatisticsSummary {
        statistics.summary(healthWindowTicks: healthWindowTicks)
    }

    /// Forgets everything drained so far (e.g. to report per interval).
    package func reset() {
        statistics.reset()
    }
}
