import Testing

@testable import RealTime

@Suite struct LoopTimingMonitorTests {
    /// Drained after the run, the monitor sees exactly what the loop recorded.
    @Test func theMonitorSeesWhatTheLoopRecorded() {
        let monitor = LoopTimingMonitor(capacity: 8_192)
        let clock = VirtualClock(wakeLatency: .uniform(maximumNanoseconds: 1_100_000, seed: 8))
        let loop = FixedStepLoop(clock: clock, configuration: testConfiguration, timingSamples: monitor.samples)
        loop.run(until: .ticks(5_000)) { _ in clock.advance(by: 10_000) }
        #expect(monitor.drain() == 5_000)
        #expect(monitor.droppedSamples == 0)
        #expect(monitor.summary(healthWindowTicks: 50) == loop.summary())
        #expect(loop.summary().overruns > 0)
        monitor.reset()
        #expect(monitor.summary(healthWindowTicks: 50) == .empty)
    }

    @Test func aMonitorThatFallsBehindDropsAndCounts() {
        let monitor = LoopTimingMonitor(capacity: 64)
        let loop = FixedStepLoop(clock: VirtualClock(), timingSamples: monitor.samples)
        loop.run(until: .ticks(100)) { _ in }
        #expect(monitor.drain() == 64)
        #expect(monitor.droppedSamples == 36)
    }

    /// The loop on its own thread at 2 kHz, the monitor draining here at the same time.
    @Test func theMonitorDrainsWhileTheLoopRuns() throws {
        let monitor = LoopTimingMonitor(capacity: 1_024)
        let samples = monitor.samples
        let control = LoopControl()
        let configuration = LoopConfiguration(rate: try TickRate(hertz: 2_000))
        let thread = try LoopThread.start(name: "test-monitored") { _ in
            let loop = FixedStepLoop(
                clock: MonotonicClock(), configuration: configuration, control: control, timingSamples: samples)
            return loop.run(until: .duration(.milliseconds(150))) { _ in }
        }
        let clock = MonotonicClock()
        var drained = 0
        let until = clock.nowNanoseconds() + 400_000_000
        while clock.nowNanoseconds() < until {
            drained += monitor.drain()
            _ = clock.sleep(untilNanoseconds: clock.nowNanoseconds() + 5_000_000)
        }
        let report = thread.join()
        drained += monitor.drain()
        #expect(UInt64(drained) + monitor.droppedSamples == report.executedTicks)
        #expect(monitor.statistics.executedTicks == UInt64(drained))
        #expect(monitor.statistics.overruns <= report.overruns)
    }
}

@Suite struct LoopHealthWindowTests {
    /// The health window is one second of ticks at any rate unless given.
    @Test func theDefaultWindowIsOneSecond() throws {
        #expect(LoopConfiguration().healthWindowTicks == 1_000)
        #expect(LoopConfiguration(rate: try TickRate(hertz: 20)).healthWindowTicks == 20)
        #expect(LoopConfiguration(rate: try TickRate(hertz: 4_000)).healthWindowTicks == 4_000)
        #expect(LoopConfiguration(rate: try TickRate(hertz: 20), healthWindowTicks: 7).healthWindowTicks == 7)
    }
}
