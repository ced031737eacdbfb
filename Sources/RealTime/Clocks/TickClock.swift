/// A clock that paces a loop: a monotonic timeline in nanoseconds, and a way to sleep until an
/// absolute point on it.
///
/// Absolute deadlines are the point: a loop that sleeps "until start + n·period" cannot drift,
/// while one that sleeps "for one period" after each tick accumulates every wake-up latency.
///
/// Two implementations: `MonotonicClock` (the kernel's `CLOCK_MONOTONIC`, for the real loop)
/// and `VirtualClock` (deterministic, for tests and simulation). Requirements are
/// non-mutating so that a reference-type clock (`VirtualClock`) can be shared between the loop
/// and the test that drives it.
package protocol TickClock {
    /// The current time on this clock's monotonic timeline.
    func nowNanoseconds() -> Nanoseconds

    /// Blocks until the clock reads at least `deadline`, then returns the time read on waking
    /// (never earlier than `deadline`). Returns at once, with the current time, when the
    /// deadline has already passed.
    func sleep(untilNanoseconds deadline: Nanoseconds) -> Nanoseconds
}
