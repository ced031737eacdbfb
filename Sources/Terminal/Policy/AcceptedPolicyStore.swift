import Foundation
import Geofence

/// The newest policy bundle the terminal accepted, kept beside the audit log
/// (`<audit_log>.accepted-policy`) so that a restart neither forgets it nor lets an older
/// bundle (the one in the configuration, say) roll it back.
///
/// The file holds the highest version ever accepted and the accepted bundle's signed bytes,
/// with their SHA-256:
/// ```
/// utermd accepted policy 1
/// highest_version: 3
/// sha256: 9f2c...
/// ---
/// <the signed bundle, byte for byte>
/// ```
/// It is replaced atomically (written to a temporary file, fsync'ed, renamed over the old one,
/// the directory fsync'ed), so a crash leaves either the old or the new state. The bundle is
/// verified again (signature, validity) when it is offered at start-up: the file is a memory,
/// not a source of trust.
package struct AcceptedPolicyStore: Sendable {
    /// What the store holds.
    package struct Stored: Sendable, Equatable {
        /// The highest policy version ever accepted.
        package var highestVersion: Int
        /// The accepted bundle's signed bytes.
        package var bundle: Data

        /// A state to store.
        package init(highestVersion: Int, bundle: Data) {
            self.highestVersion = highestVersion
            self.bundle = bundle
        }
    }

    /// A stored state that cannot be used (damaged, foreign): the daemon refuses to start
    /// rather than forget a newer policy.
    package struct Problem: Error, Sendable, CustomStringConvertible {
        /// The file.
        package var path: String
        /// What is wrong.
        package var reason: String
        package var description: String { "\(path): \(reason)" }
    }

    /// The file.
    package let path: String

    /// The store beside the audit log at `auditLogPath`.
    package init(auditLogPath: String) {
        path = auditLogPath + ".accepted-policy"
    }

    private static let magic = "utermd accepted policy 1"

    /// The stored state, or nil when there is none yet.
    package func load() throws(Problem) -> Stored? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(path: path, reason: "cannot be read")
        }
        let separator = Data("\n---\n".utf8)
        guard let range = data.range(of: separator) else { throw Problem(path: path, reason: "no '---' line: not a policy state file") }
        let header = String(decoding: data[..<range.lowerBound], as: UTF8.self).split(separator: "\n").map(String.init)
        let bundle = Data(data[range.upperBound...])
        guard header.first == Self.magic else { throw Problem(path: path, reason: "line 1: expected '\(Self.magic)'") }
        var version: Int?
        var digest: String?
        for (index, line) in header.enumerated().dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw Problem(path: path, reason: "line \(index + 1): expected 'key: value'") }
            switch parts[0] {
            case "highest_version": version = Int(parts[1])
            case "sha256": digest = parts[1]
            default: throw Problem(path: path, reason: "line \(index + 1): unknown field '\(parts[0])'")
            }
        }
        guard let version else { throw Problem(path: path, reason: "highest_version missing or not a number") }
        guard digest == Self.sha256(bundle) else {
            throw Problem(path: path, reason: "the bundle's SHA-256 does not match the recorded one (damaged)")
        }
        return Stored(highestVersion: version, bundle: bundle)
    }

    /// Replaces the stored state atomically (see the type's notes).
    package func save(_ stored: Stored) throws(Problem) {
        var data = Data("\(Self.magic)\nhighest_version: \(stored.highestVersion)\nsha256: \(Self.sha256(stored.bundle))\n---\n".utf8)
        data.append(stored.bundle)
        do {
            try AtomicFileReplacement.replace(path: path, with: data)
        } catch {
            throw Problem(path: error.path, reason: error.reason)
        }
    }

    private static func sha256(_ data: Data) -> String { SignedPolicyFile.sha256(data) }
}
