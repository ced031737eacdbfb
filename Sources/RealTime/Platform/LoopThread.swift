import SystemPackage
/// A dedicated OS thread (a pthread) for a loop, so that ticks never wait for a thread of the
/// Swift concurrency pool, and so that real-time settings apply to this thread alone.
///
/// The thread names itself, applies its `RealTimeOptions` (each refusal becomes a warning in
/// the report handed to the body, and the body runs anyway), runs the body, and ends;
/// `join()` waits for it and returns the body's result.
///
/// ```swift
/// let control = LoopControl()
/// let thread = try LoopThread.start(name: "utermd-tick", realTime: .recommended) { setup in
///     for warning in setup.warnings { print("warning: \(warning)") }
///     let loop = FixedStepLoop(clock: MonotonicClock(), control: control)
///     var body = MyTick()
///     return loop.run(&body, until: .untilStopped)
/// }
/// // ... later, from anywhere:
/// control.requestStop()
/// let report = thread.join()
/// ```
///
/// Non-copyable: it is joined once. Dropping it without joining detaches the thread, which
/// then runs to its end unobserved.
package struct LoopThread<Result: Sendable>: ~Copyable {
    private let thread: SystemCalls.ThreadHandle
    private let context: Unmanaged<LoopThreadContext<Result>>

    /// Starts the thread.
    ///
    /// - Parameters:
    ///   - name: the thread's name as `top -H` and `ps -L` show it (15 bytes kept on Linux).
    ///   - realTime: what to ask of the kernel for this thread; refusals do not stop it.
    ///   - body: the thread's work, given the outcome of the real-time setup. `sending`: it
    ///     may capture non-`Sendable` state (a loop, its tick body) that the caller gives up.
    /// - Throws: `LoopThreadError.creationFailed` if `pthread_create` fails.
    package static func start(
        name: String = "utermd-loop", realTime: RealTimeOptions = .none,
        _ body: sending @escaping (RealTimeSetupReport) -> Result
    ) throws(LoopThreadError) -> LoopThread {
        let context = LoopThreadContext(name: name, realTime: realTime, body: body)
        // One reference for the thread (released by the thread when it ends), one for the
        // returned handle (released by `join` or `deinit`).
        let forThread = Unmanaged<ThreadEntry>.passRetained(context)
        switch SystemCalls.createThread(argument: forThread.toOpaque()) {
        case .success(let thread):
            return LoopThread(thread: thread, context: Unmanaged.passRetained(context))
        case .failure(let error):
            forThread.release()
            throw .creationFailed(error)
        }
    }

    private init(thread: SystemCalls.ThreadHandle, context: Unmanaged<LoopThreadContext<Result>>) {
        self.thread = thread
        self.context = context
    }

    /// Waits for the thread to end and returns what its body returned.
    ///
    /// Blocks the calling thread; from async code, call it where blocking is acceptable.
    package consuming func join() -> Result {
        SystemCalls.joinThread(thread)
        // pthread_join orders the thread's write of the result before this read.
        let result = context.takeUnretainedValue().takeResult()
        context.release()
        discard self
        return result
    }

    deinit {
        SystemCalls.detachThread(thread)
        context.release()
    }
}

/// Why a loop thread could not start.
package enum LoopThreadError: Error, Sendable, Hashable {
    /// `pthread_create` failed (`EAGAIN`: out of threads or memory).
    case creationFailed(Errno)
}

/// The entry point a C thread calls: a non-generic base class, since a C function pointer
/// cannot capture a generic parameter.
class ThreadEntry {
    /// Runs the thread's work.
    func main() {}

    /// Called on the new thread with the retained pointer `LoopThread.start` passed.
    static func enter(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let argument else { return nil }
        let entry = Unmanaged<ThreadEntry>.fromOpaque(argument).takeRetainedValue()
        entry.main()
        return nil
    }
}

/// What a `LoopThread` shares with its thread. The thread replaces the body with its result
/// before it ends; the joiner reads the result after `pthread_join`, which orders the two.
final class LoopThreadContext<Result>: ThreadEntry {
    private enum State {
        case waiting((RealTimeSetupReport) -> Result)
        case finished(Result)
    }

    private let name: String
    private let realTime: RealTimeOptions
    private var state: State

    init(name: String, realTime: RealTimeOptions, body: @escaping (RealTimeSetupReport) -> Result) {
        self.name = name
        self.realTime = realTime
        state = .waiting(body)
    }

    override func main() {
        SystemCalls.setCurrentThreadName(name)
        guard case .waiting(let body) = state else { return }
        state = .finished(body(RealTimeSetup.apply(realTime)))
    }

    /// The body's result; call only after the thread has been joined.
    func takeResult() -> Result {
        switch state {
        case .finished(let result):
            return result
        case .waiting(let body):
            // Unreachable: a created thread runs main() to its end before pthread_join
            // returns. Kept total rather than trapping: the body then runs here, without
            // real-time setup.
            let result = body(RealTimeSetupReport(outcomes: []))
            state = .finished(result)
            return result
        }
    }
}
