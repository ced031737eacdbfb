/// The kernel's monotonic clock: `CLOCK_MONOTONIC` on Linux (read with `clock_gettime`, slept
/// on with `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, …)`, retried on `EINTR`), and
/// the clock of `mach_absolute_time` on Darwin (slept on with `nanosleep` of the remaining
/// time, for development on macOS only).
///
/// Neither `settimeofday`, NTP steps nor GNSS fixes move it; UTC is tracked beside it by
/// `UTCReference`.
public struct MonotonicClock: TickClock, Sendable {
    /// Creates the clock; it holds no state.
    public init() {}

    /// `clock_gettime(CLOCK_MONOTONIC)` in nanoseconds.
    @inline(__always)
    public func nowNanoseconds() -> Nanoseconds {
        SystemCalls.monotonicNanoseconds()
    }

    /// `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, deadline)` until it has passed, then
    /// one more clock reading: the actual wake-up time.
    public func sleep(untilNanoseconds deadline: Nanoseconds) -> Nanoseconds {
        let now = SystemCalls.monotonicNanoseconds()
        if now >= deadline { return now }
        SystemCalls.sleepUntilMonotonic(nanoseconds: deadline)
        return SystemCalls.monotonicNanoseconds()
    }
}
