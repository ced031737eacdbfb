import HAL
import HALSim
import TestSupport
import Testing

/// The write trace of the simulated lines: safe states at open, every write with its
/// virtual time, the safe state again at release.
@Suite struct SimulatedGPIOTraceTests {
    let clock = ManualSimulationClock()
    let ms = SimBoard.millisecond

    @Test func outputsStartAtTheirSafeStatesWhenOpened() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        clock.advance(toNanoseconds: 3)
        let lines = try gpio.openAllOutputs()
        #expect(Set(lines.keys) == [.transmitEnable, .paPower, .statusLED, .beamformerReset])
        // openAllOutputs goes in role order; each line is written once, at its safe state.
        #expect(
            gpio.writes == [
                GPIOWriteRecord(3, .transmitEnable, .inactive, .open),
                GPIOWriteRecord(3, .paPower, .inactive, .open),
                GPIOWriteRecord(3, .statusLED, .inactive, .open),
                GPIOWriteRecord(3, .beamformerReset, .active, .open),
            ])
        // Active-low: the reset line's active safe state is a physically low pin.
        #expect(gpio.isPhysicallyHigh(.beamformerReset) == false)
        #expect(gpio.isPhysicallyHigh(.transmitEnable) == false)
        #expect(try lines[.beamformerReset]?.read() == .active)
    }

    @Test func everyWriteIsRecordedWithItsVirtualTime() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let transmit = try gpio.openOutput(.transmitEnable)
        clock.advance(by: .milliseconds(15))
        try transmit.set(.active)
        try transmit.set(.active)  // a repeated write is still a write
        clock.advance(by: .microseconds(250))
        try transmit.set(.inactive)
        #expect(
            gpio.writes == [
                GPIOWriteRecord(0, .transmitEnable, .inactive, .open),
                GPIOWriteRecord(15 * ms, .transmitEnable, .active),
                GPIOWriteRecord(15 * ms, .transmitEnable, .active),
                GPIOWriteRecord(15 * ms + 250_000, .transmitEnable, .inactive),
            ])
        #expect(gpio.writes.last?.description == "15250000ns transmit_enable=inactive (set)")
    }

    @Test func releaseWritesTheSafeStateThenLetsGo() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let transmit = try gpio.openOutput(.transmitEnable)
        try transmit.set(.active)
        clock.advance(by: .milliseconds(2))
        try transmit.release()
        try transmit.release()  // idempotent: no second write
        #expect(
            gpio.writes(of: .transmitEnable) == [
                GPIOWriteRecord(0, .transmitEnable, .inactive, .open),
                GPIOWriteRecord(0, .transmitEnable, .active),
                GPIOWriteRecord(2 * ms, .transmitEnable, .inactive, .release),
            ])
        #expect(gpio.level(of: .transmitEnable) == .inactive)
        #expect(!gpio.isHeld(.transmitEnable))
        #expect(throws: GPIOError.self) { try transmit.set(.active) }
        // The line can be requested again once let go.
        _ = try gpio.openOutput(.transmitEnable)
    }

    @Test func droppingTheLastReferenceReleasesToTheSafeState() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        do {
            let reset = try gpio.openOutput(.beamformerReset)
            try reset.set(.inactive)  // let the beamformer out of reset
            clock.advance(by: .milliseconds(1))
        }
        #expect(gpio.writes(of: .beamformerReset).map(\.level) == [.active, .inactive, .active])
        #expect(gpio.writes(of: .beamformerReset).last == GPIOWriteRecord(ms, .beamformerReset, .active, .release))
        #expect(!gpio.isHeld(.beamformerReset))
    }

    @Test func aFailedSafeWriteAtReleaseIsThrownAndTheLineIsStillLetGo() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let transmit = try gpio.openOutput(.transmitEnable)
        try transmit.set(.active)
        gpio.injectFailure(on: .transmitEnable, errno: .ioError, reason: "Input/output error")
        #expect(throws: GPIOError(kind: .system, operation: "simulated transmit_enable", errno: .ioError, reason: "Input/output error"))
        {
            try transmit.release()
        }
        #expect(!gpio.isHeld(.transmitEnable))
        // The failed write is not in the trace: the line is still active, which is what a
        // supervisor must then see and act on.
        #expect(gpio.writes(of: .transmitEnable).count == 2)
        gpio.clearFailure(on: .transmitEnable)
        #expect(gpio.level(of: .transmitEnable) == .active)
    }

    @Test func aLineHasOneHolder() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        let first = try gpio.openOutput(.transmitEnable)
        expectGPIOError(.busy) { _ = try gpio.openOutput(.transmitEnable) }
        try first.release()
        _ = try gpio.openOutput(.transmitEnable)
    }

    @Test func rolesAreCheckedAgainstTheBoard() throws {
        let gpio = try SimulatedGPIO(board: SimBoard.profile, clock: clock)
        expectGPIOError(.wrongDirection) { _ = try gpio.openOutput(.faultIn) }
        expectGPIOError(.wrongDirection) { _ = try gpio.openInput(.transmitEnable) }
        expectGPIOError(.roleNotOnBoard) { _ = try gpio.openInput(.gnssPPS) }
    }

    @Test func anInvalidBoardIsRefused() {
        var board = SimBoard.profile
        board.lines[.transmitEnable]?.safeState = .active
        let error = #expect(throws: GPIOError.self) { _ = try SimulatedGPIO(board: board) }
        #expect(error?.kind == .invalidBoard)
        #expect(error?.reason.contains("transmit_enable") == true)
    }

    @Test func aClosureTimeSourceDrivesTheTrace() throws {
        var now: UInt64 = 42
        let gpio = try SimulatedGPIO(board: SimBoard.profile, now: { now })
        let led = try gpio.openOutput(.statusLED)
        now = 99
        try led.set(.active)
        #expect(gpio.writes.map(\.timeNanoseconds) == [42, 99])
    }
}
