/// The time the simulated hardware lives in, in nanoseconds.
///
/// The simulation never blocks a thread. When a simulated call would wait (a timeout, an
/// event awaited with `readEvent(timeout:)`), it asks the clock to `advance(toNanoseconds:)`:
/// a `ManualSimulationClock` moves there, so a test sees the exact virtual time a timeout
/// took; a clock driven from elsewhere (`ExternalSimulationClock`, e.g. the real-time loop's
/// virtual clock) ignores the request, and the call returns at once.
package protocol SimulationClock: AnyObject {
    /// The present time, in nanoseconds. Never goes backwards.
    var nowNanoseconds: UInt64 { get }
    /// A simulated call would wait until `deadlineNanoseconds`; move there if this clock can.
    func advance(toNanoseconds deadlineNanoseconds: UInt64)
}

/// A clock the test moves by hand; simulated waits move it too.
package final class ManualSimulationClock: SimulationClock {
    /// The present time, in nanoseconds.
    package private(set) var nowNanoseconds: UInt64

    /// A clock starting at `startNanoseconds`.
    package init(startNanoseconds: UInt64 = 0) {
        nowNanoseconds = startNanoseconds
    }

    /// Moves forward to `deadlineNanoseconds` (never back).
    package func advance(toNanoseconds deadlineNanoseconds: UInt64) {
        nowNanoseconds = max(nowNanoseconds, deadlineNanoseconds)
    }

    /// Moves forward by `duration` (negative durations do nothing).
    package func advance(by duration: Duration) {
        let (sum, overflow) = nowNanoseconds.addingReportingOverflow(duration.clampedNanoseconds)
        nowNanoseconds = overflow ? .max : sum
    }
}

/// A clock read through a closure, for a time source the simulation does not own (the
/// loop's virtual clock). Simulated waits return at once instead of moving it.
package final class ExternalSimulationClock: SimulationClock {
    private let read: () -> UInt64

    /// A clock that reads `now` (nanoseconds) whenever the simulation needs the time.
    package init(_ now: @escaping () -> UInt64) {
        read = now
    }

    /// `now()`.
    package var nowNanoseconds: UInt64 { read() }

    /// Does nothing: this clock is driven from elsewhere.
    package func advance(toNanoseconds deadlineNanoseconds: UInt64) {}
}
