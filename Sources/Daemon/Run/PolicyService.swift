import Audit
import Drivers
import Foundation
import Geofence
import Logging
import Synchronization
import Terminal

/// The daemon's side of policy changes (SIGHUP, `POST /policy`): every bundle goes through
/// the `PolicyKeeper` (signature with the operator key, validity now, newer version); an
/// accepted one is written to the audit log *before* it is handed to the tick through
/// `TerminalChannels.policies`, where it takes effect within a tick. A rejected one changes
/// nothing and is audited too.
///
/// Policy records go to the one audit log, through its `AuditWriter` (`append` from this
/// thread, durable on return), in order with the transmit decisions around them.
///
/// An accepted bundle is also saved (atomically) in the `AcceptedPolicyStore` beside the audit
/// log before it reaches the tick, so that after a restart it is in force again and an older
/// bundle is refused as a rollback. A bundle that cannot be saved is not applied (audited as
/// `not_applied`).
package final class PolicyService: Sendable {
    /// The keeper, under a lock that also keeps policy records in the order their updates
    /// were decided.
    private let keeper: Mutex<PolicyKeeper>
    private let audit: AuditWriter
    private let channels: TerminalChannels
    private let logger: Logger
    private let store: AcceptedPolicyStore?

    /// A service starting from `keeper` (with the start-up policies already offered: the one
    /// restored from `store`, then the configured one), recording both updates in the audit log
    /// through `audit` and saving an accepted configured bundle (`startUpBytes`) in `store`.
    /// Throws when a record cannot be written or the state not saved: the daemon must not run
    /// a policy it could not record.
    package init(
        keeper: PolicyKeeper, startUpUpdate: PolicyUpdate, restoredUpdate: PolicyUpdate? = nil, startUpBytes: Data? = nil,
        store: AcceptedPolicyStore? = nil, audit: AuditWriter, channels: TerminalChannels, logger: Logger,
        monotonicNanoseconds: UInt64
    ) throws(PolicyServiceError) {
        self.keeper = Mutex(keeper)
        self.channels = channels
        self.logger = logger
        self.audit = audit
        self.store = store
        for update in [restoredUpdate, startUpUpdate].compactMap({ $0 }) {
            do {
                try audit.append(update.auditEntry(monotonicNanoseconds: monotonicNanoseconds))
            } catch {
                throw .audit(error)
            }
            if update.isAccepted { logger.notice("\(update.logLine)") } else { logger.warning("\(update.logLine)") }
        }
        if startUpUpdate.isAccepted, let startUpBytes, let version = keeper.highestAcceptedVersion {
            try save(startUpBytes, version: version)
        }
    }

    /// The policy in force.
    package var inForce: InForcePolicy? { keeper.withLock { $0.inForce } }

    /// What `/status` shows of the policy in force, and its rules' zone names.
    package var statusPolicy: (policy: DaemonStatus.Policy, ruleNames: [String])? {
        guard let policy = inForce else { return nil }
        let header = policy.header
        return (
            DaemonStatus.Policy(
                name: header.name, version: header.version, validUntil: ISO8601UTC.format(header.validUntil),
                isExample: header.isExample),
            policy.geofencePolicy.rules.map(\.zone.name)
        )
    }

    /// The end of validity of the policy in force, UTC nanoseconds (`Int64.min` without one:
    /// transmission stays inhibited).
    package static func validUntilUnixNanoseconds(_ policy: InForcePolicy?) -> Int64 {
        guard let policy else { return .min }
        return policy.header.validUntil.unixNanosecondsClamped
    }

    /// Offers a bundle: verified, audited, then (if accepted) handed to the tick. The update
    /// says what happened; a failure to audit is reported as a rejection-like error.
    package func offer(bytes: Data, source: String, monotonicNanoseconds: UInt64) -> Result<PolicyUpdate, PolicyServiceError> {
        keeper.withLock { keeper in
            var candidate = keeper
            let update = candidate.offer(fileBytes: bytes, source: source, at: Date())
            do throws(AuditError) {
                try audit.append(update.auditEntry(monotonicNanoseconds: monotonicNanoseconds))
            } catch {
                logger.error("policy not applied: the audit record could not be written: \(error)")
                return .failure(.audit(error))
            }
            if update.isAccepted, let version = candidate.highestAcceptedVersion {
                do throws(PolicyServiceError) {
                    try save(bytes, version: version)
                } catch {
                    logger.error("policy not applied: \(error)")
                    _ = try? audit.append(
                        AuditEntry(
                            kind: .policy, event: "not_applied", reason: "\(error)",
                            monotonicNanoseconds: monotonicNanoseconds, details: ["source": source]))
                    return .failure(error)
                }
            }
            keeper = candidate
            if let accepted = update.newGeofencePolicy {
                channels.policies.deposit(
                    accepted, validUntilUnixNanoseconds: Self.validUntilUnixNanoseconds(candidate.inForce),
                    serviceRules: candidate.inForce?.document.serviceRules ?? .none)
                logger.notice("\(update.logLine)")
            } else {
                logger.warning("\(update.logLine)")
            }
            return .success(update)
        }
    }

    /// Offers the bundle in a file (SIGHUP); nil when it holds exactly the policy in force
    /// (nothing to do, nothing to audit).
    package func offer(path: String, monotonicNanoseconds: UInt64) -> Result<PolicyUpdate, PolicyServiceError>? {
        let bytes = FileManager.default.contents(atPath: path)
        if let bytes, SignedPolicyFile.sha256(SignedPolicyFile.unsignedContent(of: bytes)) == inForce?.contentSHA256 {
            logger.info("policy unchanged: \(path)")
            return nil
        }
        guard let bytes else {
            var candidate = keeper.withLock { $0 }
            let update = candidate.offer(path: path, at: Date())
            logger.warning("\(update.logLine)")
            return .success(update)
        }
        return offer(bytes: bytes, source: path, monotonicNanoseconds: monotonicNanoseconds)
    }

    /// `POST /policy`'s answer for an update.
    package static func outcome(_ result: Result<PolicyUpdate, PolicyServiceError>) -> CommandOutcome {
        switch result {
        case .failure(let error):
            return CommandOutcome(
                status: 503, body: .object([("accepted", .bool(false)), ("error", .string("\(error)"))]))
        case .success(let update):
            let header = update.inForceAfter
            var members: [(String, JSONValue)] = [("accepted", .bool(update.isAccepted)), ("message", .string(update.logLine))]
            if let rejection = update.rejection { members.append(("code", .string(rejection.code))) }
            members.append(
                ("in_force", header.map { .object([("name", .string($0.name)), ("version", .int(Int64($0.version)))]) } ?? .null))
            return CommandOutcome(status: update.isAccepted ? 200 : 422, body: .object(members))
        }
    }

    private func save(_ bytes: Data, version: Int) throws(PolicyServiceError) {
        guard let store else { return }
        do {
            try store.save(AcceptedPolicyStore.Stored(highestVersion: version, bundle: bytes))
        } catch {
            throw .stateNotSaved(error)
        }
    }
}

/// Why a policy was not applied although it may have been acceptable.
package enum PolicyServiceError: Error, Sendable, CustomStringConvertible {
    /// Its audit record could not be written.
    case audit(AuditError)
    /// The accepted policy could not be saved for the next start (`AcceptedPolicyStore`).
    case stateNotSaved(AcceptedPolicyStore.Problem)

    package var description: String {
        switch self {
        case .audit(let error): "audit log: \(error)"
        case .stateNotSaved(let problem): "accepted policy state not saved: \(problem)"
        }
    }
}
