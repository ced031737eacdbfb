import Crypto
import Foundation

/// Why a key could not be read.
package enum PolicyKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key file could not be read.
    case unreadable(source: String, reason: String)
    /// The file or text holds no key line (only comments or blank lines).
    case noKey(source: String)
    /// The key line is not base64.
    case notBase64(source: String)
    /// The key does not decode to the 32 bytes of a raw Ed25519 key.
    case wrongLength(source: String, bytes: Int)

    /// E.g. `operator.pub: the key has 31 bytes; a raw Ed25519 key has 32`.
    package var description: String {
        switch self {
        case .unreadable(let source, let reason): return "\(source): cannot read the key: \(reason)"
        case .noKey(let source): return "\(source): no key (only comments or blank lines)"
        case .notBase64(let source): return "\(source): the key is not base64"
        case .wrongLength(let source, let bytes):
            return "\(source): the key has \(bytes) bytes; a raw Ed25519 key has 32"
        }
    }
}

/// How keys are written: the raw 32-byte Ed25519 key (RFC 8032 §5.1.5) as base64 on one line;
/// lines starting with `#` are comments and blank lines are ignored.
enum PolicyKeyText {
    static let rawKeyBytes = 32

    static func decode(_ text: String, source: String) throws(PolicyKeyError) -> Data {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let line = lines.first(where: { !$0.isEmpty && !$0.hasPrefix("#") }) else {
            throw .noKey(source: source)
        }
        guard let bytes = Data(base64Encoded: line) else { throw .notBase64(source: source) }
        guard bytes.count == rawKeyBytes else { throw .wrongLength(source: source, bytes: bytes.count) }
        return bytes
    }

    static func read(path: String) throws(PolicyKeyError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(source: path, reason: "no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(source: path, reason: "not UTF-8 text")
        }
        return text
    }

    static func fileText(comments: [String], base64: String) -> String {
        comments.map { "# " + $0 + "\n" }.joined() + base64 + "\n"
    }
}

/// The operator's public key: the only key a terminal trusts for policy bundles. It comes from
/// the terminal's configuration, as a key file or as the base64 text itself.
package struct PolicyVerificationKey: Sendable, Equatable, CustomStringConvertible {
    /// The raw 32 bytes (swift-crypto's key types are not `Sendable`, so the bytes are kept and
    /// the key is rebuilt for each check; they were checked to be a valid key on creation).
    package let rawBytes: Data

    /// A key from its raw 32 bytes.
    package init(rawBytes: Data, source: String = "key") throws(PolicyKeyError) {
        guard rawBytes.count == PolicyKeyText.rawKeyBytes else {
            throw .wrongLength(source: source, bytes: rawBytes.count)
        }
        do {
            _ = try Curve25519.Signing.PublicKey(rawRepresentation: rawBytes)
        } catch {
            throw .wrongLength(source: source, bytes: rawBytes.count)
        }
        self.rawBytes = rawBytes
    }

    /// A key from the text of a key file (comments allowed) or a bare base64 string.
    package init(text: String, source: String = "key") throws(PolicyKeyError) {
        try self.init(rawBytes: try PolicyKeyText.decode(text, source: source), source: source)
    }

    /// A key from configuration: the path of a key file if one exists there, otherwise the
    /// value itself read as base64.
    package static func load(pathOrBase64 value: String) throws(PolicyKeyError) -> PolicyVerificationKey {
        if FileManager.default.fileExists(atPath: value) {
            return try PolicyVerificationKey(text: try PolicyKeyText.read(path: value), source: value)
        }
        guard Data(base64Encoded: value.trimmingCharacters(in: .whitespaces)) != nil else {
            throw .unreadable(source: value, reason: "neither a key file nor a base64 key")
        }
        return try PolicyVerificationKey(text: value, source: "base64 key")
    }

    /// The raw bytes as base64, the form configuration and key files use.
    package var base64: String { rawBytes.base64EncodedString() }
    /// The first 16 hexadecimal digits of the SHA-256 of the raw key, to name a key in logs.
    package var fingerprint: String {
        hexadecimal(SHA256.hash(data: rawBytes).prefix(8))
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` under this key.
    package func isValidSignature(_ signature: Data, for message: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawBytes) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    /// The text of a `.pub` key file with the given comment lines.
    package func keyFileText(comments: [String]) -> String {
        PolicyKeyText.fileText(comments: comments, base64: base64)
    }

    /// `ed25519 <fingerprint>`.
    package var description: String { "ed25519 \(fingerprint)" }

}

/// An operator's private signing key (Ed25519, RFC 8032), used by `utermd policy sign`. Never
/// on a terminal.
package struct PolicySigningKey: Sendable {
    /// The raw 32 bytes (the RFC 8032 seed).
    package let rawBytes: Data

    /// A new random key.
    package init() { rawBytes = Curve25519.Signing.PrivateKey().rawRepresentation }

    /// A key from its raw 32 bytes (the RFC 8032 seed).
    package init(rawBytes: Data, source: String = "key") throws(PolicyKeyError) {
        guard rawBytes.count == PolicyKeyText.rawKeyBytes else {
            throw .wrongLength(source: source, bytes: rawBytes.count)
        }
        do {
            _ = try Curve25519.Signing.PrivateKey(rawRepresentation: rawBytes)
        } catch {
            throw .wrongLength(source: source, bytes: rawBytes.count)
        }
        self.rawBytes = rawBytes
    }

    /// A key from the text of a key file (comments allowed).
    package init(text: String, source: String = "key") throws(PolicyKeyError) {
        try self.init(rawBytes: try PolicyKeyText.decode(text, source: source), source: source)
    }

    /// Reads a `.key` file.
    package static func load(path: String) throws(PolicyKeyError) -> PolicySigningKey {
        try PolicySigningKey(text: try PolicyKeyText.read(path: path), source: path)
    }

    /// The matching public key.
    package var publicKey: PolicyVerificationKey {
        // The initialisers checked the bytes, so the rebuilt key exists; an empty key (which
        // verifies nothing) would only stand in if they had not.
        let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: rawBytes)
        return PolicyVerificationKey(checkedRawBytes: key?.publicKey.rawRepresentation ?? Data())
    }

    /// The 64-byte Ed25519 signature of `message`.
    package func signature(for message: Data) throws -> Data {
        try Curve25519.Signing.PrivateKey(rawRepresentation: rawBytes).signature(for: message)
    }

    /// The text of a `.key` file with the given comment lines.
    package func keyFileText(comments: [String]) -> String {
        PolicyKeyText.fileText(comments: comments, base64: rawBytes.base64EncodedString())
    }
}

extension PolicyVerificationKey {
    init(checkedRawBytes: Data) { rawBytes = checkedRawBytes }
}

/// Lower-case hexadecimal digits of some bytes.
func hexadecimal(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
}
