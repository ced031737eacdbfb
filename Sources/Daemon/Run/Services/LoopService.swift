import Foundation
import RealTime
import ServiceLifecycle
import Synchronization
import Terminal

/// The SCHED_FIFO loop thread as one service of the daemon's group: `run()` starts the
/// thread (a plain pthread running the tick; no async code, NIO or allocation reaches it),
/// waits for the group to shut down, then asks the loop to stop after its current tick,
/// joins the thread (on a thread of its own, not the concurrency pool) and hands the report
/// to `stopped`. By then the transmit-off service has already stowed the terminal.
final class LoopService: Service, CustomStringConvertible, @unchecked Sendable {
    // @unchecked: `loop` is handed to the loop thread once (`started` guards it) and not
    // touched here again; `thread` is only touched under `state`'s lock.
    let description = "loop"
    private let loop: ThreadTransfer<(FixedStepLoop<MonotonicClock>, TerminalCore)>
    private let control: LoopControl
    private let realTime: RealTimeOptions
    private let warnings: LockedValue<[String]?>
    private let stopped: @Sendable (LoopReport?) -> Void
    private struct Started: ~Copyable {
        var started = false
        var thread: LoopThread<LoopReport>?
    }

    private let state = Mutex(Started())

    init(
        loop: ThreadTransfer<(FixedStepLoop<MonotonicClock>, TerminalCore)>, control: LoopControl, realTime: RealTimeOptions,
        warnings: LockedValue<[String]?>, stopped: @escaping @Sendable (LoopReport?) -> Void
    ) {
        self.loop = loop
        self.control = control
        self.realTime = realTime
        self.warnings = warnings
        self.stopped = stopped
    }

    func run() async throws {
        try start()
        try? await gracefulShutdown()
        await BlockingWork.run("utermd-loop-stop") { [self] in stop() }
    }

    /// Starts the loop thread (once).
    func start() throws(LoopThreadError) {
        let transfer = loop
        let warnings = warnings
        let realTime = realTime
        try state.withLock { (state) throws(LoopThreadError) in
            guard !state.started else { return }
            state.started = true
            state.thread = try LoopThread.start(name: "utermd-tick", realTime: realTime) { setup in
                warnings.set(setup.warnings)
                var body = TickBody(core: transfer.value.1)
                return transfer.value.0.run(&body, until: .untilStopped)
            }
        }
    }

    /// Stops the loop after its current tick, joins its thread, and reports (once).
    func stop() {
        control.requestStop()
        let joined = state.withLock { $0.thread.take() }
        let report = joined?.join()
        stopped(report)
    }

    /// The tick body: the core's tick and nothing else.
    private struct TickBody: RealTime.TickBody {
        let core: TerminalCore
        mutating func tick(_ context: TickContext) { core.tick(context) }
    }
}
