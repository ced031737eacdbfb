/// How late a `VirtualClock` wakes a sleeper after its deadline, to exercise a loop's latency
/// statistics and overrun handling without a real scheduler.
package enum WakeLatencyModel: Sendable, Hashable {
    /// Wakes exactly at the deadline.
    case none
    /// Wakes the same number of nanoseconds late every time.
    case constant(nanoseconds: Nanoseconds)
    /// Wakes late by a pseudo-random amount in `0...maximumNanoseconds`, drawn from a
    /// `SplitMix64` seeded with `seed`: the same seed gives the same latencies on every run.
    case uniform(maximumNanoseconds: Nanoseconds, seed: UInt64)
}

/// The running state of a `WakeLatencyModel`: its generator, if it has one.
struct WakeLatencySource {
    private let model: WakeLatencyModel
    private var generator: SplitMix64

    init(_ model: WakeLatencyModel) {
        self.model = model
        if case .uniform(_, let seed) = model {
            generator = SplitMix64(seed: seed)
        } else {
            generator = SplitMix64(seed: 0)
        }
    }

    /// The latency of the next wake-up.
    mutating func nextLatencyNanoseconds() -> Nanoseconds {
        switch model {
        case .none:
            return 0
        case .constant(let nanoseconds):
            return max(0, nanoseconds)
        case .uniform(let maximum, _):
            guard maximum > 0 else { return 0 }
            // Multiply-high maps 64 random bits onto 0...maximum without a division, and the
            // same way on every platform (stdlib's `random(in:using:)` promises no algorithm).
            let span = UInt64(maximum) + 1
            return Nanoseconds(generator.next().multipliedFullWidth(by: span).high)
        }
    }
}
