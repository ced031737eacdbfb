import Drivers
import Foundation
import HAL
import HALLinux
import Platform
import RealTime
import Simulation
import Synchronization
import Terminal

/// The virtual HIL bench (`HIL/vm`) as a scenario's rig: the firmware's real Linux paths
/// against kernel-emulated devices, the scenario's events done to them the way a bench's
/// hands and wires would.
///
/// - The terminal opens its lines through **libgpiod** (`LinuxGPIO`) on the gpio-sim chip
///   bench-up.sh made; input edges are re-stamped into the run's virtual time
///   (`ReclockedGPIO`).
/// - The beamformer bridge driver runs on a thread of its own, as in the daemon, over
///   **libusb** (`LinuxUSB`, hot-plug through `LinuxUSBHotplugMonitor`) to the FunctionFS
///   emulator on dummy_hcd.
/// - The bench reads each output on its `sim_gpioN/value` and drives inputs through
///   `sim_gpioN/pull`: a fault is a pull to the active level, the wires are served once per
///   tick after the terminal's (bench-wires.sh's 2 ms shell loop is paused for the run: the
///   interlock reads its sense wire back every tick and would see a lagging wire as a
///   stuck line). An unplug writes "" to the gadget's `UDC` file and a replug its UDC name,
///   on a thread of their own (unbinding takes milliseconds the loop must not wait for).
/// - The emulator's record of applied states is checked against every steering the
///   firmware posted (`SteeringLedger`).
///
/// The loop runs on the virtual clock; the harness follows the wall clock around events and
/// while the bridge is not connected and latched, because then a real device's timing
/// decides.
package final class VMBench: ScenarioBench {
    /// The firmware's GPIO: libgpiod, edges in virtual time.
    package let gpio: ReclockedGPIO<LinuxGPIO>
    private let description: VMBenchDescription
    private let transmitEnable: (value: SysfsAttribute, activeLow: Bool)
    private let wires: [BenchWire]
    /// The wire from transmit-enable, whose read of the line serves the tick's verdicts too.
    private let transmitWireIndex: Int?
    private var pulls: [GPIORole: (pull: SysfsAttribute, activeLow: Bool)] = [:]
    private let beamformer: VMBenchDescription.USBDevice
    private let udc: SysfsAttribute
    private let replyTimeout: Duration
    private let actions = DispatchQueue(label: "utermd.hil.bench-actions")
    private let actionTimes = ActionTimes()
    private var driverThread: BridgeDriverThread?
    private var ledger = SteeringLedger()
    private var ledgerVersion: UInt64 = 0
    private var health = BeamformerHealth()
    private var channels: TerminalChannels?
    private var unplugged = false
    private let recordOffset: UInt64

    /// The bench described by `descriptionPath` (`$HIL_BENCH_JSON`), for `board`; the
    /// driver waits `replyTimeout` for each reply (TCG: tens of milliseconds per round trip).
    package init(
        descriptionPath: String, board: BoardProfile, replyTimeout: Duration, virtualNow: @escaping () -> Int64
    ) throws {
        let description = try VMBenchDescription.load(path: descriptionPath)
        self.description = description
        do { gpio = ReclockedGPIO(try LinuxGPIO(board: board), virtualNow: virtualNow) } catch {
            throw VMBenchError("libgpiod: \(error)")
        }
        let transmit = try description.line(.transmitEnable)
        transmitEnable = (try SysfsAttribute(path: transmit.value, writable: false), transmit.activeLow)
        wires = try description.gpio.wires.map { wire in
            guard let from = GPIORole(rawValue: wire.from), let to = GPIORole(rawValue: wire.to) else {
                throw VMBenchError("bench.json: a wire between unknown roles \(wire.from) → \(wire.to)")
            }
            let output = try description.line(from)
            let input = try description.line(to)
            return BenchWire(
                value: try SysfsAttribute(path: output.value, writable: false), pull: try SysfsAttribute(path: input.pull, writable: true),
                inverted: wire.inverted)
        }
        transmitWireIndex = description.gpio.wires.firstIndex { $0.from == GPIORole.transmitEnable.rawValue }
        for role in [GPIORole.faultIn, .overTemperature] {
            guard let line = description.gpio.lines[role.rawValue] else { continue }
            pulls[role] = (try SysfsAttribute(path: line.pull, writable: true), line.activeLow)
        }
        guard let beamformer = description.usb["beamformer"] else { throw VMBenchError("bench.json: usb has no beamformer") }
        self.beamformer = beamformer
        udc = try SysfsAttribute(path: beamformer.udcFile, writable: true)
        self.replyTimeout = replyTimeout
        recordOffset = BridgeStateRecord.size(path: beamformer.states)
    }

    package func start(_ assembly: TerminalAssembly<ReclockedGPIO<LinuxGPIO>>, virtualNow _: @escaping () -> Int64) throws {
        if let pid = description.gpio.wireLoopPID { kill(pid, SIGSTOP) }
        for wire in wires { wire.serve() }
        channels = assembly.channels
        let elementCount = assembly.array.elementCount
        guard var configuration = BeamformerBridgeDriverConfiguration(board: assembly.board.hardware, elementCount: elementCount) else {
            throw VMBenchError("the board has no beamformer USB device")
        }
        configuration.replyTimeout = replyTimeout
        driverThread = BridgeDriverThread(
            configuration: configuration, mailbox: assembly.channels.steering, health: assembly.channels.beamformerHealth)
    }

    package func drive(_ role: GPIORole, to level: LogicalLevel, atNanoseconds _: Int64) {
        guard let line = pulls[role] else { return }
        let high = (level == .active) != line.activeLow
        line.pull.write(high ? "pull-up" : "pull-down")
    }

    package func unplugBeamformer(atNanoseconds _: Int64) {
        unplugged = true
        let udc = udc
        let times = actionTimes
        actions.async {
            let start = MonotonicTime.unsignedNanoseconds()
            udc.write("\n")
            times.add("unplug (UDC unbound)", MonotonicTime.unsignedNanoseconds() - start)
        }
    }

    package func replugBeamformer(atNanoseconds _: Int64) {
        unplugged = false
        let udc = udc
        let name = beamformer.udc + "\n"
        let times = actionTimes
        actions.async {
            let start = MonotonicTime.unsignedNanoseconds()
            udc.write(name)
            times.add("replug (UDC bound)", MonotonicTime.unsignedNanoseconds() - start)
        }
    }

    package func afterTick(_: TickContext, assembly: TerminalAssembly<ReclockedGPIO<LinuxGPIO>>) -> Bool {
        var transmitByte: UInt8?
        for (index, wire) in wires.enumerated() {
            let byte = wire.serve()
            if index == transmitWireIndex { transmitByte = byte }
        }
        let core = assembly.core
        if core.postedSteeringVersion != ledgerVersion {
            ledgerVersion = core.postedSteeringVersion
            core.withPostedSteering { ledger.record($0) }
        }
        // The line's level on its `value` (read once per tick: the wire from it already did).
        guard let byte = transmitByte ?? transmitEnable.value.readFirstByte() else { return true }  // unreadable: assume the worst
        return (byte == UInt8(ascii: "1")) != transmitEnable.activeLow
    }

    package func followsWallClock(atNanoseconds _: Int64, nearEvent: Bool) -> Bool {
        if let latest = channels?.beamformerHealth.tryRead() { health = latest }
        return nearEvent || !health.isConnected || health.appliedVersion == 0
    }

    package func finish(_: TerminalAssembly<ReclockedGPIO<LinuxGPIO>>) -> BenchOutcome {
        let driverStats = driverThread?.stop()
        // The bench as the next run expects it: inputs idle, the bridge plugged, the wiring
        // loop serving again.
        for role in pulls.keys { drive(role, to: .inactive, atNanoseconds: 0) }
        if unplugged { replugBeamformer(atNanoseconds: 0) }
        actions.sync {}
        if let pid = description.gpio.wireLoopPID { kill(pid, SIGCONT) }
        var notes: [String] = []
        let edges = gpio.edgeDrainLatency
        notes.append(
            "GPIO edges: \(edges.count) drained, worst \(Self.microseconds(edges.worstNanoseconds)) from the kernel's timestamp to the loop")
        notes += actionTimes.lines
        if let driverStats { notes.append(driverStats) }
        var verdicts: [SimulationResult.Verdict] = []
        let latchCount: Int
        do {
            let record = try BridgeStateRecord.latches(path: beamformer.states, fromOffset: recordOffset)
            let check = ledger.verify(latches: record.crcs)
            latchCount = record.crcs.count
            verdicts.append(.init(
                expectation: "the bridge applied only beam states the firmware computed, in order", passed: check.passed,
                detail: check.detail))
            if record.powerCycles > 0 { notes.append("bridge powered up again \(record.powerCycles) times (replugs)") }
        } catch {
            latchCount = 0
            verdicts.append(.init(expectation: "the bridge's record of applied states is readable", passed: false, detail: "\(error)"))
        }
        return BenchOutcome(beamformerLatches: UInt32(clamping: latchCount), verdicts: verdicts, notes: notes)
    }

    private static func microseconds(_ nanoseconds: UInt64) -> String {
        String(format: "%.0f µs", Double(nanoseconds) / 1e3)
    }
}

/// An output's `value` copied to an input's `pull`, as copper would (changes only).
final class BenchWire {
    let value: SysfsAttribute
    let pull: SysfsAttribute
    let inverted: Bool
    private var last: UInt8 = 0

    init(value: SysfsAttribute, pull: SysfsAttribute, inverted: Bool) {
        self.value = value
        self.pull = pull
        self.inverted = inverted
    }

    /// Copies the level when it changed; returns the output's level as read (`0`/`1`), nil
    /// when unreadable.
    @discardableResult
    func serve() -> UInt8? {
        guard let byte = value.readFirstByte() else { return nil }
        guard byte != last else { return byte }
        last = byte
        let high = (byte == UInt8(ascii: "1")) != inverted
        pull.write(high ? "pull-up" : "pull-down")
        return byte
    }
}

/// How long the bench's actions took, collected from the action thread.
final class ActionTimes: Sendable {
    private let entries = Mutex<[(String, UInt64)]>([])

    func add(_ what: String, _ nanoseconds: UInt64) { entries.withLock { $0.append((what, nanoseconds)) } }

    var lines: [String] {
        entries.withLock { $0.map { "\($0.0): the write took \(String(format: "%.1f", Double($0.1) / 1e6)) ms" } }
    }
}
