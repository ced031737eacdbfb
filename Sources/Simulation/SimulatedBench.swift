import Drivers
import HAL
import HALSim
import RealTime
import SystemPackage
import Terminal

/// The simulated rig: HALSim GPIO lines (transmit-enable wired back to its sense input as
/// on a bench), a simulated USB bus with a simulated beamformer bridge decoding the real
/// protocol, and the firmware's own `BeamformerBridgeDriver` stepped every 10 ms of virtual
/// time — everything in this process, on the virtual clock, deterministic.
package final class SimulatedBench: ScenarioBench {
    /// The simulated GPIO lines.
    package let gpio: SimulatedGPIO
    private let board: BoardProfile
    private let clock: ExternalSimulationClock
    private let usb: SimulatedUSB
    private var bridge: SimulatedBeamformerBridge?
    private var driver: BeamformerBridgeDriver<SimulatedUSB>?
    /// Whether the bridge is plugged in (a scenario's unplug lasts across a restart).
    private var bridgePlugged = true
    /// The bridge as plugged: its replies turned to garbage on demand.
    private var plugged: GarbageReplyingBridge?
    /// The garbage the bridge answers with now, and whether the driver is handed it as valid.
    private var garbage: (kind: BridgeGarbageKind, passedAsValid: Bool)?
    /// Garbage replies sent by bridges of earlier assemblies (a restart plugs a new one).
    private var earlierGarbageReplies = 0

    /// A bench for `board` with `wires` (nil: transmit-enable to its sense input, when the
    /// board has one), reading the virtual clock through `virtualNow`.
    package init(board: BoardProfile, wires: [GPIOWire]?, virtualNow: @escaping () -> Int64) throws {
        self.board = board
        clock = ExternalSimulationClock { UInt64(max(0, virtualNow())) }
        let wires = wires ?? (board.lines[.transmitEnableSense] == nil ? [] : [GPIOWire(from: .transmitEnable, to: .transmitEnableSense)])
        gpio = try SimulatedGPIO(board: board, clock: clock, wires: wires)
        usb = SimulatedUSB(clock: clock)
        // A run is millions of ticks: keep only recent device records (the verdicts use the
        // wire levels and the bridge's applied state, not the trace).
        usb.maximumRecordCount = 10_000
    }

    package func start(_ assembly: TerminalAssembly<SimulatedGPIO>, virtualNow: @escaping () -> Int64) throws {
        let elementCount = assembly.array.elementCount
        // Started again (a restart): the new terminal's driver finds a bridge just powered on.
        if let old = plugged {
            if bridgePlugged { usb.unplug(old) }
            earlierGarbageReplies += old.garbageRepliesSent
        }
        let bridge = SimulatedBeamformerBridge(chipCount: (elementCount + 3) / 4)
        bridge.maximumRecordCount = 10_000
        let plugged = GarbageReplyingBridge(bridge)
        plugged.garbage = garbage?.kind
        plugged.passesGarbageAsValid = garbage?.passedAsValid ?? false
        self.plugged = plugged
        if bridgePlugged { _ = usb.plug(plugged) }
        self.bridge = bridge
        driver = BeamformerBridgeDriver(
            backend: usb, hotplug: usb,
            configuration: BeamformerBridgeDriverConfiguration(board: board, elementCount: elementCount)
                ?? BeamformerBridgeDriverConfiguration(identifier: USBIdentifier(vendorID: 0x1209, productID: 0x0001), elementCount: elementCount),
            mailbox: assembly.channels.steering, health: assembly.channels.beamformerHealth,
            now: { UInt64(max(0, virtualNow())) })
    }

    package func drive(_ role: GPIORole, to level: LogicalLevel, atNanoseconds now: Int64) {
        try? gpio.driveInput(role, to: level, atNanoseconds: UInt64(max(0, now)))
    }

    package func beginGPIOFailure(_ role: GPIORole, errno: Errno) -> Bool {
        gpio.injectFailure(on: role, errno: errno)
        return true
    }

    package func endGPIOFailure(_ role: GPIORole) { gpio.clearFailure(on: role) }

    package func outputLevel(_ role: GPIORole) -> LogicalLevel? { gpio.level(of: role) }

    package func unplugBeamformer(atNanoseconds _: Int64) {
        if let plugged, bridgePlugged { usb.unplug(plugged) }
        bridgePlugged = false
    }

    package func replugBeamformer(atNanoseconds _: Int64) {
        if let plugged, !bridgePlugged { _ = usb.plug(plugged) }
        bridgePlugged = true
    }

    package func beginBridgeGarbage(_ kind: BridgeGarbageKind, passedAsValid: Bool) -> Bool {
        garbage = (kind, passedAsValid)
        plugged?.garbage = kind
        plugged?.passesGarbageAsValid = passedAsValid
        return true
    }

    package func endBridgeGarbage() {
        garbage = nil
        plugged?.garbage = nil
        plugged?.passesGarbageAsValid = false
    }

    package var garbageRepliesSent: Int { earlierGarbageReplies + (plugged?.garbageRepliesSent ?? 0) }

    package var supportsRestart: Bool { true }

    package func afterTick(_ context: TickContext, assembly _: TerminalAssembly<SimulatedGPIO>) -> Bool {
        if context.tickIndex % 10 == 0 { _ = driver?.serviceOnce() }
        return (gpio.level(of: .transmitEnableSense) ?? gpio.level(of: .transmitEnable)) == .active
    }

    package func followsWallClock(atNanoseconds _: Int64, nearEvent _: Bool) -> Bool { false }

    package func finish(_: TerminalAssembly<SimulatedGPIO>) -> BenchOutcome {
        BenchOutcome(beamformerLatches: bridge?.latchCountSinceReset ?? 0)
    }
}
