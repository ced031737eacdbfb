/// How a `FixedStepLoop` runs: its rate, how it judges its own health, and how it keeps and
/// publishes its statistics.
package struct LoopConfiguration: Sendable, Hashable {
    /// The tick rate; 1 kHz by default.
    package var rate: TickRate
    /// Ticks in a row without an overrun before the loop calls its recent deadlines met
    /// (the transmit interlock's condition). By default one second's worth at `rate`
    /// (1,000 at 1 kHz, 20 at 20 Hz): the window is a time, so a slow loop is not kept off
    /// the air for minutes by one overrun.
    package var healthWindowTicks: UInt64
    /// Every this many ticks, the loop publishes its `LoopStatus` (O(1), a few tens of
    /// nanoseconds) in its status mailbox; 0 publishes only at the end of a run. 1 by default:
    /// the status is never more than a tick old.
    package var statusPublishIntervalTicks: UInt64
    /// The largest latency or compute time the histograms tell apart; larger samples are
    /// clamped to it and counted. 10 s by default (two histograms of ~200 KiB each).
    package var histogramHighestTrackableNanoseconds: UInt64

    /// A configuration; every parameter has the default described on its property.
    package init(
        rate: TickRate = .oneKilohertz, healthWindowTicks: UInt64? = nil, statusPublishIntervalTicks: UInt64 = 1,
        histogramHighestTrackableNanoseconds: UInt64 = 10_000_000_000
    ) {
        self.rate = rate
        self.healthWindowTicks = healthWindowTicks ?? UInt64(max(1, rate.hertz.rounded(.up)))
        self.statusPublishIntervalTicks = statusPublishIntervalTicks
        self.histogramHighestTrackableNanoseconds = histogramHighestTrackableNanoseconds
    }
}
