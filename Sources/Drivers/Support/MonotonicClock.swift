#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system's monotonic clock, the time base of every driver (the real-time loop paces
/// itself on the same clock: design notes, safety invariant 5).
public enum DriverMonotonicClock {
    /// `clock_gettime(CLOCK_MONOTONIC)` in nanoseconds.
    public static func nowNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
