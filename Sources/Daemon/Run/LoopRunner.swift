import Foundation
import RealTime
import Synchronization
import Terminal

/// The real-time loop: a `FixedStepLoop` on CLOCK_MONOTONIC, UTC labels from the daemon's
/// `UTCReference`, the terminal core's tick as the body, the configured real-time options
/// (SCHED_FIFO, locked memory, a pinned CPU; each refusal is a warning and the loop runs
/// anyway). Its thread is started and stopped by ``service`` (one service of the daemon's
/// group); the loop thread itself stays a plain thread, free of async code, NIO and
/// allocation. Other threads see the loop only through `status`, `control` and the timing
/// monitor's ring.
final class LoopRunner {
    /// The loop's live status (for READY, the watchdog, metrics).
    let status: LatestValueMailbox<LoopStatus>
    /// The loop's stop request.
    let control: LoopControl
    /// Live percentiles (drained by the main thread once a second).
    let monitor: LoopTimingMonitor
    /// The real-time setup's refusals, once the thread has applied its options.
    let setupWarnings = LockedValue<[String]?>(nil)
    /// Starts the thread when the group runs, stops it when the group stops.
    let service: LoopService

    /// A loop over `core` (the loop thread is its only user once started). `stopped` runs once
    /// the thread has ended (on the stopping thread), with the run's report if it ran.
    init(
        core: TerminalCore, rate: TickRate, utc: UTCReference, realTime: RealTimeOptions,
        stopped: @escaping @Sendable (LoopReport?) -> Void
    ) {
        let monitor = LoopTimingMonitor()
        let loop = FixedStepLoop(
            clock: MonotonicClock(), configuration: LoopConfiguration(rate: rate), utcReference: utc,
            timingSamples: monitor.samples)
        status = loop.status
        control = loop.control
        self.monitor = monitor
        service = LoopService(
            loop: ThreadTransfer(value: (loop, core)), control: loop.control, realTime: realTime, warnings: setupWarnings,
            stopped: stopped)
    }
}

/// A value behind a lock, for handing small results between threads.
final class LockedValue<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }

    /// The value.
    func get() -> Value { value.withLock { $0 } }

    /// Replaces the value.
    func set(_ newValue: Value) { value.withLock { $0 = newValue } }
}
