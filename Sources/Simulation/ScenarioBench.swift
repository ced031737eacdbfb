import HAL
import RealTime
import SystemPackage
import Terminal

/// The rig a scenario runs on: where the firmware's GPIO lines and beamformer bridge are,
/// and how the scenario's events reach them — as the wires and hands of a test bench would.
///
/// Two benches: `SimulatedBench` (HALSim in this process, everything on the virtual clock)
/// and the virtual HIL bench of `HIL/vm` (module `HILBench`: libgpiod on gpio-sim lines,
/// libusb to the FunctionFS bridge emulator). The harness calls the bench from the loop's
/// thread only, in this order each tick: events (`drive`, `unplugBeamformer`, ...), the
/// terminal's tick, then `afterTick`.
package protocol ScenarioBench: AnyObject {
    /// The firmware's GPIO backend.
    associatedtype GPIO: GPIOBackend

    /// The GPIO backend the terminal opens its lines from.
    var gpio: GPIO { get }

    /// Starts the bench's devices once the terminal is assembled (the beamformer driver:
    /// stepped in `afterTick`, or on a thread of its own). `virtualNow` reads the loop's
    /// virtual clock (loop thread only).
    func start(_ assembly: TerminalAssembly<GPIO>, virtualNow: @escaping () -> Int64) throws

    /// Drives input `role` to `level` (a fault input, as the bench's signal generator would).
    func drive(_ role: GPIORole, to level: LogicalLevel, atNanoseconds now: Int64)

    /// Unplugs the beamformer bridge.
    func unplugBeamformer(atNanoseconds now: Int64)

    /// Plugs the beamformer bridge back.
    func replugBeamformer(atNanoseconds now: Int64)

    /// The bench's share of each tick, after the terminal's: wires, device steps,
    /// bookkeeping. Returns whether transmit-enable is high as the bench reads it (on the
    /// sense wire, or on the line itself).
    func afterTick(_ context: TickContext, assembly: TerminalAssembly<GPIO>) -> Bool

    /// Whether the run must follow the wall clock at virtual time `now`: true while a real
    /// device's own timing decides what happens (a USB unplug or re-enumeration, a bridge
    /// still connecting). `nearEvent`: `now` is within 0.5 s before to 1 s after an instant
    /// the scenario changes a device (a fault input, the bridge's plug). The simulated bench
    /// never does.
    func followsWallClock(atNanoseconds now: Int64, nearEvent: Bool) -> Bool

    /// Stops the devices (the loop has stopped, the terminal is stowed); what the bench saw.
    func finish(_ assembly: TerminalAssembly<GPIO>) -> BenchOutcome

    /// Makes every request, write and read of line `role` fail with `errno` until
    /// `endGPIOFailure`; false when the bench cannot (real kernel lines).
    func beginGPIOFailure(_ role: GPIORole, errno: Errno) -> Bool

    /// Ends an injected failure.
    func endGPIOFailure(_ role: GPIORole)

    /// The level output `role` is driven to, as the bench sees it (nil when it cannot tell).
    func outputLevel(_ role: GPIORole) -> LogicalLevel?

    /// Whether the terminal may be assembled again on this bench mid-run (a scenario's
    /// `restart`): `start` is then called again with the new assembly.
    var supportsRestart: Bool { get }

    /// Makes the beamformer bridge answer every request with garbage of `kind` until
    /// `endBridgeGarbage` (`passedAsValid`: the deliberately broken path that hands the driver
    /// the intact reply while the garbage is counted); false when the bench cannot.
    func beginBridgeGarbage(_ kind: BridgeGarbageKind, passedAsValid: Bool) -> Bool

    /// Ends the garbage.
    func endBridgeGarbage()

    /// Replies the bridge has sent as garbage so far.
    var garbageRepliesSent: Int { get }
}

extension ScenarioBench {
    /// Benches of real lines cannot make them fail.
    package func beginGPIOFailure(_: GPIORole, errno _: Errno) -> Bool { false }
    /// Nothing to end.
    package func endGPIOFailure(_: GPIORole) {}
    /// Not known.
    package func outputLevel(_: GPIORole) -> LogicalLevel? { nil }
    /// Benches of real devices are not restarted mid-run.
    package var supportsRestart: Bool { false }
    /// Benches of real devices cannot make the bridge answer garbage.
    package func beginBridgeGarbage(_: BridgeGarbageKind, passedAsValid _: Bool) -> Bool { false }
    /// Nothing to end.
    package func endBridgeGarbage() {}
    /// None.
    package var garbageRepliesSent: Int { 0 }
}

/// What a bench reports at the end of a run, besides the harness's own verdicts.
package struct BenchOutcome: Sendable {
    /// Beam states the bridge latched.
    package var beamformerLatches: UInt32
    /// The bench's own verdicts (the VM bench: the bridge's applied states against the
    /// steering the firmware computed).
    package var verdicts: [SimulationResult.Verdict]
    /// Measurements worth printing, one line each.
    package var notes: [String]

    /// An outcome.
    package init(beamformerLatches: UInt32, verdicts: [SimulationResult.Verdict] = [], notes: [String] = []) {
        self.beamformerLatches = beamformerLatches
        self.verdicts = verdicts
        self.notes = notes
    }
}
