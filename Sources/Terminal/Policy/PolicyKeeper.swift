import Foundation
import Geofence

/// A policy a ``PolicyKeeper`` accepted: the document, where it came from, and its digest.
package struct InForcePolicy: Sendable {
    /// The policy, read and compiled.
    package let document: PolicyDocument
    /// The file (or other label) it was read from.
    package let source: String
    /// SHA-256 of the signed bytes, hexadecimal.
    package let contentSHA256: String

    /// Name, version, validity.
    package var header: PolicyBundleHeader { document.header }
    /// The compiled zones for the evaluator.
    package var geofencePolicy: GeofencePolicy { document.geofencePolicy }
}

/// The terminal's policy in force and the only way to change it: every bundle goes through the
/// ``PolicyBundleGate`` (signature with the operator key, validity at the current UTC, newer
/// version), and a rejected bundle leaves the policy in force untouched.
///
/// The daemon's use, per bundle (at start-up and whenever one arrives):
/// ```swift
/// let update = keeper.offer(path: file, at: utcNow)
/// try auditLog.append(update.auditEntry(monotonicNanoseconds: now))   // before it takes effect
/// log(update.logLine)
/// if let policy = update.newGeofencePolicy { evaluator.replacePolicy(policy) }
/// ```
/// `offer` reads YAML and builds the zones' indexes (milliseconds to a few hundred for
/// large polygons): call it off the real-time loop and hand the policy to the loop. Keep asking
/// ``isInForceValid(at:)`` each tick: an expired policy must inhibit transmission.
package struct PolicyKeeper: Sendable {
    /// The gate, with the operator's key.
    package let gate: PolicyBundleGate
    /// The policy in force; nil until a bundle has been accepted.
    package private(set) var inForce: InForcePolicy?
    /// The highest version ever accepted, here or before a restart (`AcceptedPolicyStore`):
    /// a bundle of a lower version is a rollback even when no policy is in force.
    package private(set) var highestAcceptedVersion: Int?

    /// A keeper with no policy in force yet.
    package init(operatorKey: PolicyVerificationKey) {
        gate = PolicyBundleGate(operatorKey: operatorKey)
    }

    /// Whether a policy is in force and `now` lies in its validity period (false while UTC is
    /// unknown): one of the transmit conditions.
    package func isInForceValid(at now: Date?) -> Bool {
        guard let inForce, let now else { return false }
        return inForce.header.isValid(at: now)
    }

    /// Remembers that version `version` was accepted before (a restart): lower versions are
    /// refused as rollbacks from now on.
    package mutating func remember(acceptedVersion version: Int) {
        highestAcceptedVersion = max(highestAcceptedVersion ?? version, version)
    }

    /// Offers a bundle's bytes; `source` names it in the log and audit record.
    package mutating func offer(fileBytes: Data, source: String, at now: Date?) -> PolicyUpdate {
        let previous = inForce?.header
        let floor = [previous?.version, highestAcceptedVersion].compactMap { $0 }.max()
        let admission = gate.admit(fileBytes: fileBytes, versionInForce: floor, at: now) {
            bytes throws(DataFileErrors) in
            let document = try PolicyFile.parse(bytes: bytes, file: source)
            return (document.header, document)
        }
        switch admission {
        case .accepted(_, let document, let digest):
            let accepted = InForcePolicy(document: document, source: source, contentSHA256: digest)
            inForce = accepted
            remember(acceptedVersion: document.header.version)
            return PolicyUpdate(
                outcome: .accepted(accepted), source: source, offered: document.header, contentSHA256: digest,
                previous: previous, inForceAfter: document.header, utc: now, operatorKey: gate.operatorKey)
        case .rejected(let rejection, let header, let digest):
            return PolicyUpdate(
                outcome: .rejected(rejection), source: source, offered: header, contentSHA256: digest,
                previous: previous, inForceAfter: previous, utc: now, operatorKey: gate.operatorKey)
        }
    }

    /// Offers the bundle in a file.
    package mutating func offer(path: String, at now: Date?) -> PolicyUpdate {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            let previous = inForce?.header
            return PolicyUpdate(
                outcome: .rejected(.fileUnreadable("no such file or not readable")), source: path, offered: nil,
                contentSHA256: nil, previous: previous, inForceAfter: previous, utc: now, operatorKey: gate.operatorKey)
        }
        return offer(fileBytes: bytes, source: path, at: now)
    }
}
