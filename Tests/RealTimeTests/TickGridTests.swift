import Testing

@testable import RealTime

@Suite struct TickGridTests {
    @Test func oneKilohertzIsOneMillisecondExactly() throws {
        let grid = TickGrid(originNanoseconds: 123, rate: .oneKilohertz)
        #expect(grid.deadlineNanoseconds(ofTick: 0) == 123)
        #expect(grid.deadlineNanoseconds(ofTick: 1) == 1_000_123)
        #expect(grid.deadlineNanoseconds(ofTick: 1_000_000) == 1_000_000_000_123)
        #expect(try TickRate(hertz: 1_000) == .oneKilohertz)
        #expect(TickRate.oneKilohertz.nominalPeriodNanoseconds == 1_000_000)
    }

    /// 300 Hz has no whole-nanosecond period; the grid still lands on every second exactly.
    @Test func nonIntegerPeriodsDoNotDrift() throws {
        let grid = TickGrid(originNanoseconds: 0, rate: try TickRate(hertz: 300))
        #expect(grid.deadlineNanoseconds(ofTick: 300) == 1_000_000_000)
        #expect(grid.deadlineNanoseconds(ofTick: 300 * 86_400) == 86_400 * 1_000_000_000)
        #expect(grid.deadlineNanoseconds(ofTick: 1) == 3_333_333)
        #expect(grid.deadlineNanoseconds(ofTick: 2) == 6_666_666)
        // Periods differ by at most 1 ns and never accumulate.
        for index in UInt64(0)..<900 {
            let period = grid.deadlineNanoseconds(ofTick: index + 1) - grid.deadlineNanoseconds(ofTick: index)
            #expect((3_333_333...3_333_334).contains(period))
        }
    }

    /// A year of 1 kHz ticks (3.2·10¹⁰) is far inside the arithmetic.
    @Test func longUptimesStayExact() {
        let grid = TickGrid(originNanoseconds: 5_000, rate: .oneKilohertz)
        let yearOfTicks: UInt64 = 365 * 86_400 * 1_000
        #expect(grid.deadlineNanoseconds(ofTick: yearOfTicks) == 5_000 + Nanoseconds(yearOfTicks) * 1_000_000)
        #expect(grid.firstTick(after: grid.deadlineNanoseconds(ofTick: yearOfTicks)) == yearOfTicks + 1)
    }

    @Test(arguments: [1, 7, 300, 1_000, 4_096, 100_000])
    func firstTickAfterIsTheFirstDeadlineStrictlyLater(hertz: Int) throws {
        let grid = TickGrid(originNanoseconds: 1_000_000_007, rate: try TickRate(hertz: hertz))
        var generator = SplitMix64(seed: UInt64(hertz))
        for _ in 0..<2_000 {
            let instant = grid.originNanoseconds - 5 + Nanoseconds(generator.next() % 20_000_000_000)
            let index = grid.firstTick(after: instant)
            #expect(grid.deadlineNanoseconds(ofTick: index) > instant)
            if index > 0 { #expect(grid.deadlineNanoseconds(ofTick: index - 1) <= instant) }
        }
        // Exactly on a deadline: the next one.
        #expect(grid.firstTick(after: grid.deadlineNanoseconds(ofTick: 42)) == 43)
    }

    @Test func ratesOutOfRangeAreRefused() {
        #expect(throws: LoopConfigurationError.rateOutOfRange(hertz: 0)) { try TickRate(hertz: 0) }
        #expect(throws: LoopConfigurationError.rateOutOfRange(hertz: 1_000_000)) { try TickRate(hertz: 1_000_000) }
        #expect(throws: LoopConfigurationError.periodOutOfRange(nanoseconds: 1_000)) {
            try TickRate(period: .microseconds(1))
        }
        #expect(throws: Never.self) { try TickRate(period: .milliseconds(4)) }
    }

    @Test func durationsConvertToWholeNanoseconds() {
        #expect(Duration.milliseconds(3).wholeNanoseconds == 3_000_000)
        #expect(Duration.nanoseconds(-7).wholeNanoseconds == -7)
        #expect(Duration.seconds(Int64.max).wholeNanoseconds == .max)
    }
}
