import Testing

@testable import RealTime

/// The loop on the real clock and its own thread. The machine is shared and noisy: these check
/// counts and consistency, never latency bounds.
@Suite struct MonotonicLoopTests {
    @Test func aShortRealTimeRunCompletesWithSaneStatistics() throws {
        let options = RealTimeOptions(fifoPriority: 20, cpuAffinity: nil)
        let thread = try LoopThread.start(name: "test-loop", realTime: options) { setup in
            let loop = FixedStepLoop(clock: MonotonicClock(), configuration: testConfiguration)
            var onGrid = true
            var origin: Nanoseconds = 0
            var previousWake: Nanoseconds = 0
            var wakesInOrder = true
            let report = loop.run(until: .duration(.milliseconds(200))) { context in
                if context.sequenceNumber == 0 { origin = context.scheduledNanoseconds }
                onGrid = onGrid && context.scheduledNanoseconds == origin + Nanoseconds(context.tickIndex) * 1_000_000
                wakesInOrder =
                    wakesInOrder && context.wakeNanoseconds >= context.scheduledNanoseconds
                    && context.wakeNanoseconds > previousWake
                previousWake = context.wakeNanoseconds
            }
            return (report, onGrid, wakesInOrder, setup)
        }
        let (report, onGrid, wakesInOrder, setup) = thread.join()
        #expect(report.stopReason == .timeReached)
        #expect(onGrid && wakesInOrder)
        #expect(report.executedTicks > 0)
        // 200 grid slots in 200 ms: each ran or was skipped, none twice.
        #expect(report.executedTicks + report.missedPeriods == 200)
        #expect(report.nextTickIndex == 200)
        let stats = report.statistics
        #expect(stats.wakeLatency.count == report.executedTicks)
        #expect(stats.computeTime.count == report.executedTicks)
        #expect(stats.wakeLatency.minimumNanoseconds <= stats.wakeLatency.p50Nanoseconds)
        #expect(stats.wakeLatency.p50Nanoseconds <= stats.wakeLatency.p99Nanoseconds)
        #expect(stats.wakeLatency.p99Nanoseconds <= stats.wakeLatency.p999Nanoseconds)
        #expect(stats.wakeLatency.p999Nanoseconds <= stats.wakeLatency.maximumNanoseconds)
        #expect(stats.clampedSamples == 0)
        #expect(setup.outcomes.count == 1)
        print(
            "RealTime: 200 ms at 1 kHz: wake latency \(stats.wakeLatency); overruns \(stats.overruns); "
                + "setup \(setup.isFullyApplied ? "applied" : setup.warnings.joined(separator: " "))")
    }

    @Test func aStopFromAnotherThreadEndsAnUnboundedRun() throws {
        let control = LoopControl()
        let thread = try LoopThread.start(name: "test-stop") { _ in
            FixedStepLoop(clock: MonotonicClock(), control: control).run(until: .untilStopped) { _ in }
        }
        let clock = MonotonicClock()
        _ = clock.sleep(untilNanoseconds: clock.nowNanoseconds() + 20_000_000)
        control.requestStop()
        let report = thread.join()
        #expect(report.stopReason == .stopRequested)
        #expect(report.executedTicks > 0)
    }
}
