import HAL
import HALSim
import Testing

@testable import HILBench

@Suite struct ReclockedGPIOTests {
    private let board = BoardProfile(
        name: "reclock", chips: [GPIOChipDescription(label: "io", lineCount: 4)],
        lines: [
            .transmitEnable: GPIOLineAssignment(chipLabel: "io", offset: 0, safeState: .inactive),
            .faultIn: GPIOLineAssignment(chipLabel: "io", offset: 1, activeLow: true, bias: .pullUp),
        ])

    @Test func edgesCarryTheVirtualTimeOfTheDrainingTick() throws {
        let kernel = ManualSimulationClock(startNanoseconds: 5_000_000_000)
        let simulated = try SimulatedGPIO(board: board, clock: kernel)
        let virtualNow = VirtualNow(nanoseconds: 40_000_000_000)
        let gpio = ReclockedGPIO(simulated, virtualNow: { virtualNow.nanoseconds })
        let fault = try gpio.openInput(.faultIn)
        try simulated.driveInput(.faultIn, to: .active, atNanoseconds: 5_000_000_000)
        var buffer = GPIOEdgeEventBuffer(capacity: 8)
        #expect(try fault.pollEvents(into: &buffer) == 1)
        #expect(buffer[0].edge == .rising)
        #expect(buffer[0].timestampNanoseconds == 40_000_000_000, "the kernel's stamp is replaced by the loop's virtual time")
        #expect(gpio.edgeDrainLatency.count == 1)
        #expect(try fault.pollEvents(into: &buffer) == 0)
    }

    @Test func outputsPassThrough() throws {
        let simulated = try SimulatedGPIO(board: board)
        let gpio = ReclockedGPIO(simulated, virtualNow: { 0 })
        let transmit = try gpio.openOutput(.transmitEnable)
        try transmit.set(.active)
        #expect(simulated.level(of: .transmitEnable) == .active)
    }
}

/// A settable virtual time for the tests.
final class VirtualNow {
    var nanoseconds: Int64
    init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }
}
