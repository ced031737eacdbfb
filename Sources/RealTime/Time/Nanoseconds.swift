/// A count of nanoseconds on a monotonic timeline (or a difference of two such counts).
///
/// Signed, so that differences need no special care; 63 bits of nanoseconds last 292 years,
/// far past any uptime. Values of `CLOCK_MONOTONIC` start near boot, values of a
/// `VirtualClock` wherever the test starts it.
public typealias Nanoseconds = Int64

/// Nanoseconds in one second.
package let nanosecondsPerSecond: Nanoseconds = 1_000_000_000

extension Duration {
    /// This duration in whole nanoseconds, truncated toward zero and clamped to `Nanoseconds`.
    package var wholeNanoseconds: Nanoseconds {
        let (seconds, attoseconds) = components
        let (fromSeconds, overflow) = seconds.multipliedReportingOverflow(by: nanosecondsPerSecond)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, overflowSum) = fromSeconds.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflowSum { return seconds < 0 ? .min : .max }
        return total
    }
}
