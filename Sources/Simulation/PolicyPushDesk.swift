import Audit
import Drivers
import Foundation
import Geofence
import Terminal

/// The simulated operator's policy desk and the terminal's policy side, as the daemon's
/// `PolicyService` runs it: every bundle goes through a `PolicyKeeper` trusting the example
/// operator key; its audit record is durable before anything changes; an accepted bundle is
/// saved in the `AcceptedPolicyStore` beside the audit log, then handed to the tick through
/// `TerminalChannels.policies`. At a restart the store is read back and its bundle offered
/// again, as the daemon's start-up does.
///
/// The scenario's start-up policy (the simulator's option, the example policy by default)
/// counts as version 1, the example's: pushes are numbered from there.
struct PolicyPushDesk {
    /// `Policies/example-operator.key`: the EXAMPLE private key, published in the repository
    /// and NOT secret (its public half is `EmbeddedDefaults.examplePolicyPublicKeyBase64`).
    static let exampleSigningKeyBase64 = "cGt07RTZnCVrUHKX+vI4Dssl33KVpcmGZIh/csFiAQA="
    /// Radius of the zone a push puts around the terminal's true position, metres.
    static let zoneRadiusMetres = 3_000.0
    /// The version the start-up policy counts as.
    static let startUpVersion = 1

    /// The operator's key.
    let signingKey: PolicySigningKey
    /// A key that is not the operator's (for badly signed bundles); fixed, so runs repeat.
    let foreignKey: PolicySigningKey
    /// The terminal's keeper (a new one after each restart).
    private(set) var keeper: PolicyKeeper
    /// The store beside the audit log.
    let store: AcceptedPolicyStore
    /// Pushes made (their sources are `policy-push-<n>`).
    private(set) var pushCount = 0

    /// A desk for a terminal whose audit log is at `auditLogPath`.
    init(auditLogPath: String) throws {
        signingKey = try PolicySigningKey(text: Self.exampleSigningKeyBase64, source: "example operator key")
        foreignKey = try PolicySigningKey(rawBytes: Data(repeating: 0x5A, count: 32), source: "foreign key")
        store = AcceptedPolicyStore(auditLogPath: auditLogPath)
        keeper = Self.startUpKeeper(signingKey.publicKey)
    }

    private static func startUpKeeper(_ key: PolicyVerificationKey) -> PolicyKeeper {
        var keeper = PolicyKeeper(operatorKey: key)
        keeper.remember(acceptedVersion: startUpVersion)
        return keeper
    }

    /// The outcome of one push.
    struct Push {
        /// What the keeper decided (with its audit record).
        var update: PolicyUpdate
        /// Whether it should have been accepted.
        var expectedAccepted: Bool
        /// Why its audit record (or the store) failed, if it did.
        var problem: String?
    }

    /// Pushes a bundle of `kind` at terminal UTC `utc` (true UTC `trueUTC` sets its validity)
    /// with a zone at `position` (`restrictsHere`) or far from it; audits, stores and deposits
    /// as the daemon does. `depositRejected`: the deliberately broken path that hands a refused
    /// bundle to the tick all the same.
    mutating func push(
        _ kind: PolicyPushKind, restrictsHere: Bool, position: (latitudeDegrees: Double, longitudeDegrees: Double),
        utc: Date?, trueUTC: Date, monotonicNanoseconds: UInt64, audit: AuditWriter, channels: TerminalChannels,
        depositRejected: Bool
    ) -> Push {
        pushCount += 1
        let highest = keeper.highestAcceptedVersion ?? Self.startUpVersion
        let day = 86_400.0
        var version = highest + 1
        var validFrom = trueUTC.addingTimeInterval(-day)
        var validUntil = trueUTC.addingTimeInterval(30 * day)
        var key = signingKey
        switch kind {
        case .newer: break
        case .expired:
            validFrom = trueUTC.addingTimeInterval(-30 * day)
            validUntil = trueUTC.addingTimeInterval(-day)
        case .rollback: version = max(1, highest - 1)
        case .badSignature: key = foreignKey
        }
        // Far away: the antipode.
        var centre = position
        if !restrictsHere {
            centre.latitudeDegrees = -position.latitudeDegrees
            centre.longitudeDegrees = position.longitudeDegrees > 0 ? position.longitudeDegrees - 180 : position.longitudeDegrees + 180
        }
        let content = Self.bundle(
            version: version, issued: validFrom, validFrom: validFrom, validUntil: validUntil, zoneCentre: centre,
            label: "push \(pushCount) (\(kind.rawValue))")
        let source = "policy-push-\(pushCount)"
        var candidate = keeper
        let bytes: Data
        do { bytes = try SignedPolicyFile.sign(content, with: key) } catch {
            let update = candidate.offer(fileBytes: content, source: source, at: utc)
            return Push(update: update, expectedAccepted: false, problem: "the bundle could not be signed: \(error)")
        }
        let update = candidate.offer(fileBytes: bytes, source: source, at: utc)
        let push = Push(update: update, expectedAccepted: kind == .newer, problem: nil)
        do {
            try audit.append(update.auditEntry(monotonicNanoseconds: monotonicNanoseconds))
        } catch {
            return Push(update: update, expectedAccepted: push.expectedAccepted, problem: "\(error)")
        }
        if update.isAccepted, let version = candidate.highestAcceptedVersion {
            do { try store.save(AcceptedPolicyStore.Stored(highestVersion: version, bundle: bytes)) } catch {
                _ = try? audit.append(
                    AuditEntry(
                        kind: .policy, event: "not_applied", reason: "\(error)", monotonicNanoseconds: monotonicNanoseconds,
                        details: ["source": source]))
                return Push(update: update, expectedAccepted: push.expectedAccepted, problem: "not saved: \(error)")
            }
        }
        keeper = candidate
        if let accepted = update.newGeofencePolicy {
            channels.policies.deposit(accepted, validUntilUnixNanoseconds: Self.validUntil(keeper.inForce))
        } else if depositRejected, let document = try? PolicyFile.parse(bytes: SignedPolicyFile.unsignedContent(of: bytes), file: source) {
            channels.policies.deposit(
                document.geofencePolicy,
                validUntilUnixNanoseconds: document.header.validUntil.unixNanosecondsClamped)
        }
        return push
    }

    /// What a restarted terminal starts with, as the daemon's start-up: a new keeper that
    /// remembers the stored highest version and is offered the stored bundle at `utc`. Returns
    /// the update to audit (once the terminal is assembled) and the policy to start with (nil:
    /// nothing stored, the start-up policy stays; refused now, e.g. expired meanwhile: no
    /// policy, transmission inhibited); a store that cannot be read is a problem.
    mutating func restore(at utc: Date?) -> (
        update: PolicyUpdate?, policy: (policy: GeofencePolicy, validUntilUnixNanoseconds: Int64)?, problem: String?
    ) {
        keeper = Self.startUpKeeper(signingKey.publicKey)
        let stored: AcceptedPolicyStore.Stored?
        do { stored = try store.load() } catch { return (nil, nil, "accepted-policy store: \(error)") }
        guard let stored else { return (nil, nil, nil) }
        // As `DaemonResources`: the stored bundle offered to a fresh keeper first, then the
        // highest version remembered (and the start-up policy's).
        var fresh = PolicyKeeper(operatorKey: signingKey.publicKey)
        let update = fresh.offer(fileBytes: stored.bundle, source: store.path, at: utc)
        fresh.remember(acceptedVersion: stored.highestVersion)
        fresh.remember(acceptedVersion: Self.startUpVersion)
        keeper = fresh
        guard let policy = update.newGeofencePolicy else {
            return (update, (GeofencePolicy(rules: [], defaultAction: .noService), .min), nil)
        }
        return (update, (policy, Self.validUntil(keeper.inForce)), nil)
    }

    /// End of validity of `policy`, UTC nanoseconds (`.min` without one).
    static func validUntil(_ policy: InForcePolicy?) -> Int64 {
        guard let policy else { return .min }
        return policy.header.validUntil.unixNanosecondsClamped
    }

    /// A policy file's text: default allow, one no-service circle.
    static func bundle(
        version: Int, issued: Date, validFrom: Date, validUntil: Date,
        zoneCentre: (latitudeDegrees: Double, longitudeDegrees: Double), label: String
    ) -> Data {
        Data(
            """
            format: 1
            policy: simulated-push
            version: \(version)
            issued: \(ISO8601UTC.format(issued))
            valid_from: \(ISO8601UTC.format(validFrom))
            valid_until: \(ISO8601UTC.format(validUntil))
            default: allow
            zones:
              - name: \(label)
                action: noService
                circle: { lat_deg: \(zoneCentre.latitudeDegrees), lon_deg: \(zoneCentre.longitudeDegrees), radius_m: \(zoneRadiusMetres) }

            """.utf8)
    }
}
