import Synchronization

/// The loop's health as other threads see it: a few atomic words the loop updates after every
/// tick, read without locks by the transmit interlock, the watchdog and telemetry.
///
/// Every word is stored and loaded relaxed: each is meaningful alone, and a reader that
/// sees one counter a tick ahead of another draws no wrong conclusion from it. The health
/// verdict itself reads one word (ticks since the last overrun) plus, with
/// `recentDeadlinesMet(nowNanoseconds:maximumSilenceNanoseconds:)`, the time of the last
/// tick, so that a loop that has stopped ticking altogether is not taken for a healthy one.
package final class LoopHealth: Sendable {
    /// Ticks without an overrun needed before `recentDeadlinesMet` is true.
    package let windowTicks: UInt64

    private let running = Atomic<Bool>(false)
    private let executed = Atomic<UInt64>(0)
    private let overrunCount = Atomic<UInt64>(0)
    private let missed = Atomic<UInt64>(0)
    private let sinceOverrun = Atomic<UInt64>(0)
    private let lastTickEnd = Atomic<Int64>(Int64.min)

    /// Creates the health record of a loop that has not run; `windowTicks` as in
    /// `LoopConfiguration.healthWindowTicks`.
    package init(windowTicks: UInt64) {
        self.windowTicks = max(1, windowTicks)
    }

    /// Whether the loop is inside `run`.
    package var isRunning: Bool { running.load(ordering: .relaxed) }
    /// Ticks run since the loop was created.
    package var executedTicks: UInt64 { executed.load(ordering: .relaxed) }
    /// Overruns since the loop was created.
    package var overruns: UInt64 { overrunCount.load(ordering: .relaxed) }
    /// Periods skipped after overruns since the loop was created.
    package var missedPeriods: UInt64 { missed.load(ordering: .relaxed) }
    /// Ticks run since the last overrun (or since the start of the current run).
    package var consecutiveTicksWithoutOverrun: UInt64 { sinceOverrun.load(ordering: .relaxed) }

    /// When the last tick's body returned, on the loop's clock; `nil` before the first tick.
    package var lastTickEndNanoseconds: Nanoseconds? {
        let value = lastTickEnd.load(ordering: .relaxed)
        return value == Int64.min ? nil : value
    }

    /// The loop is running and none of its last `windowTicks` ticks overran.
    ///
    /// Read from inside a tick (where it cannot be stale) or together with a freshness check;
    /// from another thread prefer `recentDeadlinesMet(nowNanoseconds:maximumSilenceNanoseconds:)`.
    package var recentDeadlinesMet: Bool {
        running.load(ordering: .relaxed) && sinceOverrun.load(ordering: .relaxed) >= windowTicks
    }

    /// `recentDeadlinesMet`, and the last tick ended no more than `maximumSilenceNanoseconds`
    /// before `nowNanoseconds` (both on the loop's clock): a stalled loop fails this.
    package func recentDeadlinesMet(nowNanoseconds: Nanoseconds, maximumSilenceNanoseconds: Nanoseconds) -> Bool {
        guard recentDeadlinesMet, let lastEnd = lastTickEndNanoseconds else { return false }
        return nowNanoseconds &- lastEnd <= maximumSilenceNanoseconds
    }

    // MARK: Written by the loop only

    func markRunning(_ isRunning: Bool) {
        if isRunning { sinceOverrun.store(0, ordering: .relaxed) }
        running.store(isRunning, ordering: .relaxed)
    }

    @inline(__always)
    func recordTick(endNanoseconds: Nanoseconds, overran: Bool, missedPeriods: UInt64) {
        executed.wrappingAdd(1, ordering: .relaxed)
        if overran {
            overrunCount.wrappingAdd(1, ordering: .relaxed)
            missed.wrappingAdd(missedPeriods, ordering: .relaxed)
            sinceOverrun.store(0, ordering: .relaxed)
        } else {
            sinceOverrun.wrappingAdd(1, ordering: .relaxed)
        }
        lastTickEnd.store(endNanoseconds, ordering: .relaxed)
    }
}
