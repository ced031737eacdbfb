#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one monotonic clock of the process: the tick, the drivers, the daemon's threads, the
/// simulator's wall-clock timings and the bench all read it, so their timestamps compare.
/// `CLOCK_MONOTONIC` on Linux (the clock the kernel stamps GPIO edge events with);
/// `clock_gettime_nsec_np(CLOCK_UPTIME_RAW)` (the clock of `mach_absolute_time`) on Darwin.
/// Never stepped.
package enum MonotonicTime {
    /// Nanoseconds since an arbitrary start (on Linux, boot).
    @inline(__always)
    package static func nanoseconds() -> Int64 {
        #if canImport(Darwin)
            return Int64(truncatingIfNeeded: clock_gettime_nsec_np(CLOCK_UPTIME_RAW))
        #else
            var time = timespec()
            // Cannot fail for CLOCK_MONOTONIC with a valid pointer (clock_gettime(2)).
            _ = clock_gettime(CLOCK_MONOTONIC, &time)
            return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
        #endif
    }

    /// The same clock as an unsigned count, the drivers' time base.
    @inline(__always)
    package static func unsignedNanoseconds() -> UInt64 { UInt64(truncatingIfNeeded: nanoseconds()) }

    /// `CLOCK_REALTIME` read between two monotonic readings, paired with their midpoint.
    package static func realtimeAndMonotonicNanoseconds() -> (realtimeNanoseconds: Int64, monotonicNanoseconds: Int64) {
        let before = nanoseconds()
        #if canImport(Darwin)
            let realtime = Int64(truncatingIfNeeded: clock_gettime_nsec_np(CLOCK_REALTIME))
        #else
            var time = timespec()
            _ = clock_gettime(CLOCK_REALTIME, &time)
            let realtime = Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
        #endif
        let after = nanoseconds()
        return (realtime, before &+ (after &- before) / 2)
    }

    /// Sleeps until the clock reads at least `deadline`.
    ///
    /// Linux: `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, …)`, the call cyclictest and
    /// LinuxCNC use: an absolute deadline cannot drift, and after a signal (`EINTR`) the same
    /// deadline is simply slept for again. Elsewhere: `nanosleep` of the time remaining,
    /// repeated until the deadline has passed (it may return early on a signal).
    package static func sleep(untilNanoseconds deadline: Int64) {
        #if os(Linux)
            var target = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
            while true {
                // clock_nanosleep returns the error number instead of setting errno.
                let result = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, nil)
                if result != EINTR { return }
            }
        #else
            while true {
                let remaining = deadline &- nanoseconds()
                if remaining <= 0 { return }
                var interval = timespec(tv_sec: Int(remaining / 1_000_000_000), tv_nsec: Int(remaining % 1_000_000_000))
                _ = nanosleep(&interval, nil)
            }
        #endif
    }
}
