import Foundation
import Geofence
import RealTime
import Terminal

extension Simulator {
    /// Gives the harness what clock steps, policy pushes and restarts need: the loop's UTC
    /// reference and virtual clock, the policy desk, the way to assemble the terminal again, and the deliberately
    /// broken paths of the options (tests only).
    func configureLaterEvents<Bench: ScenarioBench>(
        _ harness: inout SimulationHarness<Bench>, utc: UTCReference, clock: VirtualClock,
        startUp: (policy: GeofencePolicy, validUntilUnixNanoseconds: Int64, update: PolicyUpdate?),
        reassemble: @escaping (GeofencePolicy, Int64, Int64) throws -> TerminalAssembly<Bench.GPIO>
    ) {
        harness.utcReference = utc
        harness.virtualClock = clock
        harness.auditLogPath = options.auditLogPath
        harness.reassemble = reassemble
        harness.startUpPolicy = (startUp.policy, startUp.validUntilUnixNanoseconds)
        harness.expectedPolicy = startUp.policy
        if let update = startUp.update {
            // As the daemon's start-up: the generated policy's record before the first tick.
            do { try harness.assembly.auditWriter.append(update.auditEntry(monotonicNanoseconds: 0)) } catch {
                harness.note(0, "the generated policy's audit record was not written: \(error)")
            }
            harness.note(0, update.logLine)
        }
        harness.defects = options.defects
        harness.applyAssemblyDefects()
        if scenario.events.contains(where: \.needsPolicyStore) {
            do { harness.policyDesk = try PolicyPushDesk(auditLogPath: options.auditLogPath) } catch {
                harness.note(0, "policy desk unavailable: \(error) (policy pushes skipped)")
            }
        }
    }
}

extension Simulator {
    /// The policy the run starts with: the scenario's generated zones (`zones_seed`), signed
    /// and put in force through a keeper as at the daemon's start-up, else the options'.
    func startUpPolicy() throws -> (policy: GeofencePolicy, validUntilUnixNanoseconds: Int64, update: PolicyUpdate?) {
        guard let seed = scenario.zonesSeed else { return (options.policy, options.policyValidUntilUnixNanoseconds, nil) }
        let zones = RandomZonePolicy(seed: seed, startUnixNanoseconds: scenario.startUnixNanoseconds)
        let update = try zones.startUpUpdate(at: Date(timeIntervalSince1970: Double(scenario.startUnixNanoseconds) / 1e9))
        guard case .accepted(let inForce) = update.outcome else {
            throw SimulationError.invalid("\(scenario.name): the generated zones (zones_seed \(seed)) were refused: \(update.logLine)")
        }
        return (inForce.geofencePolicy, PolicyPushDesk.validUntil(inForce), update)
    }
}

extension Scenario.TimedEvent {
    /// Whether the event uses the accepted-policy store beside the audit log.
    var needsPolicyStore: Bool {
        switch event {
        case .policyPush, .restart: true
        default: false
        }
    }
}
