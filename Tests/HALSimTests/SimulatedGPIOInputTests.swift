import HAL
import HALSim
import TestSupport
import Testing

/// Inputs of the simulated board: power-on levels from bias, wiring from outputs, injected
/// edges read back in order with their timestamps.
@Suite struct SimulatedGPIOInputTests {
    let clock = ManualSimulationClock()
    let ms = SimBoard.millisecond
    let senseWire = GPIOWire(from: .transmitEnable, to: .transmitEnableSense)

    @Test func inputsPowerOnAtTheLevelTheirBiasGives() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        // fault_in: active-low with a pull-up: the pin idles high, which reads "no fault".
        #expect(gpio.isPhysicallyHigh(.faultIn) == true)
        #expect(try gpio.openInput(.faultIn).read() == .inactive)
        #expect(gpio.level(of: .transmitEnableSense) == .inactive)
    }

    @Test func aWiredBackInputSeesTheOutput() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock, wires: [senseWire])
        let transmit = try gpio.openOutput(.transmitEnable)
        let sense = try gpio.openInput(.transmitEnableSense)
        #expect(try sense.read() == .inactive)
        clock.advance(by: .milliseconds(1))
        try transmit.set(.active)
        #expect(try sense.read() == .active)
        clock.advance(by: .milliseconds(1))
        try transmit.release()
        #expect(try sense.read() == .inactive)
        var events = GPIOEdgeEventBuffer(capacity: 8)
        #expect(try sense.pollEvents(into: &events) == 2)
        #expect(
            Array(events) == [
                GPIOEdgeEvent(edge: .rising, timestampNanoseconds: ms),
                GPIOEdgeEvent(edge: .falling, timestampNanoseconds: 2 * ms),
            ])
    }

    @Test func aWireWithDelayAndInverterArrivesLater() throws {
        let wire = GPIOWire(from: .transmitEnable, to: .transmitEnableSense, inverted: true, delayNanoseconds: 250)
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock, wires: [wire])
        #expect(gpio.level(of: .transmitEnableSense) == .active)  // the inverter, at power-on
        let transmit = try gpio.openOutput(.transmitEnable)
        let sense = try gpio.openInput(.transmitEnableSense)
        try transmit.set(.active)
        #expect(try sense.read() == .active)  // not arrived yet
        clock.advance(by: .nanoseconds(249))
        #expect(try sense.read() == .active)
        clock.advance(by: .nanoseconds(1))
        #expect(try sense.read() == .inactive)
        #expect(try sense.readEvent(timeout: .zero) == GPIOEdgeEvent(edge: .falling, timestampNanoseconds: 250))
    }

    @Test func injectedEdgesAreReadBackInOrderWithTheirTimestamps() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let fault = try gpio.openInput(.faultIn)
        // Scheduled out of order; delivered in time order.
        try gpio.injectEdge(.rising, on: .faultIn, atNanoseconds: 9 * ms)
        try gpio.injectEdge(.rising, on: .faultIn, atNanoseconds: 5 * ms)
        try gpio.injectEdge(.falling, on: .faultIn, atNanoseconds: 7 * ms)
        var events = GPIOEdgeEventBuffer(capacity: 4)
        clock.advance(toNanoseconds: 6 * ms)
        #expect(try fault.pollEvents(into: &events) == 1)
        #expect(Array(events) == [GPIOEdgeEvent(edge: .rising, timestampNanoseconds: 5 * ms)])
        #expect(try fault.read() == .active)
        #expect(gpio.isPhysicallyHigh(.faultIn) == false)  // active-low: a fault pulls the pin down
        events.removeAll()
        clock.advance(toNanoseconds: 10 * ms)
        #expect(try fault.pollEvents(into: &events) == 2)
        #expect(
            Array(events) == [
                GPIOEdgeEvent(edge: .falling, timestampNanoseconds: 7 * ms),
                GPIOEdgeEvent(edge: .rising, timestampNanoseconds: 9 * ms),
            ])
    }

    @Test func drivingALineToTheLevelItHasIsNoEdge() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let fault = try gpio.openInput(.faultIn)
        try gpio.driveInput(.faultIn, to: .inactive)
        try gpio.injectEdge(.rising, on: .faultIn)
        try gpio.injectEdge(.rising, on: .faultIn)
        var events = GPIOEdgeEventBuffer(capacity: 4)
        #expect(try fault.pollEvents(into: &events) == 1)
    }

    @Test func readEventWaitsInVirtualTimeForTheNextEdge() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let fault = try gpio.openInput(.faultIn)
        try gpio.injectEdge(.rising, on: .faultIn, atNanoseconds: 3 * ms)
        #expect(try fault.readEvent(timeout: .milliseconds(10)) == GPIOEdgeEvent(edge: .rising, timestampNanoseconds: 3 * ms))
        #expect(clock.nowNanoseconds == 3 * ms)  // woke at the event, not at the deadline
        #expect(try fault.readEvent(timeout: .milliseconds(10)) == nil)
        #expect(clock.nowNanoseconds == 13 * ms)  // a timeout takes exactly its time
    }

    @Test func readEventDoesNotWaitOnAClockDrivenFromElsewhere() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, now: { 1_000 })
        let fault = try gpio.openInput(.faultIn)
        try gpio.injectEdge(.rising, on: .faultIn, atNanoseconds: 2_000)
        #expect(try fault.readEvent(timeout: .seconds(1)) == nil)
    }

    @Test func aFullBufferLeavesEventsQueuedForTheNextPoll() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let fault = try gpio.openInput(.faultIn)
        for step in 1...5 {
            try gpio.injectEdge(step.isMultiple(of: 2) ? .falling : .rising, on: .faultIn, atNanoseconds: UInt64(step))
        }
        clock.advance(toNanoseconds: 10)
        var events = GPIOEdgeEventBuffer(capacity: 2)
        #expect(try fault.pollEvents(into: &events) == 2)
        #expect(try fault.pollEvents(into: &events) == 0)  // full
        #expect(events.map(\.timestampNanoseconds) == [1, 2])
        events.removeAll()
        #expect(try fault.pollEvents(into: &events) == 2)
        #expect(events.map(\.timestampNanoseconds) == [3, 4])
    }

    @Test func theKernelQueueHoldsSixteenEventsAndDropsNewerOnes() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let pps = try gpio.openInput(.overTemperature)
        for step in 1...20 {
            try gpio.injectEdge(step.isMultiple(of: 2) ? .falling : .rising, on: .overTemperature, atNanoseconds: UInt64(step))
        }
        clock.advance(toNanoseconds: 100)
        var events = GPIOEdgeEventBuffer(capacity: 32)
        #expect(try pps.pollEvents(into: &events) == SimulatedGPIO.eventQueueCapacity)
        #expect(events.last?.timestampNanoseconds == 16)
        #expect(gpio.droppedEventCount(of: .overTemperature) == 4)
    }

    @Test func edgesOnlyWhenAskedFor() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let fault = try gpio.openInput(.faultIn, edgeEvents: false)
        var events = GPIOEdgeEventBuffer(capacity: 1)
        expectGPIOError(.edgesNotRequested) { _ = try fault.pollEvents(into: &events) }
        fault.release()
        expectGPIOError(.released) { _ = try fault.read() }
    }

    @Test func wiresAreCheckedAgainstTheBoard() {
        let backwards = GPIOWire(from: .transmitEnableSense, to: .transmitEnable)
        expectGPIOError(.wrongDirection) { _ = try SimulatedGPIO(board: SimBoard.profile, wires: [backwards]) }
        let twice = [senseWire, GPIOWire(from: .paPower, to: .transmitEnableSense)]
        expectGPIOError(.invalidBoard) { _ = try SimulatedGPIO(board: SimBoard.profile, wires: twice) }
    }
}
