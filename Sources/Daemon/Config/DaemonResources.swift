import Beam
import Foundation
import Geofence
import Orbit
import Terminal

/// The files a configuration names, loaded and checked: the board, the element sets, the
/// operator key, the policy (offered to a `PolicyKeeper`, so its signature, validity and
/// version are checked), the status API token. `utermd check-config` reports what this finds;
/// `utermd run` starts from it (and again on SIGHUP).
public struct DaemonResources: Sendable {
    /// The board.
    public var board: BoardDescription
    /// The element sets (the embedded shells are generated at the load's UTC).
    public var elementSets: [ElementSet]
    /// The keeper, with the configured policy offered to it.
    public var keeper: PolicyKeeper
    /// What the offer of the configured policy did.
    public var policyUpdate: PolicyUpdate
    /// The status API token, if configured.
    public var token: String?
    /// Things worth saying that do not stop the daemon.
    public var warnings: [String]

    /// Loads everything; every problem found is reported, located in the configuration file
    /// or in the file it names.
    public static func load(_ configuration: DaemonConfiguration, now: Date) throws(DataFileErrors) -> DaemonResources {
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
        switch configuration.elementSets {
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
        if let key {
            var fresh = PolicyKeeper(operatorKey: key)
            switch configuration.policyBundle {
            case .embeddedExample:
                update = fresh.offer(
                    fileBytes: Data(EmbeddedDefaults.examplePolicyYAML.utf8), source: EmbeddedDefaults.examplePolicySource,
                    at: now)
            case .file(let path):
                update = fresh.offer(path: path, at: now)
            }
            if let rejection = update?.rejection {
                problems.append(configuration.error("policy.bundle", "policy rejected: \(rejection)"))
            }
            keeper = fresh
        } else if case .file(let path) = configuration.policyBundle, !FileManager.default.isReadableFile(atPath: path) {
            problems.append(configuration.error("policy.bundle", "cannot read \(path)"))
        }

        let token = loadToken(configuration, problems: &problems, warnings: &warnings)
        if configuration.statusAPI.enabled && configuration.statusAPI.token == nil {
            warnings.append("status_api has no token: POST /stow, /reboot and /policy are refused")
        }
        guard problems.isEmpty, let board, let keeper, let update else {
            throw DataFileErrors(problems.sorted { ($0.file, $0.line ?? .max) < ($1.file, $1.line ?? .max) })
        }
        return DaemonResources(
            board: board, elementSets: elementSets, keeper: keeper, policyUpdate: update, token: token, warnings: warnings)
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
