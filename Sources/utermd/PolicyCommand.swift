import ArgumentParser
import CLISupport
import Foundation
import Geofence
import Terminal

/// `utermd policy ...`: signed service-restriction policies (format in Policies/README.md).
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Sign, verify and make keys for policy bundles.",
        subcommands: [PolicySignCommand.self, PolicyVerifyCommand.self, PolicyKeygenCommand.self])
}

/// `utermd policy sign --key KEY FILE [--out SIGNED]`.
struct PolicySignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a policy file (Ed25519): its content, then a last line \"# utermd-signature: ed25519 ...\".",
        discussion: """
            An existing signature line is replaced. A file that does not read as a policy is \
            refused, with each problem as file:line:column: field: message.
            """)

    @Option(help: "The operator's private key file (base64 of the raw 32-byte Ed25519 key).")
    var key: String

    @Argument(help: "The policy file (YAML).")
    var file: String

    @Option(help: "Where to write the signed file (default: FILE itself).")
    var out: String?

    func run() throws {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            printError("utermd: \(file): cannot read the file")
            throw ExitCode(2)
        }
        let content = SignedPolicyFile.unsignedContent(of: bytes)
        let document: PolicyDocument
        do {
            document = try PolicyFile.parse(bytes: content, file: file)
        } catch {
            for problem in error.errors { printError("\(problem)") }
            printError("utermd: \(file): not signed: the file is not a valid policy")
            throw ExitCode(1)
        }
        let signingKey = try loadSigningKey(key)
        let signed = try SignedPolicyFile.sign(content, with: signingKey)
        let target = out ?? file
        do {
            try signed.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            printError("utermd: \(target): cannot write: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        print("signed \(target): \(document.header.summary) with key \(signingKey.publicKey)")
    }
}

/// `utermd policy verify FILE --public-key KEY [--current-version N] [--at ISO]`.
struct PolicyVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a signed policy as a terminal would; exit 0 only when it would be accepted.",
        discussion: """
            Checks, in order: the signature (with the operator's public key, over every byte \
            before the signature line), that the content is a valid policy, that the time lies \
            in [valid_from, valid_until], and that its version is newer than --current-version.
            """)

    @Argument(help: "The signed policy file.")
    var file: String

    @Option(name: .customLong("public-key"), help: "The operator's public key: a key file or the base64 key itself.")
    var publicKey: String

    @Option(name: .customLong("current-version"), help: "The version in force on the terminal (default: none).")
    var currentVersion: Int?

    @Option(help: "The time to check validity at, ISO-8601 UTC (default: now).")
    var at: String?

    @Flag(help: "Print JSON.")
    var json = false

    /// The JSON of `policy verify --json`.
    struct Verdict: Codable {
        var file: String
        var accepted: Bool
        /// The rejection's stable name (`badSignature`, `rollback`, ...), when rejected.
        var rejection: String?
        var reason: String?
        var name: String?
        var version: Int?
        var zones: Int?
        var sha256: String?
    }

    func validate() throws {
        if let currentVersion { try requireOption(currentVersion, "--current-version", within: 0...Int.max) }
    }

    func run() throws {
        let now = try parseUTC(at, option: "--at") ?? Date()
        let gate = PolicyBundleGate(operatorKey: try loadPublicKey(publicKey))
        guard let bytes = FileManager.default.contents(atPath: file) else {
            // No file is not a rejected policy: the same status as every command's missing input.
            printError("utermd: \(file): cannot read the file")
            throw CommandExitCodes.unusableInput
        }
        let admission = gate.admit(fileBytes: bytes, versionInForce: currentVersion, at: now) { content in
            let document = try PolicyFile.parse(bytes: content, file: file)
            return (document.header, document)
        }
        switch admission {
        case .accepted(_, let document, let digest):
            if json {
                print(
                    try jsonText(
                        Verdict(
                            file: file, accepted: true, name: document.header.name, version: document.header.version,
                            zones: document.zones.count, sha256: "\(digest)")))
            } else {
                print(
                    "accepted: \(file): \(document.header.summary), \(document.zones.count) zone(s), default "
                        + "\(document.defaultAction); signed by \(gate.operatorKey); sha256 \(digest)")
            }
        case .rejected(let rejection, _, _):
            if json {
                print(try jsonText(Verdict(file: file, accepted: false, rejection: rejection.code, reason: "\(rejection)")))
            } else {
                print("rejected: \(file): \(rejection) [\(rejection.code)]")
            }
            throw CommandExitCodes.negative
        }
    }
}

/// `utermd policy keygen --out PREFIX`: PREFIX.key (private, mode 0600) and PREFIX.pub.
struct PolicyKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Make an Ed25519 key pair for signing policies: PREFIX.key and PREFIX.pub.")

    @Option(help: "Path prefix of the two key files.")
    var out: String

    @Flag(help: "Overwrite existing key files.")
    var force = false

    func run() throws {
        let privatePath = out + ".key"
        let publicPath = out + ".pub"
        for path in [privatePath, publicPath] where !force && FileManager.default.fileExists(atPath: path) {
            printError("utermd: \(path) exists (use --force to overwrite)")
            throw ExitCode(1)
        }
        let key = PolicySigningKey()
        let privateText = key.keyFileText(comments: [
            "utermd policy signing key: Ed25519, raw 32-byte private key (RFC 8032 seed), base64.",
            "SECRET: whoever holds it can change the service area of every terminal trusting its public key.",
        ])
        let publicText = key.publicKey.keyFileText(comments: [
            "utermd policy verification key: Ed25519, raw 32-byte public key, base64 (configure terminals with it)."
        ])
        do {
            try Data(privateText.utf8).write(to: URL(fileURLWithPath: privatePath), options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: privatePath)
            try Data(publicText.utf8).write(to: URL(fileURLWithPath: publicPath), options: .atomic)
        } catch {
            printError("utermd: cannot write the key files: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        print("wrote \(privatePath) (secret) and \(publicPath): key \(key.publicKey)")
    }
}

/// An ISO-8601 UTC time from an option, nil when the option is absent.
func parseUTC(_ text: String?, option: String) throws -> Date? {
    guard let text else { return nil }
    guard let date = ISO8601UTC.parse(text) else {
        throw ValidationError("\(option): expected an ISO-8601 UTC time such as 2026-09-01T00:00:00Z, got \"\(text)\"")
    }
    return date
}

/// The operator's public key from a key file or base64 text; exits 2 naming the problem.
func loadPublicKey(_ value: String) throws -> PolicyVerificationKey {
    do {
        return try PolicyVerificationKey.load(pathOrBase64: value)
    } catch {
        printError("utermd: \(error)")
        throw ExitCode(2)
    }
}

private func loadSigningKey(_ path: String) throws -> PolicySigningKey {
    do {
        return try PolicySigningKey.load(path: path)
    } catch {
        printError("utermd: \(error)")
        throw ExitCode(2)
    }
}
