import Testing

@testable import RealTime

@Suite struct VirtualClockTests {
    @Test func sleepJumpsToTheDeadlineAndNeverBack() {
        let clock = VirtualClock(startNanoseconds: 5)
        #expect(clock.sleep(untilNanoseconds: 1_000) == 1_000)
        #expect(clock.nowNanoseconds() == 1_000)
        // A deadline in the past returns at once with the current time.
        #expect(clock.sleep(untilNanoseconds: 10) == 1_000)
        #expect(clock.sleepCount == 2)
    }

    @Test func advanceMovesForwardOnly() {
        let clock = VirtualClock()
        clock.advance(by: .microseconds(250))
        #expect(clock.nowNanoseconds() == 250_000)
        clock.advance(by: -10)
        #expect(clock.nowNanoseconds() == 250_000)
        clock.advance(toNanoseconds: 100)
        #expect(clock.nowNanoseconds() == 250_000)
        clock.advance(toNanoseconds: 300_000)
        #expect(clock.nowNanoseconds() == 300_000)
    }

    @Test func constantAndInjectedLatencyAddToTheWakeUp() {
        let clock = VirtualClock(wakeLatency: .constant(nanoseconds: 20_000))
        #expect(clock.sleep(untilNanoseconds: 1_000_000) == 1_020_000)
        clock.injectWakeLatency(nanoseconds: 3_000_000)
        #expect(clock.sleep(untilNanoseconds: 2_000_000) == 5_020_000)
        // The injection is used once.
        #expect(clock.sleep(untilNanoseconds: 6_000_000) == 6_020_000)
    }

    @Test func uniformLatencyIsReproducibleAndBounded() {
        func latencies(seed: UInt64) -> [Nanoseconds] {
            let clock = VirtualClock(wakeLatency: .uniform(maximumNanoseconds: 50_000, seed: seed))
            return (1...1_000).map { tick in
                let deadline = Nanoseconds(tick) * 1_000_000
                return clock.sleep(untilNanoseconds: deadline) - deadline
            }
        }
        let first = latencies(seed: 7)
        #expect(first == latencies(seed: 7))
        #expect(first != latencies(seed: 8))
        #expect(first.allSatisfy { (0...50_000).contains($0) })
        // Spread over the range, not stuck at one end.
        #expect(first.min()! < 5_000 && first.max()! > 45_000)
    }

    /// The first outputs of SplitMix64 seeded with 0, from Vigna's reference `splitmix64.c`.
    @Test func splitMix64MatchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func monotonicClockAdvancesAndSleepsToAbsoluteDeadlines() {
        let clock = MonotonicClock()
        let start = clock.nowNanoseconds()
        let deadline = start + 2_000_000
        let woke = clock.sleep(untilNanoseconds: deadline)
        #expect(woke >= deadline)
        #expect(clock.nowNanoseconds() >= woke)
        // A past deadline does not sleep.
        #expect(clock.sleep(untilNanoseconds: start) >= woke)
    }
}
