/// The absolute deadlines of a loop: tick `n` is due at `origin + n · period`, computed from
/// `n` each time, never by adding a period to the previous deadline or to "now", so that no
/// error accumulates however long the loop runs.
///
/// With the period `p = c / k` (`c` nanoseconds per cycle of `k` ticks), tick `n = q·k + r`
/// is due at `origin + q·c + ⌊r·c / k⌋`: exact integer arithmetic with no overflow for any
/// uptime (`r·c < k·c ≤ 10¹⁴`).
package struct TickGrid: Sendable, Hashable {
    /// The deadline of tick 0.
    package let originNanoseconds: Nanoseconds
    /// The rate of the ticks.
    package let rate: TickRate

    /// A grid starting at `originNanoseconds` at `rate`.
    package init(originNanoseconds: Nanoseconds, rate: TickRate) {
        self.originNanoseconds = originNanoseconds
        self.rate = rate
    }

    /// The deadline of tick `index`.
    @inline(__always)
    package func deadlineNanoseconds(ofTick index: UInt64) -> Nanoseconds {
        let ticksPerCycle = UInt64(rate.ticksPerCycle)
        let cycles = Int64(truncatingIfNeeded: index / ticksPerCycle)
        let remainder = Int64(truncatingIfNeeded: index % ticksPerCycle)
        return originNanoseconds &+ cycles &* rate.nanosecondsPerCycle
            &+ (remainder &* rate.nanosecondsPerCycle) / rate.ticksPerCycle
    }

    /// The first tick whose deadline is strictly after `nanoseconds`: where a loop that is
    /// late at `nanoseconds` resumes the grid.
    package func firstTick(after nanoseconds: Nanoseconds) -> UInt64 {
        guard nanoseconds >= originNanoseconds else { return 0 }
        let elapsed = nanoseconds &- originNanoseconds
        let cycles = elapsed / rate.nanosecondsPerCycle
        let intoCycle = elapsed % rate.nanosecondsPerCycle
        var index =
            UInt64(cycles) &* UInt64(rate.ticksPerCycle)
            &+ UInt64((intoCycle &* rate.ticksPerCycle) / rate.nanosecondsPerCycle)
        // The estimate is within one tick; settle it exactly against the deadlines themselves.
        while deadlineNanoseconds(ofTick: index) <= nanoseconds { index &+= 1 }
        while index > 0, deadlineNanoseconds(ofTick: index - 1) > nanoseconds { index -= 1 }
        return index
    }
}
