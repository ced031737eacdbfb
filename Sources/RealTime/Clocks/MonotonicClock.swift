import Platform

/// The kernel's monotonic clock as the loop's `TickClock`: Platform's `MonotonicTime`, the one
/// clock of the process (`CLOCK_MONOTONIC` on Linux, slept on with
/// `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, …)`, retried on `EINTR`; the clock of
/// `mach_absolute_time` on Darwin, for development on macOS only).
///
/// Neither `settimeofday`, NTP steps nor GNSS fixes move it; UTC is tracked beside it by
/// `UTCReference`.
package struct MonotonicClock: TickClock, Sendable {
    /// Creates the clock; it holds no state.
    package init() {}

    /// `clock_gettime(CLOCK_MONOTONIC)` in nanoseconds.
    @inline(__always)
    package func nowNanoseconds() -> Nanoseconds {
        MonotonicTime.nanoseconds()
    }

    /// `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, deadline)` until it has passed, then
    /// one more clock reading: the actual wake-up time.
    package func sleep(untilNanoseconds deadline: Nanoseconds) -> Nanoseconds {
        let now = MonotonicTime.nanoseconds()
        if now >= deadline { return now }
        MonotonicTime.sleep(untilNanoseconds: deadline)
        return MonotonicTime.nanoseconds()
    }
}
