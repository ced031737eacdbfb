import Audit
import Beam
import Foundation
import Geofence
import Orbit
import Terminal

/// The files a configuration names, loaded and checked: the board, the element sets, the
/// operator key, the policy (offered to a `PolicyKeeper`, so its signature, validity and
/// version are checked), the status API token. `utermd check-config` reports what this finds;
/// `utermd run` starts from it (and again on SIGHUP).
package struct DaemonResources: Sendable {
    /// The board.
    package var board: BoardDescription
    /// The element sets (the embedded shells are generated at the load's UTC).
    package var elementSets: [ElementSet]
    /// The network of each element set, index for index, when the configuration lists its
    /// sources by network (`element_sets:` as a list); empty when the names say.
    package var elementSetConstellations: [Constellation] = []
    /// The keeper, with the configured policy offered to it.
    package var keeper: PolicyKeeper
    /// What the offer of the configured policy did.
    package var policyUpdate: PolicyUpdate
    /// What the offer of the policy accepted before the last stop (`AcceptedPolicyStore`) did,
    /// offered before the configured one; nil when none was stored.
    package var restoredPolicyUpdate: PolicyUpdate?
    /// The configured policy's signed bytes (to store when it is accepted).
    package var configuredPolicyBytes: Data?
    /// The status API token, if configured.
    package var token: String?
    /// Things worth saying that do not stop the daemon.
    package var warnings: [String]

    /// Loads everything; every problem found is reported, located in the configuration file
    /// or in the file it names.
    package static func load(_ configuration: DaemonConfiguration, now: Date) throws(DataFileErrors) -> DaemonResources {
        var problems: [DataFileError] = []
        var warnings: [String] = []

        var board: BoardDescription?
        switch configuration.board {
        case .embeddedSimulated:
            board = try? BoardFile.parse(yaml: EmbeddedDefaults.simulatedBoardYAML, file: "embedded:sim")
        case .file(let path):
            if FileManager.default.isReadableFile(atPath: path) {
                do { board = try BoardFile.load(path: path) } catch { problems += error.errors }
            } else {
                problems.append(configuration.error("board", "cannot read \(path)"))
            }
        }
        if var loaded = board, let boresight = configuration.boresight {
            loaded.array.mount = .boresight(
                azimuthDegrees: boresight.azimuthDegrees, elevationDegrees: boresight.elevationDegrees)
            board = loaded
        }

        var elementSets: [ElementSet] = []
        var elementSetConstellations: [Constellation] = []
        switch configuration.elementSets {
        case .networks(let sources):
            let epoch = JulianDate(unixSeconds: now.timeIntervalSince1970)
            for source in sources {
                guard let path = source.file else {
                    let sets = source.constellation.walkerElementSets(epoch: epoch)
                    elementSets += sets
                    elementSetConstellations += Array(repeating: source.constellation, count: sets.count)
                    continue
                }
                do {
                    let loaded = try ElementSetFile.load(path: path, strict: false)
                    let rejected = loaded.errors.count + loaded.omittedErrorCount
                    if rejected > 0 { warnings.append("\(path): \(rejected) element sets rejected, \(loaded.sets.count) used") }
                    let network = source.constellation
                    let odd = ConstellationElementSets(constellation: network, elementSets: loaded.sets).mislabelled
                    if let first = odd.first {
                        warnings.append(
                            "\(path): given as \(network), but \(odd.count) element sets are named for another network "
                                + "(first: \(first.name))")
                    }
                    if loaded.sets.isEmpty {
                        problems.append(configuration.error("element_sets", "\(path): no usable element set"))
                    }
                    elementSets += loaded.sets
                    elementSetConstellations += Array(repeating: source.constellation, count: loaded.sets.count)
                } catch {
                    problems.append(configuration.error("element_sets", "\(error)"))
                }
            }
        case .embedded:
            elementSets = EmbeddedConstellation.elementSets(epoch: JulianDate(unixSeconds: now.timeIntervalSince1970))
        case .file(let path):
            do {
                let loaded = try ElementSetFile.load(path: path, strict: false)
                elementSets = loaded.sets
                if !loaded.errors.isEmpty {
                    warnings.append(
                        "\(path): \(loaded.errors.count + loaded.omittedErrorCount) element sets rejected, \(loaded.sets.count) used"
                    )
                }
                if loaded.sets.isEmpty { problems.append(configuration.error("element_sets", "\(path): no usable element set")) }
            } catch {
                problems.append(configuration.error("element_sets", "\(error)"))
            }
        }

        var key: PolicyVerificationKey?
        do {
            switch configuration.operatorKey {
            case .embeddedExample: key = try EmbeddedDefaults.examplePolicyPublicKey()
            case .pathOrBase64(let value): key = try PolicyVerificationKey.load(pathOrBase64: value)
            }
        } catch {
            problems.append(configuration.error("policy.operator_key", "\(error)"))
        }
        if key?.base64 == EmbeddedDefaults.examplePolicyPublicKeyBase64 {
            warnings.append(
                "the operator key is the published EXAMPLE key: anyone can sign policies it accepts (simulation and tests only)")
        }

        var keeper: PolicyKeeper?
        var update: PolicyUpdate?
        var restored: PolicyUpdate?
        var configuredBytes: Data?
        if let key {
            var fresh = PolicyKeeper(operatorKey: key)
            let store = AcceptedPolicyStore(auditLogPath: configuration.auditLogPath)
            let source: String
            switch configuration.policyBundle {
            case .embeddedExample:
                source = EmbeddedDefaults.examplePolicySource
                configuredBytes = Data(EmbeddedDefaults.examplePolicyYAML.utf8)
            case .file(let path):
                source = path
                configuredBytes = FileManager.default.contents(atPath: path)
            }
            var stored: AcceptedPolicyStore.Stored?
            do { stored = try store.load() } catch {
                problems.append(configuration.error("audit_log", "accepted policy state: \(error)"))
            }
            // The stored bundle first (unless it is the configured one), so that the configured
            // bundle is judged against the newest version ever accepted.
            if let stored, stored.bundle != configuredBytes {
                restored = fresh.offer(fileBytes: stored.bundle, source: store.path, at: now)
                fresh.remember(acceptedVersion: stored.highestVersion)
            }
            update =
                configuredBytes.map { fresh.offer(fileBytes: $0, source: source, at: now) } ?? fresh.offer(path: source, at: now)
            if let stored { fresh.remember(acceptedVersion: stored.highestVersion) }
            if let rejection = update?.rejection {
                if Self.keepsNewerPolicy(rejection), let inForce = fresh.inForce {
                    warnings.append(
                        "configured policy not applied (\(rejection)): \"\(inForce.header.name)\" version \(inForce.header.version), "
                            + "accepted before the restart (\(store.path)), stays in force")
                } else {
                    problems.append(configuration.error("policy.bundle", "policy rejected: \(rejection)"))
                }
            }
            keeper = fresh
        } else if case .file(let path) = configuration.policyBundle, !FileManager.default.isReadableFile(atPath: path) {
            problems.append(configuration.error("policy.bundle", "cannot read \(path)"))
        }
        do {
            try AuditLog.checkUsable(path: configuration.auditLogPath)
        } catch {
            problems.append(configuration.error("audit_log", "\(error)"))
        }

        let token = loadToken(configuration, problems: &problems, warnings: &warnings)
        if configuration.statusAPI.enabled && configuration.statusAPI.token == nil {
            warnings.append("status_api has no token: POST /stow, /reboot and /policy are refused")
        }
        guard problems.isEmpty, let board, let keeper, let update else {
            throw DataFileErrors(problems.sorted { ($0.file, $0.line ?? .max) < ($1.file, $1.line ?? .max) })
        }
        return DaemonResources(
            board: board, elementSets: elementSets, elementSetConstellations: elementSetConstellations, keeper: keeper,
            policyUpdate: update, restoredPolicyUpdate: restored,
            configuredPolicyBytes: configuredBytes, token: token, warnings: warnings)
    }

    /// Rejections of the configured policy that leave a newer, stored policy in force: the
    /// configuration still names the bundle a later update replaced.
    static func keepsNewerPolicy(_ rejection: PolicyRejection) -> Bool {
        switch rejection {
        case .rollback, .alreadyInForce: true
        default: false
        }
    }

    private static func loadToken(
        _ configuration: DaemonConfiguration, problems: inout [DataFileError], warnings: inout [String]
    ) -> String? {
        switch configuration.statusAPI.token {
        case .none:
            return nil
        case .inline(let token):
            return token
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(configuration.error("status_api.token_file", "cannot read \(path)"))
                return nil
            }
            let token =
                String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map {
                    $0.trimmingCharacters(in: .whitespaces)
                } ?? ""
            guard token.count >= 16 else {
                problems.append(configuration.error("status_api.token_file", "\(path): a token needs at least 16 characters"))
                return nil
            }
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o027 != 0
            {
                // Group read is the documented recipe (root:utermd 0640, the daemon's group);
                // anyone else reading it, or the group writing it, is not.
                warnings.append(
                    "\(path) is open beyond its owner and the daemon's group (mode \(String(mode, radix: 8))); chmod 640 it")
            }
            return token
        }
    }
}
