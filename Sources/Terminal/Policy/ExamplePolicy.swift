import Foundation
import Geofence

extension EmbeddedDefaults {
    /// `Policies/example-operator.pub`: the public half of the EXAMPLE signing key, whose
    /// private half is published beside it and is NOT secret. Trust it only in the simulated
    /// mode and in tests.
    package static let examplePolicyPublicKeyBase64 = "gf3wMgdvq1pX2SlyEnUrlVP9a46hPgpou8PDlvLwgME="

    /// ``examplePolicyPublicKeyBase64`` as a key.
    package static func examplePolicyPublicKey() throws(PolicyKeyError) -> PolicyVerificationKey {
        try PolicyVerificationKey(text: examplePolicyPublicKeyBase64, source: "embedded example key")
    }

    /// A keeper trusting the example key with the embedded example policy offered to it at
    /// `now` (the simulated terminal's start-up): the update says whether it went in force.
    package static func examplePolicyKeeper(at now: Date?) throws(PolicyKeyError) -> (PolicyKeeper, PolicyUpdate) {
        var keeper = PolicyKeeper(operatorKey: try examplePolicyPublicKey())
        let update = keeper.offer(fileBytes: Data(examplePolicyYAML.utf8), source: examplePolicySource, at: now)
        return (keeper, update)
    }

    /// How logs name the embedded example policy.
    package static let examplePolicySource = "embedded Policies/example.yaml"
}
