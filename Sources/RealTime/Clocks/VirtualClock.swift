/// A deterministic clock for tests and simulation: time moves only when told to, and a sleep
/// returns at once with the clock moved to its deadline (plus an optional injected wake-up
/// latency), like SwiftNIO's `EmbeddedEventLoop.advanceTime(by:)`.
///
/// A loop run on it is a pure function of its inputs: the same seed, the same tick body and
/// the same `advance` calls give the same ticks, bit for bit. A tick body simulates compute
/// time by calling `advance(by:)`; a late wake-up comes from the `WakeLatencyModel` or from
/// `injectWakeLatency(nanoseconds:)`.
///
/// A reference type, so that the loop and the test share one clock. Not `Sendable`: use it on
/// one thread (the one running the loop).
package final class VirtualClock: TickClock {
    /// The current virtual time.
    package private(set) var currentNanoseconds: Nanoseconds
    /// How many times `sleep(untilNanoseconds:)` was called.
    package private(set) var sleepCount: UInt64 = 0

    private var latency: WakeLatencySource
    private var pendingLatencyNanoseconds: Nanoseconds = 0

    /// Creates a clock reading `startNanoseconds`, waking sleepers late per `wakeLatency`.
    package init(startNanoseconds: Nanoseconds = 0, wakeLatency: WakeLatencyModel = .none) {
        currentNanoseconds = startNanoseconds
        latency = WakeLatencySource(wakeLatency)
    }

    /// The current virtual time.
    package func nowNanoseconds() -> Nanoseconds {
        currentNanoseconds
    }

    /// Moves the clock to `deadline` (if it is ahead), then on by the wake-up latency, and
    /// returns the new time. Every call draws one latency, so the sequence is reproducible.
    package func sleep(untilNanoseconds deadline: Nanoseconds) -> Nanoseconds {
        sleepCount &+= 1
        let late = latency.nextLatencyNanoseconds() &+ pendingLatencyNanoseconds
        pendingLatencyNanoseconds = 0
        currentNanoseconds = max(currentNanoseconds, deadline) &+ late
        return currentNanoseconds
    }

    /// Moves time forward by `nanoseconds` (negative values are ignored: a monotonic clock
    /// never goes back).
    package func advance(by nanoseconds: Nanoseconds) {
        currentNanoseconds &+= max(0, nanoseconds)
    }

    /// Moves time forward by `duration` (negative durations are ignored).
    package func advance(by duration: Duration) {
        advance(by: duration.wholeNanoseconds)
    }

    /// Moves time forward to `nanoseconds`, if that is ahead of now.
    package func advance(toNanoseconds nanoseconds: Nanoseconds) {
        currentNanoseconds = max(currentNanoseconds, nanoseconds)
    }

    /// Makes the next wake-up later by `nanoseconds`, on top of the latency model (a stall of
    /// the scheduler, for overrun tests).
    package func injectWakeLatency(nanoseconds: Nanoseconds) {
        pendingLatencyNanoseconds &+= max(0, nanoseconds)
    }
}
