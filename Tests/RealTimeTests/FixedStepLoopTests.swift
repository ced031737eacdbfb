import Testing

@testable import RealTime

/// The loop on a virtual clock: determinism, absolute deadlines, bounds and stopping.
@Suite struct FixedStepLoopTests {
    /// One run with seeded jitter, two compute overruns and one stalled wake-up, returning every
    /// context and a per-tick output computed from it.
    private func scriptedRun() -> (contexts: [TickContext], outputs: [UInt64], summary: LoopStatisticsSummary) {
        let clock = VirtualClock(startNanoseconds: 42, wakeLatency: .uniform(maximumNanoseconds: 300_000, seed: 2024))
        let loop = FixedStepLoop(clock: clock, configuration: testConfiguration)
        var body = RecordingBody(clock: clock, reserving: 5_000)
        body.computeNanosecondsByTick = [700: 2_600_000, 1_900: 1_000_000, 3_100: 9_000_000]
        body.nextWakeLatencyByTick = [2_500: 4_200_000]
        loop.run(&body, until: .ticks(5_000))
        // A per-tick output such as a controller would compute: must match to the last bit.
        let outputs = body.contexts.map { context in
            let phase = Double(context.tickIndex) * 0.001 + Double(context.wakeLatencyNanoseconds) * 1e-9
            return (phase * 2 * Double.pi).sinePolynomial.bitPattern
        }
        return (body.contexts, outputs, loop.summary())
    }

    @Test func theSameInputsGiveTheSameTicksBitForBit() {
        let first = scriptedRun()
        let second = scriptedRun()
        #expect(first.contexts.count == 5_000)
        #expect(first.contexts == second.contexts)
        #expect(first.outputs == second.outputs)
        #expect(first.summary == second.summary)
        #expect(first.summary.overruns >= 3)
    }

    /// 10⁶ ticks at 1 kHz with wake-up jitter up to 0.4 ms: every tick is due exactly at
    /// n·1 ms, and the millionth is due at 999.999 s to the nanosecond.
    @Test func deadlinesAreAbsoluteOverAMillionTicks() {
        let clock = VirtualClock(wakeLatency: .uniform(maximumNanoseconds: 400_000, seed: 1))
        let loop = FixedStepLoop(clock: clock, configuration: LoopConfiguration(statusPublishIntervalTicks: 0))
        var offGrid = 0
        var last = TickContext(
            tickIndex: 0, sequenceNumber: 0, scheduledNanoseconds: 0, wakeNanoseconds: 0, nextDeadlineNanoseconds: 0,
            scheduledUTC: nil, missedPeriodsBefore: 0, recentDeadlinesMet: false)
        let report = loop.run(until: .ticks(1_000_000)) { context in
            if !context.isOnOneKilohertzGridFromZero || context.tickIndex != context.sequenceNumber { offGrid += 1 }
            last = context
        }
        #expect(offGrid == 0)
        #expect(report.executedTicks == 1_000_000)
        #expect(report.overruns == 0 && report.missedPeriods == 0)
        #expect(last.tickIndex == 999_999)
        #expect(last.scheduledNanoseconds == 999_999_000_000)
        #expect(last.wakeNanoseconds - last.scheduledNanoseconds <= 400_000)
        #expect(report.statistics.wakeLatency.maximumNanoseconds <= 400_000)
        #expect(report.statistics.wakeLatency.count == 1_000_000)
    }

    @Test func aDurationBoundRunsTheTicksDueInsideIt() {
        let clock = VirtualClock(startNanoseconds: 1_000)
        let loop = FixedStepLoop(clock: clock)
        var count = 0
        let report = loop.run(until: .duration(.milliseconds(10))) { _ in count += 1 }
        #expect(count == 10)
        #expect(report.stopReason == .timeReached)
        #expect(report.grid.originNanoseconds == 1_000)
        #expect(report.nextTickIndex == 10)

        let second = loop.run(until: .untilNanoseconds(clock.nowNanoseconds() + 3_500_000)) { _ in count += 1 }
        #expect(second.executedTicks == 4)  // due at +0, +1, +2, +3 ms
        #expect(second.statistics.executedTicks == 14)
    }

    @Test func aStopRequestEndsTheRunAfterTheCurrentTick() {
        let clock = VirtualClock()
        let control = LoopControl()
        let loop = FixedStepLoop(clock: clock, control: control)
        var seen: [UInt64] = []
        let report = loop.run(until: .untilStopped) { context in
            seen.append(context.tickIndex)
            if context.tickIndex == 25 { control.requestStop() }
        }
        #expect(report.stopReason == .stopRequested)
        #expect(seen == Array(0...25))
        #expect(loop.health.isRunning == false)

        // Until cleared, a stop request keeps the loop from running at all.
        #expect(loop.run(until: .ticks(5)) { _ in }.executedTicks == 0)
        control.clearStopRequest()
        #expect(loop.run(until: .ticks(5)) { _ in }.executedTicks == 5)
    }

    @Test func aNestedRunDoesNothing() {
        let loop = FixedStepLoop(clock: VirtualClock())
        var nested: LoopReport?
        loop.run(until: .ticks(2)) { context in
            if context.tickIndex == 1 { nested = loop.run(until: .ticks(10)) { _ in } }
        }
        #expect(nested?.executedTicks == 0)
        #expect(loop.summary().executedTicks == 2)
    }

    /// Non-copyable tick bodies (e.g. one owning a hardware handle) are accepted as they are.
    @Test func nonCopyableBodiesRun() {
        struct Counter: TickBody, ~Copyable {
            var ticks = 0
            mutating func tick(_ context: TickContext) { ticks += 1 }
        }
        var counter = Counter()
        FixedStepLoop(clock: VirtualClock()).run(&counter, until: .ticks(17))
        #expect(counter.ticks == 17)
    }

    @Test func statusIsPublishedEveryIntervalAndAtTheEnd() {
        let clock = VirtualClock(wakeLatency: .uniform(maximumNanoseconds: 90_000, seed: 4))
        let loop = FixedStepLoop(clock: clock, configuration: testConfiguration)  // every 100 ticks
        #expect(loop.status.read() == .initial)
        loop.run(until: .ticks(250)) { context in
            if context.sequenceNumber == 150 {
                let status = loop.status.read()
                #expect(status.executedTicks == 100 && status.lastTickIndex == 99)
                #expect(status.lastScheduledNanoseconds == 99_000_000)
            }
        }
        let status = loop.status.read()
        #expect(loop.status.publicationCount == 3)  // at 100, 200, and the end
        #expect(status.executedTicks == 250 && status.lastTickIndex == 249)
        let summary = loop.summary()
        #expect(status.wakeLatency.count == 250)
        #expect(status.wakeLatency.maximumNanoseconds == summary.wakeLatency.maximumNanoseconds)
        #expect(status.wakeLatency.minimumNanoseconds == summary.wakeLatency.minimumNanoseconds)
        #expect(status.wakeLatency.meanNanoseconds == summary.wakeLatency.meanNanoseconds)
        #expect(status.wakeLatency.maximumNanoseconds <= 90_000)
        #expect(status.recentDeadlinesMet == summary.recentDeadlinesMet)
    }

    /// Percentiles within HdrHistogram's 3 significant digits of the exact ones.
    @Test func summaryPercentilesMatchTheExactOnes() {
        let clock = VirtualClock(wakeLatency: .uniform(maximumNanoseconds: 500_000, seed: 11))
        let loop = FixedStepLoop(clock: clock)
        var latencies: [Nanoseconds] = []
        loop.run(until: .ticks(10_000)) { latencies.append($0.wakeLatencyNanoseconds) }
        latencies.sort()
        let summary = loop.summary().wakeLatency
        func exact(_ percentile: Double) -> Double {
            Double(latencies[Int((percentile / 100 * Double(latencies.count)).rounded(.up)) - 1])
        }
        #expect(abs(Double(summary.p50Nanoseconds) - exact(50)) <= exact(50) * 1e-3)
        #expect(abs(Double(summary.p99Nanoseconds) - exact(99)) <= exact(99) * 1e-3)
        #expect(abs(Double(summary.p999Nanoseconds) - exact(99.9)) <= exact(99.9) * 1e-3)
        #expect(summary.minimumNanoseconds == UInt64(latencies.first!))
        #expect(summary.maximumNanoseconds == UInt64(latencies.last!))
        #expect(summary.count == 10_000)
    }

    @Test func takingTheStatisticsThenRunningAgainKeepsTheCountsSeparate() {
        let loop = FixedStepLoop(clock: VirtualClock(wakeLatency: .constant(nanoseconds: 1_234)))
        loop.run(until: .ticks(10)) { _ in }
        let before = loop.statistics
        loop.run(until: .ticks(10)) { _ in }
        #expect(before.wakeLatencyNanoseconds.totalCount == 10)
        #expect(loop.statistics.wakeLatencyNanoseconds.totalCount == 20)
        #expect(loop.summary().wakeLatency.p50Nanoseconds == 1_234)
        loop.resetStatistics()
        #expect(loop.summary() == .empty)
    }
}

extension Double {
    /// A fixed polynomial, so that the "output" does not depend on the platform's libm.
    fileprivate var sinePolynomial: Double {
        let x = self.truncatingRemainder(dividingBy: 2 * .pi) - .pi
        let x2 = x * x
        return -x * (1 - x2 / 6 * (1 - x2 / 20 * (1 - x2 / 42)))
    }
}
