import Terminal

/// A deliberately broken firmware path, for the tests that show the campaign's invariants
/// catch it (`Simulator.Options.defects`). Never set outside those tests.
package enum SimulatedDefect: String, Sendable, Hashable, CaseIterable {
    /// The tick never finds the clocks disagreeing (its limit raised to the largest value).
    case ignoresClockDisagreement = "ignores_clock_disagreement"
    /// A refused policy bundle is handed to the tick all the same.
    case appliesRejectedPolicies = "applies_rejected_policies"
    /// A restarted terminal ignores its accepted-policy store (starts on the configured policy).
    case forgetsAcceptedPolicyOnRestart = "forgets_accepted_policy_on_restart"
    /// A restart loses the audit log's last record (cut before the log is opened again).
    case losesAuditTailOnRestart = "loses_audit_tail_on_restart"
    /// The tick takes the loop for healthy whatever its overruns.
    case ignoresLoopOverruns = "ignores_loop_overruns"
    /// The beamformer driver takes the bridge's garbage replies for acknowledgements.
    case trustsBridgeGarbage = "trusts_bridge_garbage"
    /// The terminal starts on the configured policy, not the scenario's generated zones.
    case ignoresGeneratedPolicy = "ignores_generated_policy"
}
