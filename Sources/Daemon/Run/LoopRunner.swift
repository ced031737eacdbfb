import Foundation
import RealTime
import Terminal

/// The real-time loop on its own thread: a `FixedStepLoop` on CLOCK_MONOTONIC, UTC labels
/// from the daemon's `UTCReference`, the terminal core's tick as the body, the configured
/// real-time options (SCHED_FIFO, locked memory, a pinned CPU; each refusal is a warning and
/// the loop runs anyway). Other threads see it only through `status`, `control` and the
/// timing monitor's ring.
final class LoopRunner {
    /// The tick body: the core's tick and nothing else.
    private struct Body: TickBody {
        let core: TerminalCore
        mutating func tick(_ context: TickContext) { core.tick(context) }
    }

    /// The loop's live status (for READY, the watchdog, metrics).
    let status: LatestValueMailbox<LoopStatus>
    /// The loop's stop request.
    let control: LoopControl
    /// Live percentiles (drained by the main thread once a second).
    let monitor: LoopTimingMonitor
    /// The real-time setup's refusals, once the thread has applied its options.
    let setupWarnings = LockedValue<[String]?>(nil)
    private var thread: LoopThread<LoopReport>?

    /// Starts the loop thread over `core` (the loop thread is its only user from now on).
    init(core: TerminalCore, rate: TickRate, utc: UTCReference, realTime: RealTimeOptions) throws(LoopThreadError) {
        let monitor = LoopTimingMonitor()
        let loop = FixedStepLoop(
            clock: MonotonicClock(), configuration: LoopConfiguration(rate: rate), utcReference: utc,
            timingSamples: monitor.samples)
        status = loop.status
        control = loop.control
        self.monitor = monitor
        let transfer = ThreadTransfer(value: (loop, core))
        let warnings = setupWarnings
        thread = try LoopThread.start(name: "utermd-tick", realTime: realTime) { setup in
            warnings.set(setup.warnings)
            var body = Body(core: transfer.value.1)
            return transfer.value.0.run(&body, until: .untilStopped)
        }
    }

    /// Stops the loop after its current tick and waits for the thread; the report of the run.
    func stop() -> LoopReport? {
        control.requestStop()
        return thread.take()?.join()
    }
}

/// A value behind a lock, for handing small results between threads.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// The value.
    func get() -> Value { lock.withLock { value } }

    /// Replaces the value.
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
