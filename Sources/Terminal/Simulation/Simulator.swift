import Drivers
import Foundation
import Geofence
import HAL
import HALSim
import Orbit
import RealTime

/// Runs the whole terminal — the same `TerminalAssembly` as the daemon — against a scenario,
/// on the virtual clock: on the simulated bench (deterministic, faster than real time), or
/// on another `ScenarioBench` such as the virtual HIL bench's real kernel devices.
///
/// What is simulated: the GNSS receiver (fixes along the route), the GPIO lines (HALSim, the
/// transmit-enable output wired back to its sense input as on a rig), the beamformer bridge
/// (a simulated USB device decoding the real protocol), faults and unplugs from the scenario,
/// and a "simulated operator" who clears a fault one second after its input went quiet.
/// What is real: everything else — SGP4, the scheduler, steering, the geofence, the
/// interlock, the audit log (a real file, fsync'ed).
public final class Simulator {
    /// How to run.
    public struct Options: Sendable {
        /// The board (the simulated one by default).
        public var board: BoardDescription
        /// Element sets; nil: the embedded Starlink shells at the scenario's start.
        public var elementSets: [ElementSet]?
        /// The policy in force and its end of validity (UTC ns since the Unix epoch).
        public var policy: GeofencePolicy
        /// When the policy expires.
        public var policyValidUntilUnixNanoseconds: Int64
        /// Where the audit log is written.
        public var auditLogPath: String
        /// Run at this many times real time (nil: as fast as possible).
        public var speed: Double?
        /// Stop after this many simulated seconds (nil: the scenario's duration).
        public var untilSeconds: Double?
        /// Seed of the GNSS noise.
        public var seed: UInt64
        /// Output → input wires of the bench (nil: transmit-enable to its sense input, when
        /// the board has one).
        public var wires: [GPIOWire]?
        /// The policy's service rules.
        public var serviceRules: ServiceRules = .none
        /// The service rules' day counters file (nil: beside the audit log,
        /// `<audit log>.service-days`): two runs sharing it are one terminal restarted.
        public var serviceDaysPath: String?

        /// Options.
        public init(
            board: BoardDescription, elementSets: [ElementSet]? = nil, policy: GeofencePolicy,
            policyValidUntilUnixNanoseconds: Int64, auditLogPath: String, speed: Double? = nil, untilSeconds: Double? = nil,
            seed: UInt64 = 1, wires: [GPIOWire]? = nil
        ) {
            self.board = board
            self.elementSets = elementSets
            self.policy = policy
            self.policyValidUntilUnixNanoseconds = policyValidUntilUnixNanoseconds
            self.auditLogPath = auditLogPath
            self.speed = speed
            self.untilSeconds = untilSeconds
            self.seed = seed
            self.wires = wires
        }
    }

    /// The scenario.
    public let scenario: Scenario
    /// The options.
    public let options: Options

    /// A simulator for `scenario`.
    public init(scenario: Scenario, options: Options) {
        self.scenario = scenario
        self.options = options
    }

    /// Runs to the end on the simulated bench; `progress` is called about ten times per
    /// simulated minute with the fraction done and the latest snapshot.
    public func run(progress: ((Double, TerminalSnapshot) -> Void)? = nil) throws -> SimulationResult {
        try run(
            bench: { now in try SimulatedBench(board: options.board.hardware, wires: options.wires, virtualNow: now) },
            progress: progress)
    }

    /// Runs to the end on the bench `makeBench` builds (given the virtual clock's reading).
    public func run<Bench: ScenarioBench>(
        bench makeBench: (@escaping () -> Int64) throws -> Bench, progress: ((Double, TerminalSnapshot) -> Void)? = nil
    ) throws -> SimulationResult {
        let period = 1_000_000_000 / Int64(scenario.tickHertz)
        let clock = VirtualClock(startNanoseconds: 0)
        let utc = UTCReference()
        _ = utc.synchronise(utc: UTCInstant(nanosecondsSinceUnixEpoch: scenario.startUnixNanoseconds), atMonotonicNanoseconds: 0)
        let virtualNow = { clock.nowNanoseconds() }
        let bench = try makeBench(virtualNow)
        let seconds = min(options.untilSeconds ?? scenario.durationSeconds, scenario.durationSeconds)
        // The assembly lives only inside `runAssembled`: once it returns, the audit log is
        // closed and can be reopened as after a restart.
        var result = try runAssembled(
            bench: bench, clock: clock, utc: utc, period: period, seconds: seconds, progress: progress)
        if scenario.expectations.contains(.safetyInvariants) {
            let tally = ExpectationTracker.auditTally(path: options.auditLogPath, risingEdges: result.transmitRisingEdges)
            result.invariantChecks += 3
            let verdict = ExpectationTracker.auditVerdict(tally)
            if !verdict.passed, result.firstViolationSeconds == nil { result.firstViolationSeconds = result.simulatedSeconds }
            result.verdicts.append(verdict)
        }
        if seconds < scenario.durationSeconds {
            // Cut short (--until): expectations speak of the whole run and are not judged.
            result.verdicts = []
            result.cutShortAtSeconds = seconds
        }
        return result
    }

    private func runAssembled<Bench: ScenarioBench>(
        bench: Bench, clock: VirtualClock, utc: UTCReference, period: Int64, seconds: Double,
        progress: ((Double, TerminalSnapshot) -> Void)?
    ) throws -> SimulationResult {
        let virtualNow = { clock.nowNanoseconds() }
        let start = scenario.position(atSeconds: 0)
        let startDate = JulianDate(unixSeconds: Double(scenario.startUnixNanoseconds) / 1e9)
        let assembly = try TerminalAssembly(
            board: options.board, elementSets: options.elementSets ?? EmbeddedConstellation.elementSets(epoch: startDate),
            position: GeodeticPosition(latitudeDegrees: start.latitudeDegrees, longitudeDegrees: start.longitudeDegrees, heightMetres: 0),
            policy: options.policy, policyValidUntilUnixNanoseconds: options.policyValidUntilUnixNanoseconds, gpio: bench.gpio,
            auditLogPath: options.auditLogPath, nowNanoseconds: 0, tickPeriodNanoseconds: UInt64(period),
            geofence: scenario.mobility.map {
                GeofenceConfiguration(minimumSpeedMetresPerSecond: $0.speedFloorMetresPerSecond)
            } ?? GeofenceConfiguration(),
            serviceRules: options.serviceRules,
            subscription: scenario.service ?? ServiceSubscription(mobility: scenario.mobility ?? .mobile))
        let keeper: ServiceDayKeeper
        do {
            keeper = try ServiceDayKeeper(
                store: ServiceDayCounterStore(path: options.serviceDaysPath ?? options.auditLogPath + ".service-days"))
        } catch {
            throw SimulationError.invalid("service day counters: \(error)")
        }
        assembly.channels.serviceDays.publish(keeper.counters)
        try bench.start(assembly, virtualNow: virtualNow)
        let rate: TickRate
        do { rate = try TickRate(hertz: scenario.tickHertz) } catch { throw SimulationError.invalid("\(error)") }
        let loop = FixedStepLoop(clock: clock, configuration: LoopConfiguration(rate: rate), utcReference: utc)
        let ticks = UInt64((seconds * Double(scenario.tickHertz)).rounded())
        var harness = SimulationHarness(
            scenario: scenario, assembly: assembly, bench: bench, periodNanoseconds: period, totalTicks: ticks,
            seed: options.seed, speed: options.speed, progress: progress, serviceDays: keeper)
        let wallStart = Date()
        loop.run(&harness, until: .ticks(ticks), originNanoseconds: 0)
        let end = UInt64(max(0, clock.nowNanoseconds()))
        assembly.core.stow(atNanoseconds: end, utc: nil)
        _ = assembly.auditWriter.writePending()
        let outcome = bench.finish(assembly)
        assembly.releaseLines()
        return harness.result(
            wallSeconds: Date().timeIntervalSince(wallStart), auditLogPath: options.auditLogPath, bench: outcome)
    }
}

/// Why a simulation could not run.
public enum SimulationError: Error, CustomStringConvertible {
    /// The scenario or options are unusable.
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let reason): "simulation: \(reason)"
        }
    }
}
