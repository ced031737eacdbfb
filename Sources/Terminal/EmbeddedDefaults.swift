/// Data the simulated terminal runs on when given no files, so `utermd` works from the
/// binary alone: the repository's own files, compiled into the binary as `.embedInCode`
/// resources (`Sources/Terminal/Resources` holds links to them), not copies kept in step.
package enum EmbeddedDefaults {
    /// `Boards/sim.yaml`.
    package static let simulatedBoardYAML = String(decoding: PackageResources.sim_yaml, as: UTF8.self)

    /// `Policies/example.yaml`: the EXAMPLE policy (built from public reports, not any
    /// operator's real policy), signed with the published, NOT secret example key whose
    /// public half is ``examplePolicyPublicKeyBase64``. The simulated terminal's default.
    package static let examplePolicyYAML = String(decoding: PackageResources.example_yaml, as: UTF8.self)

    /// `HIL/scenarios/long/ningbo-port-call.yaml`: the default scenario of `utermd simulate`.
    package static let defaultScenarioYAML = String(decoding: PackageResources.ningbo_port_call_yaml, as: UTF8.self)
    /// How the default scenario is named in messages.
    package static let defaultScenarioSource = "<embedded HIL/scenarios/long/ningbo-port-call.yaml>"
}
