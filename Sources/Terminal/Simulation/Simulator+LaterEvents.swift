import Geofence
import RealTime

extension Simulator {
    /// Gives the harness what clock steps, policy pushes and restarts need: the loop's UTC
    /// reference and virtual clock, the policy desk, the way to assemble the terminal again, and the deliberately
    /// broken paths of the options (tests only).
    func configureLaterEvents<Bench: ScenarioBench>(
        _ harness: inout SimulationHarness<Bench>, utc: UTCReference, clock: VirtualClock,
        reassemble: @escaping (GeofencePolicy, Int64, Int64) throws -> TerminalAssembly<Bench.GPIO>
    ) {
        harness.utcReference = utc
        harness.virtualClock = clock
        harness.auditLogPath = options.auditLogPath
        harness.reassemble = reassemble
        harness.startUpPolicy = (options.policy, options.policyValidUntilUnixNanoseconds)
        harness.defects = options.defects
        harness.applyAssemblyDefects()
        if scenario.events.contains(where: \.needsPolicyStore) {
            do { harness.policyDesk = try PolicyPushDesk(auditLogPath: options.auditLogPath) } catch {
                harness.note(0, "policy desk unavailable: \(error) (policy pushes skipped)")
            }
        }
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
