/// The rate of a fixed-step loop, kept as an exact fraction so that no rate drifts:
/// a period of `nanosecondsPerCycle / ticksPerCycle` nanoseconds.
///
/// 1 kHz is exactly 1,000,000 ns a tick; 300 Hz is 10,000,000 ns every 3 ticks, so tick 300
/// falls exactly one second after tick 0 although no single period is a whole number of
/// nanoseconds.
package struct TickRate: Sendable, Hashable, CustomStringConvertible {
    /// Nanoseconds in one cycle of `ticksPerCycle` ticks.
    package let nanosecondsPerCycle: Int64
    /// Ticks in one cycle.
    package let ticksPerCycle: Int64

    /// 1 kHz: the rate of LinuxCNC's servo thread and of ros2_control's usual controller
    /// manager, and this loop's default.
    package static let oneKilohertz = TickRate(reducedNanoseconds: 1_000_000, ticks: 1)

    /// A rate of `hertz` ticks a second, 1 Hz to 100 kHz.
    package init(hertz: Int) throws(LoopConfigurationError) {
        guard (1...100_000).contains(hertz) else { throw .rateOutOfRange(hertz: hertz) }
        let divisor = Self.greatestCommonDivisor(nanosecondsPerSecond, Int64(hertz))
        self.init(reducedNanoseconds: nanosecondsPerSecond / divisor, ticks: Int64(hertz) / divisor)
    }

    /// A rate of one tick every `period`, 10 µs to one hour, in whole nanoseconds.
    package init(period: Duration) throws(LoopConfigurationError) {
        let nanoseconds = period.wholeNanoseconds
        guard (10_000...3_600 * nanosecondsPerSecond).contains(nanoseconds) else {
            throw .periodOutOfRange(nanoseconds: nanoseconds)
        }
        self.init(reducedNanoseconds: nanoseconds, ticks: 1)
    }

    private init(reducedNanoseconds: Int64, ticks: Int64) {
        nanosecondsPerCycle = reducedNanoseconds
        ticksPerCycle = ticks
    }

    /// The rate in hertz.
    package var hertz: Double {
        Double(ticksPerCycle) * 1e9 / Double(nanosecondsPerCycle)
    }

    /// The period rounded down to whole nanoseconds (exact when `ticksPerCycle` is 1).
    package var nominalPeriodNanoseconds: Nanoseconds {
        nanosecondsPerCycle / ticksPerCycle
    }

    /// For example `1000000 ns per tick` or `3 ticks per 10000000 ns`.
    package var description: String {
        ticksPerCycle == 1
            ? "\(nanosecondsPerCycle) ns per tick"
            : "\(ticksPerCycle) ticks per \(nanosecondsPerCycle) ns"
    }

    private static func greatestCommonDivisor(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}

/// Why a loop configuration was refused.
package enum LoopConfigurationError: Error, Sendable, Hashable {
    /// A rate outside 1 Hz…100 kHz.
    case rateOutOfRange(hertz: Int)
    /// A period outside 10 µs…1 h.
    case periodOutOfRange(nanoseconds: Nanoseconds)
}
