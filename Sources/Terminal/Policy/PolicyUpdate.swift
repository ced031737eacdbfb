import Audit
import Foundation
import Geofence

/// What one offer of a policy bundle did: accepted (now in force) or rejected (the previous
/// policy stays in force), with the log line and the audit record that say so.
package struct PolicyUpdate: Sendable {
    /// Accepted or rejected.
    package enum Outcome: Sendable {
        /// In force from now on.
        case accepted(InForcePolicy)
        /// Refused; nothing changed.
        case rejected(PolicyRejection)
    }

    /// The outcome.
    package let outcome: Outcome
    /// The file or label offered.
    package let source: String
    /// The offered policy's header, when its signature verified and it could be read.
    package let offered: PolicyBundleHeader?
    /// SHA-256 of the offered signed bytes, when the signature verified.
    package let contentSHA256: String?
    /// The policy in force before the offer.
    package let previous: PolicyBundleHeader?
    /// The policy in force after the offer.
    package let inForceAfter: PolicyBundleHeader?
    /// UTC of the decision (nil while unknown).
    package let utc: Date?
    /// The key the signature was checked with.
    package let operatorKey: PolicyVerificationKey

    /// Whether the bundle went in force.
    package var isAccepted: Bool {
        if case .accepted = outcome { return true }
        return false
    }

    /// The reason of a rejection.
    package var rejection: PolicyRejection? {
        if case .rejected(let rejection) = outcome { return rejection }
        return nil
    }

    /// The policy to install with ``GeofenceEvaluator/replacePolicy(_:)``: only on acceptance.
    package var newGeofencePolicy: GeofencePolicy? {
        if case .accepted(let policy) = outcome { return policy.geofencePolicy }
        return nil
    }

    /// One line for the daemon's log, e.g.
    /// `policy rejected: update.yaml: rollback refused: version 1 is older than version 2 in
    /// force; keeping "example-public-reports" version 2 in force`.
    package var logLine: String {
        switch outcome {
        case .accepted(let policy):
            let replaced = previous.map { "replaces version \($0.version)" } ?? "no policy was in force"
            return "policy accepted: \(source): \(policy.header.summary), sha256 \(policy.contentSHA256.prefix(16)); \(replaced)"
        case .rejected(let rejection):
            let kept =
                inForceAfter.map { "keeping \"\($0.name)\" version \($0.version) in force" }
                ?? "no policy in force (transmission stays inhibited)"
            return "policy rejected: \(source): \(rejection); \(kept)"
        }
    }

    /// The audit record (kind `policy`, event `accepted` or `rejected`): append it to the
    /// ``AuditLog`` before the new policy takes effect.
    package func auditEntry(monotonicNanoseconds: UInt64 = 0) -> AuditEntry {
        var details: [String: String] = ["source": source, "operatorKey": operatorKey.fingerprint]
        if let offered {
            details["policy"] = offered.name
            details["version"] = String(offered.version)
            details["validFrom"] = ISO8601UTC.format(offered.validFrom)
            details["validUntil"] = ISO8601UTC.format(offered.validUntil)
            if offered.isExample { details["example"] = "true" }
        }
        if let contentSHA256 { details["sha256"] = contentSHA256 }
        if let previous { details["previousVersion"] = String(previous.version) }
        if let inForceAfter {
            details["inForce"] = inForceAfter.name
            details["inForceVersion"] = String(inForceAfter.version)
        }
        let event: String
        let reason: String
        switch outcome {
        case .accepted:
            event = "accepted"
            reason = "signature, validity and version check out"
        case .rejected(let rejection):
            event = "rejected"
            reason = rejection.description
            details["code"] = rejection.code
        }
        return AuditEntry(
            kind: .policy, event: event, reason: reason, utc: utc.map(ISO8601UTC.format),
            monotonicNanoseconds: monotonicNanoseconds, details: details)
    }
}
