/// A fixed-step loop, like LinuxCNC's 1 ms servo thread or ros2_control's controller manager:
/// runs a tick body at absolute deadlines `origin + n · period` on a `TickClock`, measures how
/// late each tick woke and how long it computed, and detects and handles overruns.
///
/// ## Pacing
/// Deadlines come from a `TickGrid`, never from "now + period", so the loop does not drift.
/// It reads only its clock (monotonic): UTC, if a `UTCReference` is given, labels each tick
/// (`TickContext.scheduledUTC`) and cannot move, add or remove one.
///
/// ## Overrun policy: skip and re-phase, never burst
/// A tick *overruns* when its body returns after the next tick's deadline (whether it woke
/// late or computed long). The loop then does not run the ticks it missed: it resumes at the
/// first grid tick due strictly after the overrun ended, counts the periods skipped
/// (`missedPeriods`, and `TickContext.missedPeriodsBefore` for the tick that resumes), and
/// stays on the original grid. So a stall is followed by one tick on time, never by a burst
/// of catch-up ticks, and the health flag (`recentDeadlinesMet`) drops until
/// `healthWindowTicks` ticks in a row have met their deadlines again.
///
/// ## Per-tick cost
/// Nothing is allocated per tick: the histograms are sized at creation, the tick context is
/// a value, the tick body is a generic `inout` value or a non-escaping closure, and the
/// health words, status mailbox and timing-sample ring are lock-free. Nothing costs more than
/// O(1) per tick either: percentiles are computed after a run (`summary()`) or on another
/// thread (`LoopTimingMonitor`), never inside one. The loop is a reference type used on one
/// thread (the one that calls `run`); other threads see it through `health`, `status`,
/// `control` and the timing samples.
package final class FixedStepLoop<Clock: TickClock> {
    /// The clock the loop paces on.
    package let clock: Clock
    /// The loop's configuration.
    package let configuration: LoopConfiguration
    /// The stop request, for any thread.
    package let control: LoopControl
    /// Lock-free health for other threads (the transmit interlock reads `recentDeadlinesMet`).
    package let health: LoopHealth
    /// The latest `LoopStatus`, published every `configuration.statusPublishIntervalTicks`
    /// ticks and at the end of each run; read it from one monitoring thread.
    package let status: LatestValueMailbox<LoopStatus>
    /// UTC beside the monotonic clock, or `nil` if the ticks need no UTC labels.
    package let utcReference: UTCReference?
    /// Where each tick's timing goes for a `LoopTimingMonitor`, or `nil`.
    package let timingSamples: SPSCRingBuffer<TickTimingSample>?

    private var recorded: LoopStatistics
    private var statisticsHandedOut = false
    private var isInsideRun = false

    /// Creates a loop; nothing runs until `run`.
    ///
    /// - Parameters:
    ///   - clock: `MonotonicClock()` for the real loop, a `VirtualClock` for tests.
    ///   - configuration: rate, health window, statistics.
    ///   - control: the stop flag (share one to stop the loop from elsewhere).
    ///   - utcReference: UTC tracked beside the clock, to label ticks.
    ///   - timingSamples: a `LoopTimingMonitor`'s ring, for live percentiles on another thread.
    package init(
        clock: Clock, configuration: LoopConfiguration = LoopConfiguration(), control: LoopControl = LoopControl(),
        utcReference: UTCReference? = nil, timingSamples: SPSCRingBuffer<TickTimingSample>? = nil
    ) {
        self.clock = clock
        self.configuration = configuration
        self.control = control
        self.utcReference = utcReference
        self.timingSamples = timingSamples
        health = LoopHealth(windowTicks: configuration.healthWindowTicks)
        status = LatestValueMailbox(initial: .initial)
        recorded = LoopStatistics(highestTrackableNanoseconds: configuration.histogramHighestTrackableNanoseconds)
    }

    /// The histograms and counters so far, as a copy. Take it between runs: the copy shares the
    /// histograms' storage, so the first recording after it copies that storage (~400 KiB),
    /// which the next `run` does before its first tick, but a tick would do inside itself.
    package var statistics: LoopStatistics {
        statisticsHandedOut = true
        return recorded
    }

    /// Percentiles and counters so far. Scans the histograms: call it between runs, not in a tick.
    package func summary() -> LoopStatisticsSummary {
        recorded.summary(healthWindowTicks: configuration.healthWindowTicks)
    }

    /// Clears the statistics (not the health counters other threads read).
    package func resetStatistics() {
        recorded.reset()
        statisticsHandedOut = false
    }

    /// Runs `body` once per tick until `bound` is reached or a stop is requested.
    ///
    /// - Parameters:
    ///   - body: the tick's work; specialised, so each call costs what a direct call costs.
    ///   - bound: when to stop.
    ///   - originNanoseconds: the deadline of tick 0; by default the clock's time on entry.
    /// - Returns: what the run did. A call from inside a tick of the same loop does nothing
    ///   and reports `.stopRequested` with no ticks.
    @discardableResult
    package func run<Body: TickBody & ~Copyable>(
        _ body: inout Body, until bound: RunBound, originNanoseconds: Nanoseconds? = nil
    ) -> LoopReport {
        runTicks(until: bound, originNanoseconds: originNanoseconds) { body.tick($0) }
    }

    /// Runs `tick` once per tick until `bound` is reached or a stop is requested; as
    /// `run(_:until:originNanoseconds:)`, with the body as a non-escaping closure (whose
    /// context lives on the stack: no allocation either).
    @discardableResult
    package func run(
        until bound: RunBound, originNanoseconds: Nanoseconds? = nil, _ tick: (TickContext) -> Void
    ) -> LoopReport {
        runTicks(until: bound, originNanoseconds: originNanoseconds, tick)
    }

    @inline(__always)
    private func runTicks(
        until bound: RunBound, originNanoseconds: Nanoseconds?, _ tick: (TickContext) -> Void
    ) -> LoopReport {
        let grid = TickGrid(originNanoseconds: originNanoseconds ?? clock.nowNanoseconds(), rate: configuration.rate)
        guard !isInsideRun else {
            return LoopReport(
                stopReason: .stopRequested, grid: grid, executedTicks: 0, overruns: 0, missedPeriods: 0,
                nextTickIndex: 0, statistics: summary())
        }
        isInsideRun = true
        defer { isInsideRun = false }
        prepareForRun()

        let tickLimit: UInt64
        let timeLimit: Nanoseconds
        switch bound {
        case .ticks(let count): (tickLimit, timeLimit) = (count, .max)
        case .untilNanoseconds(let instant): (tickLimit, timeLimit) = (.max, instant)
        case .duration(let duration):
            (tickLimit, timeLimit) = (.max, grid.originNanoseconds &+ duration.wholeNanoseconds)
        case .untilStopped: (tickLimit, timeLimit) = (.max, .max)
        }

        let window = configuration.healthWindowTicks
        let publishInterval = configuration.statusPublishIntervalTicks
        let overrunsBefore = recorded.overruns
        let missedBefore = recorded.missedPeriods
        var index: UInt64 = 0
        var executed: UInt64 = 0
        var missedPeriodsBefore: UInt64 = 0
        var lastRun = (index: UInt64(0), scheduled: grid.originNanoseconds)
        let stopReason: LoopStopReason

        while true {
            if control.isStopRequested { stopReason = .stopRequested; break }
            if executed >= tickLimit { stopReason = .tickCountReached; break }
            let scheduled = grid.deadlineNanoseconds(ofTick: index)
            if scheduled >= timeLimit { stopReason = .timeReached; break }

            let wake = clock.sleep(untilNanoseconds: scheduled)
            if control.isStopRequested { stopReason = .stopRequested; break }

            let nextIndex = index &+ 1
            let nextDeadline = grid.deadlineNanoseconds(ofTick: nextIndex)
            tick(
                TickContext(
                    tickIndex: index, sequenceNumber: executed, scheduledNanoseconds: scheduled,
                    wakeNanoseconds: wake, nextDeadlineNanoseconds: nextDeadline,
                    scheduledUTC: utcReference?.utc(atMonotonicNanoseconds: scheduled),
                    missedPeriodsBefore: missedPeriodsBefore,
                    recentDeadlinesMet: recorded.recentDeadlinesMet(windowTicks: window)))
            let end = clock.nowNanoseconds()
            executed &+= 1
            let ranIndex = index

            // The policy: a tick that ends after the next deadline skips every period whose
            // deadline has passed and resumes on the grid, never running them late.
            let overran = end > nextDeadline
            if overran {
                index = grid.firstTick(after: end)
                missedPeriodsBefore = index &- nextIndex
            } else {
                index = nextIndex
                missedPeriodsBefore = 0
            }
            recorded.record(
                wakeLatencyNanoseconds: wake &- scheduled, computeTimeNanoseconds: end &- wake, overran: overran,
                missedPeriods: missedPeriodsBefore)
            health.recordTick(endNanoseconds: end, overran: overran, missedPeriods: missedPeriodsBefore)
            timingSamples?.tryPush(
                TickTimingSample(
                    tickIndex: ranIndex, wakeLatencyNanoseconds: wake &- scheduled,
                    computeTimeNanoseconds: end &- wake, missedPeriodsAfter: missedPeriodsBefore, overran: overran))
            if publishInterval > 0, recorded.executedTicks % publishInterval == 0 {
                status.publish(currentStatus(lastTickIndex: ranIndex, lastScheduledNanoseconds: scheduled))
            }
            lastRun = (ranIndex, scheduled)
        }

        if executed > 0 {
            status.publish(currentStatus(lastTickIndex: lastRun.index, lastScheduledNanoseconds: lastRun.scheduled))
        }
        health.markRunning(false)
        return LoopReport(
            stopReason: stopReason, grid: grid, executedTicks: executed, overruns: recorded.overruns &- overrunsBefore,
            missedPeriods: recorded.missedPeriods &- missedBefore, nextTickIndex: index, statistics: summary())
    }

    @inline(__always)
    private func currentStatus(lastTickIndex: UInt64, lastScheduledNanoseconds: Nanoseconds) -> LoopStatus {
        LoopStatus(
            executedTicks: recorded.executedTicks, overruns: recorded.overruns, missedPeriods: recorded.missedPeriods,
            consecutiveTicksWithoutOverrun: recorded.consecutiveTicksWithoutOverrun,
            recentDeadlinesMet: recorded.recentDeadlinesMet(windowTicks: configuration.healthWindowTicks),
            lastTickIndex: lastTickIndex, lastScheduledNanoseconds: lastScheduledNanoseconds,
            wakeLatency: recorded.wakeLatency, computeTime: recorded.computeTime)
    }

    /// Work done before the first tick, so that none of it lands in a tick.
    private func prepareForRun() {
        if statisticsHandedOut {
            recorded.separateStorage()
            statisticsHandedOut = false
        }
        recorded.beginRun()
        health.markRunning(true)
    }
}
