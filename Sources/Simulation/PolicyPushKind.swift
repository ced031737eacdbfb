import Terminal

/// What kind of bundle a scenario's policy push offers (`policy_push:` in a scenario file).
package enum PolicyPushKind: String, Sendable, Hashable, CaseIterable {
    /// Correctly signed with the operator key, valid now, one version above the highest
    /// accepted: the only kind the terminal may accept.
    case newer
    /// Correctly signed and newer, but its validity ended a day before now.
    case expired
    /// Correctly signed and valid, but one version below the highest accepted (or, while that
    /// is version 1, version 1 again): a rollback.
    case rollback
    /// Newer and valid, but signed with a key that is not the operator's.
    case badSignature = "bad_signature"
}
