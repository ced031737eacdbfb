import Drivers
import Foundation
import Geofence
import HAL
import HALSim
import Orbit
import Platform
import RealTime
import Terminal

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
package final class Simulator {
    /// How to run.
    package struct Options: Sendable {
        /// The board (the simulated one by default).
        package var board: BoardDescription
        /// Element sets; nil: the embedded Starlink shells at the scenario's start.
        package var elementSets: [ElementSet]?
        /// The policy in force and its end of validity (UTC ns since the Unix epoch).
        package var policy: GeofencePolicy
        /// When the policy expires.
        package var policyValidUntilUnixNanoseconds: Int64
        /// Where the audit log is written.
        package var auditLogPath: String
        /// Run at this many times real time (nil: as fast as possible).
        package var speed: Double?
        /// Stop after this many simulated seconds (nil: the scenario's duration).
        package var untilSeconds: Double?
        /// Seed of the GNSS noise.
        package var seed: UInt64
        /// Output → input wires of the bench (nil: transmit-enable to its sense input, when
        /// the board has one).
        package var wires: [GPIOWire]?
        /// The policy's service rules.
        package var serviceRules: ServiceRules = .none
        /// The service rules' day counters file (nil: beside the audit log,
        /// `<audit log>.service-days`): two runs sharing it are one terminal restarted.
        package var serviceDaysPath: String?
        /// Deliberately broken firmware paths, for the tests that show the invariants catch
        /// them; empty (the firmware as it is) everywhere else.
        package var defects: Set<SimulatedDefect> = []

        /// Options.
        package init(
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
    package let scenario: Scenario
    /// The options.
    package let options: Options

    /// A simulator for `scenario`.
    package init(scenario: Scenario, options: Options) {
        self.scenario = scenario
        self.options = options
    }

    /// Runs to the end on the simulated bench; `progress` is called about ten times per
    /// simulated minute with the fraction done and the latest snapshot.
    package func run(progress: ((Double, TerminalSnapshot) -> Void)? = nil) throws -> SimulationResult {
        try run(
            bench: { now in try SimulatedBench(board: options.board.hardware, wires: options.wires, virtualNow: now) },
            progress: progress)
    }

    /// Runs to the end on the bench `makeBench` builds (given the virtual clock's reading).
    package func run<Bench: ScenarioBench>(
        bench makeBench: (@escaping () -> Int64) throws -> Bench, progress: ((Double, TerminalSnapshot) -> Void)? = nil
    ) throws -> SimulationResult {
        let period = 1_000_000_000 / Int64(scenario.tickHertz)
        let clock = VirtualClock(startNanoseconds: 0)
        let utc = UTCReference()
        _ = utc.synchronise(utc: UTCInstant(nanosecondsSinceUnixEpoch: scenario.startUnixNanoseconds), atMonotonicNanoseconds: 0)
        let virtualNow = { clock.nowNanoseconds() }
        let bench = try makeBench(virtualNow)
        let seconds = min(options.untilSeconds ?? scenario.durationSeconds, scenario.durationSeconds)
        if scenario.events.contains(where: \.needsPolicyStore) {
            // The run's own policy state beside its audit log: a push or a restart must not find
            // the one an earlier run left there.
            try? FileManager.default.removeItem(atPath: AcceptedPolicyStore(auditLogPath: options.auditLogPath).path)
        }
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
        let startDate = JulianDate(unixSeconds: Double(scenario.startUnixNanoseconds) / 1e9)
        let elementSets =
            options.elementSets ?? EmbeddedConstellation.elementSets(epoch: startDate, networks: options.board.constellations)
        let serviceDaysPath = options.serviceDaysPath ?? options.auditLogPath + ".service-days"
        let keeper: ServiceDayKeeper
        do {
            keeper = try ServiceDayKeeper(store: ServiceDayCounterStore(path: serviceDaysPath))
        } catch {
            throw SimulationError.invalid("service day counters: \(error)")
        }
        // The terminal as the daemon assembles it; again after a restart, at the true position then.
        let assemble = { [scenario, options] (policy: GeofencePolicy, validUntil: Int64, now: Int64) throws -> TerminalAssembly<Bench.GPIO> in
            let position = scenario.position(atSeconds: Double(now) / 1e9)
            let assembly = try TerminalAssembly(
                board: options.board, elementSets: elementSets,
                position: GeodeticPosition(
                    latitudeDegrees: position.latitudeDegrees, longitudeDegrees: position.longitudeDegrees, heightMetres: 0),
                policy: policy, policyValidUntilUnixNanoseconds: validUntil, gpio: bench.gpio,
                auditLogPath: options.auditLogPath, nowNanoseconds: UInt64(max(0, now)), tickPeriodNanoseconds: UInt64(period),
                geofence: scenario.mobility.map {
                    GeofenceConfiguration(minimumSpeedMetresPerSecond: $0.speedFloorMetresPerSecond)
                } ?? GeofenceConfiguration(),
                serviceRules: options.serviceRules,
                subscription: scenario.service ?? ServiceSubscription(mobility: scenario.mobility ?? .mobile))
            // The day counters as the store holds them: a restart reads what was saved.
            do {
                assembly.channels.serviceDays.publish(
                    try ServiceDayKeeper(store: ServiceDayCounterStore(path: serviceDaysPath)).counters)
            } catch {
                throw SimulationError.invalid("service day counters: \(error)")
            }
            try bench.start(assembly, virtualNow: virtualNow)
            return assembly
        }
        let rate: TickRate
        do { rate = try TickRate(hertz: scenario.tickHertz) } catch { throw SimulationError.invalid("\(error)") }
        let loop = FixedStepLoop(clock: clock, configuration: LoopConfiguration(rate: rate), utcReference: utc)
        let ticks = UInt64((seconds * Double(scenario.tickHertz)).rounded())
        let startUp = try startUpPolicy()
        let assembled = options.defects.contains(.ignoresGeneratedPolicy) ? (options.policy, options.policyValidUntilUnixNanoseconds) : (startUp.policy, startUp.validUntilUnixNanoseconds)
        var harness = SimulationHarness(
            scenario: scenario, assembly: try assemble(assembled.0, assembled.1, 0), bench: bench,
            periodNanoseconds: period, totalTicks: ticks, seed: options.seed, speed: options.speed, progress: progress,
            serviceDays: keeper)
        configureLaterEvents(&harness, utc: utc, clock: clock, startUp: startUp, reassemble: assemble)
        let wallStart = Date()
        let report = loop.run(&harness, until: .ticks(ticks), originNanoseconds: 0)
        harness.laterChecks.loopReported(overruns: report.overruns, atNanoseconds: clock.nowNanoseconds())
        let end = UInt64(max(0, clock.nowNanoseconds()))
        var outcome = BenchOutcome(beamformerLatches: 0)
        if let assembly = harness.assembly {
            assembly.core.stow(atNanoseconds: end, utc: nil)
            _ = assembly.auditWriter.writePending()
            outcome = bench.finish(assembly)
            assembly.releaseLines()
        }
        return harness.result(
            wallSeconds: Date().timeIntervalSince(wallStart), auditLogPath: options.auditLogPath, bench: outcome)
    }
}

/// Why a simulation could not run.
package enum SimulationError: Error, CustomStringConvertible {
    /// The scenario or options are unusable.
    case invalid(String)

    package var description: String {
        switch self {
        case .invalid(let reason): "simulation: \(reason)"
        }
    }
}
