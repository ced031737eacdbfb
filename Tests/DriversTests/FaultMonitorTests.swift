import Foundation
@testable import Drivers
import HAL
import HALSim
import TestSupport
import Testing

/// Fault inputs to transmit-off, on simulated traces with edge timestamps.
@Suite struct FaultMonitorTests {
    let ms = TransmitBench.tickNanoseconds

    @Test func aFaultEdgeDropsTransmitWithinOneTick() throws {
        let bench = try TransmitBench()
        bench.switchOn()
        for _ in 0..<5 { bench.tick() }
        let edgeTime = bench.now + 300_000  // 0.3 ms after a tick, before the next
        try bench.gpio.injectEdge(.rising, on: .faultIn, atNanoseconds: edgeTime)
        bench.tick()  // this tick started before the edge: nothing yet
        #expect(bench.interlock.isTransmitEnabled)
        bench.tick()
        let off = try #require(bench.transmitTrace.last)
        #expect(off.level == .inactive)
        #expect(off.timeNanoseconds > edgeTime && off.timeNanoseconds - edgeTime <= ms)
        #expect(bench.faults.state(of: .powerAmplifier)?.cause == .edge(timestampNanoseconds: edgeTime))
        #expect(bench.interlock.unmet == TransmitConditionSet(.noHardwareFault))
        let events = try bench.auditEvents()
        #expect(events.suffix(2) == ["fault/raised", "transmit/off"])
        let raised = try #require(try bench.auditEntries().first { $0.event == "raised" })
        #expect(raised.details == ["source": "fault_in", "cause": "edge@\(edgeTime)ns"])
    }

    @Test func aFaultPresentAtStartUpIsLatchedBeforeTheFirstTick() throws {
        let clock = ManualSimulationClock()
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        try gpio.driveInput(.overTemperature, to: .active)
        let monitor = FaultMonitor(
            powerAmplifierFault: try gpio.openInput(.faultIn), overTemperature: try gpio.openInput(.overTemperature),
            audit: nil, atNanoseconds: 0)
        #expect(monitor.latched == FaultSourceSet(.overTemperature))
        #expect(monitor.state(of: .overTemperature)?.cause == .level)
    }

    @Test func aPulseBetweenTicksIsLatchedAndClearedOnlyAfterAQuietTime() throws {
        let bench = try TransmitBench()
        bench.switchOn()
        let start = bench.now
        try bench.gpio.injectEdge(.rising, on: .faultIn, atNanoseconds: start + 100_000)
        try bench.gpio.injectEdge(.falling, on: .faultIn, atNanoseconds: start + 200_000)
        bench.clock.advance(by: .nanoseconds(500_000))
        bench.tick()
        #expect(!bench.interlock.isTransmitEnabled)
        #expect(bench.faults.state(of: .powerAmplifier)?.isActive == false)
        #expect(bench.faults.hasFault)
        for _ in 0..<50 { bench.tick() }
        #expect(bench.faults.clear(atNanoseconds: bench.now, utc: nil) == FaultSourceSet(.powerAmplifier))  // too soon
        bench.clock.advance(by: .milliseconds(60))
        #expect(bench.faults.clear(atNanoseconds: bench.now, utc: nil).isEmpty)
        bench.switchOn()
        #expect(bench.interlock.isTransmitEnabled)
        bench.writer.writePending()
        #expect(try bench.auditEvents().contains("fault/cleared"))
    }

    @Test func chatterCannotToggleTransmit() throws {
        let bench = try TransmitBench()
        bench.switchOn()
        var time = bench.now
        for index in 0..<40 {
            try bench.gpio.injectEdge(index.isMultiple(of: 2) ? .rising : .falling, on: .overTemperature, atNanoseconds: time)
            time += 700_000
        }
        for _ in 0..<40 { bench.tick() }
        #expect(bench.transmitTrace.filter { $0.level == .active }.count == 1)
        #expect(bench.faults.latched == FaultSourceSet(.overTemperature))
    }

    @Test func anInputThatCannotBeReadIsAFault() throws {
        let bench = try TransmitBench()
        bench.switchOn()
        bench.gpio.injectFailure(on: .faultIn, errno: .ioError)
        bench.tick()
        #expect(!bench.interlock.isTransmitEnabled)
        #expect(bench.faults.state(of: .powerAmplifier)?.cause == .unreadable(errno: .ioError))
    }
}

/// The PA supply and the status LED, on traces.
@Suite struct OutputDriverTests {
    /// The issue: `isPowered` went false before a write that could fail, the error was dropped,
    /// and the off-write was never tried again. Now the state follows the line, a failure is
    /// latched and audited, and the off level is written at every update until it takes.
    @Test func aFailedOffWriteIsLatchedAuditedAndRetriedUntilItTakes() throws {
        let clock = ManualSimulationClock()
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let handoff = AuditHandoff()
        let supply = PowerAmplifierSupply(line: try gpio.openOutput(.paPower), audit: handoff)
        #expect(supply.update(wanted: true, fault: false))
        gpio.injectFailure(on: .paPower, errno: .ioError)
        #expect(supply.update(wanted: true, fault: true), "the off-write failed: it may still be powered")
        #expect(supply.hasFault)
        #expect(supply.writeFault?.errno == .ioError)
        for _ in 0..<3 { supply.update(wanted: false, fault: false) }
        #expect(supply.failedWriteCount == 4, "tried again at every update")
        #expect(!supply.clearWriteFault(atNanoseconds: 0, utc: nil), "not while the line fails")
        gpio.clearFailure(on: .paPower)
        #expect(!supply.update(wanted: true, fault: false), "off now, and not on again while latched")
        #expect(gpio.level(of: .paPower) == .inactive)
        #expect(supply.clearWriteFault(atNanoseconds: 0, utc: nil))
        #expect(supply.update(wanted: true, fault: false))
        var records: [DriverAuditRecord] = []
        handoff.refresh()
        handoff.takeQueued(into: &records, timeoutNanoseconds: 0)
        #expect(records.map(\.event) == [.outputWriteFailed(.paPower, errno: .ioError), .outputWriteFaultCleared(.paPower)])
    }

    @Test func thePowerAmplifierIsPoweredOnlyWithoutAFaultAndWrittenOnlyOnChange() throws {
        let clock = ManualSimulationClock()
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let supply = PowerAmplifierSupply(line: try gpio.openOutput(.paPower))
        #expect(supply.update(wanted: false, fault: false) == false)
        clock.advance(toNanoseconds: 1_000)
        #expect(supply.update(wanted: true, fault: false))
        #expect(supply.update(wanted: true, fault: false))
        clock.advance(toNanoseconds: 2_000)
        #expect(supply.update(wanted: true, fault: true) == false)
        #expect(
            gpio.writes(of: .paPower) == [
                GPIOWriteRecord(0, .paPower, .inactive, .open), GPIOWriteRecord(1_000, .paPower, .active),
                GPIOWriteRecord(2_000, .paPower, .inactive),
            ])
    }

    @Test func patternsFollowTheTickCounter() {
        let slow = (0..<2000).map { StatusLEDPattern.slowBlink.level(atMilliseconds: UInt64($0)) }
        #expect(slow.filter { $0 == .active }.count == 1000)
        #expect(StatusLEDPattern.doubleBlink.level(atMilliseconds: 250) == .active)
        #expect(StatusLEDPattern.doubleBlink.level(atMilliseconds: 150) == .inactive)
        #expect(StatusLEDPattern.fastBlink.level(atMilliseconds: 130) == .inactive)
        #expect(StatusLEDPattern.solid.level(atMilliseconds: 123_456) == .active)
        #expect(StatusLEDPattern.off.level(atMilliseconds: 0) == .inactive)
    }

    @Test func theLEDWritesOnlyItsEdges() throws {
        let clock = ManualSimulationClock()
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let led = StatusLED(line: try gpio.openOutput(.statusLED), tickPeriodNanoseconds: 1_000_000)
        for tick in UInt64(0)..<1000 {
            clock.advance(toNanoseconds: tick * 1_000_000)
            try led.update(.doubleBlink, tick: tick)
        }
        let edges = gpio.writes(of: .statusLED).dropFirst().map { ($0.timeNanoseconds / 1_000_000, $0.level) }
        #expect(edges.map(\.0) == [0, 100, 200, 300])
        #expect(edges.map(\.1) == [.active, .inactive, .active, .inactive])
        clock.advance(toNanoseconds: 1_000_000_000)
        try led.update(.solid, tick: 1000)
        try led.update(.solid, tick: 1001)
        #expect(gpio.writes(of: .statusLED).count == 6)
    }
}
