import Testing

@testable import RealTime

/// An overrun is detected, the missed periods are skipped (never run late), the loop stays on
/// its grid, and the health flag falls and recovers.
@Suite struct OverrunPolicyTests {
    @Test func aLongComputeSkipsTheMissedPeriodsWithoutABurst() {
        let clock = VirtualClock()
        let loop = FixedStepLoop(clock: clock, configuration: testConfiguration)
        var body = RecordingBody(clock: clock, reserving: 400)
        body.computeNanosecondsByTick = [100: 3_500_000]  // ends at 103.5 ms: past 101, 102, 103
        let report = loop.run(&body, until: .ticks(300))

        let indices = body.contexts.map(\.tickIndex)
        #expect(!indices.contains(101) && !indices.contains(102) && !indices.contains(103))
        let resumed = body.contexts[101]
        #expect(resumed.tickIndex == 104)
        #expect(resumed.scheduledNanoseconds == 104_000_000)
        #expect(resumed.wakeNanoseconds == 104_000_000)  // on time: not a catch-up burst
        #expect(resumed.missedPeriodsBefore == 3)
        #expect(body.contexts.allSatisfy { $0.isOnOneKilohertzGridFromZero })
        #expect(report.overruns == 1 && report.missedPeriods == 3)
        #expect(report.executedTicks == 300)
        #expect(report.nextTickIndex == 303)
        #expect(report.statistics.computeTime.maximumNanoseconds == 3_500_000)
        #expect(loop.health.overruns == 1 && loop.health.missedPeriods == 3)
        #expect(Self.noTwoTicksCloserThanOnePeriod(body.contexts))
    }

    @Test func aLateWakeUpIsAnOverrunToo() {
        let clock = VirtualClock()
        let loop = FixedStepLoop(clock: clock, configuration: testConfiguration)
        var body = RecordingBody(clock: clock, reserving: 400)
        body.nextWakeLatencyByTick = [199: 2_500_000]  // tick 200 wakes at 202.5 ms
        let report = loop.run(&body, until: .ticks(300))

        let late = body.contexts[200]
        #expect(late.tickIndex == 200 && late.wakeLatencyNanoseconds == 2_500_000)
        let resumed = body.contexts[201]
        #expect(resumed.tickIndex == 203 && resumed.wakeLatencyNanoseconds == 0 && resumed.missedPeriodsBefore == 2)
        #expect(report.overruns == 1 && report.missedPeriods == 2)
        #expect(report.statistics.wakeLatency.maximumNanoseconds == 2_500_000)
        #expect(Self.noTwoTicksCloserThanOnePeriod(body.contexts))
    }

    /// Ending exactly on the next deadline is on time: that tick still runs, at its deadline.
    @Test func endingExactlyOnTheNextDeadlineIsNotAnOverrun() {
        let clock = VirtualClock()
        let loop = FixedStepLoop(clock: clock, configuration: testConfiguration)
        var body = RecordingBody(clock: clock, reserving: 20)
        body.computeNanosecondsByTick = [5: 1_000_000]
        let report = loop.run(&body, until: .ticks(10))
        #expect(report.overruns == 0)
        #expect(body.contexts.map(\.tickIndex) == Array(0..<10))
        #expect(body.contexts[6].wakeNanoseconds == 6_000_000)
    }

    @Test func theHealthFlagFallsOnAnOverrunAndRecoversAfterTheWindow() {
        let clock = VirtualClock()
        let loop = FixedStepLoop(clock: clock, configuration: testConfiguration)  // window: 50 ticks
        var body = RecordingBody(clock: clock, reserving: 400)
        body.computeNanosecondsByTick = [120: 1_500_000]  // resumes at 122
        loop.run(&body, until: .ticks(300))
        let healthByIndex = Dictionary(uniqueKeysWithValues: body.contexts.map { ($0.tickIndex, $0.recentDeadlinesMet) })

        // Not healthy until 50 ticks have met their deadlines since the start of the run.
        #expect(healthByIndex[0] == false && healthByIndex[49] == false && healthByIndex[50] == true)
        #expect(healthByIndex[120] == true)
        // After the overrun of tick 120: unhealthy for the next 50 ticks (122...171).
        #expect(healthByIndex[122] == false && healthByIndex[171] == false)
        #expect(healthByIndex[172] == true)
        #expect(loop.health.recentDeadlinesMet == false)  // the run is over
        #expect(loop.summary().recentDeadlinesMet)
        #expect(loop.health.consecutiveTicksWithoutOverrun == 300 - 121)
    }

    @Test func healthIsStaleWhenTheLoopStopsTicking() {
        let clock = VirtualClock()
        let loop = FixedStepLoop(clock: clock, configuration: testConfiguration)
        var verdicts: [Bool] = []
        loop.run(until: .ticks(100)) { context in
            guard context.tickIndex == 99 else { return }
            let health = loop.health
            verdicts.append(health.recentDeadlinesMet)
            verdicts.append(
                health.recentDeadlinesMet(nowNanoseconds: context.wakeNanoseconds, maximumSilenceNanoseconds: 2_000_000))
            verdicts.append(
                health.recentDeadlinesMet(
                    nowNanoseconds: context.wakeNanoseconds + 5_000_000, maximumSilenceNanoseconds: 2_000_000))
        }
        #expect(verdicts == [true, true, false])
    }

    /// Random jitter up to 1.5 periods: overruns happen, yet every tick stays on the grid and
    /// no two ticks run closer together than one period.
    @Test func heavyJitterNeverLeavesTheGrid() {
        let clock = VirtualClock(wakeLatency: .uniform(maximumNanoseconds: 1_500_000, seed: 99))
        let loop = FixedStepLoop(clock: clock, configuration: testConfiguration)
        var body = RecordingBody(clock: clock, reserving: 10_000)
        let report = loop.run(&body, until: .ticks(10_000))
        #expect(report.overruns > 100)
        #expect(body.contexts.allSatisfy { $0.isOnOneKilohertzGridFromZero })
        #expect(Self.noTwoTicksCloserThanOnePeriod(body.contexts))
        let indexSpan = body.contexts.last!.tickIndex + 1
        #expect(indexSpan == report.executedTicks + report.missedPeriods)
    }

    /// A burst would show as ticks woken less than a period apart, or scheduled before the
    /// previous tick ended.
    static func noTwoTicksCloserThanOnePeriod(_ contexts: [TickContext]) -> Bool {
        zip(contexts, contexts.dropFirst()).allSatisfy { previous, next in
            next.scheduledNanoseconds - previous.scheduledNanoseconds >= 1_000_000
                && next.tickIndex == previous.tickIndex + 1 + next.missedPeriodsBefore
        }
    }
}
