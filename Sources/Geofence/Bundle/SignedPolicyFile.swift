import Crypto
import Foundation

/// Why the signature of a policy file is missing or wrong.
package enum PolicySignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no `# utermd-signature:` line.
    case unsigned
    /// The signature line is not where or what it must be; the text says what is wrong.
    case malformedSignatureLine(String)
    /// The signature does not verify with the key over the bytes before the signature line
    /// (changed bytes, a signature taken from another file, or another key).
    case badSignature

    /// A sentence for logs.
    package var description: String {
        switch self {
        case .unsigned: return "the file is not signed (no \"# utermd-signature:\" line)"
        case .malformedSignatureLine(let problem): return "malformed signature line: \(problem)"
        case .badSignature: return "the signature does not verify with the operator key"
        }
    }
}

/// A signed policy file: the policy's YAML bytes, then a last line
/// `# utermd-signature: ed25519 <base64 of the 64-byte signature>` (a YAML comment, so the
/// file stays readable YAML). The Ed25519 signature (RFC 8032) covers exactly every byte
/// before that line, its final newline included; nothing but one newline may follow it.
package struct SignedPolicyFile: Sendable, Equatable {
    /// The start of every signature line, up to the algorithm's name.
    package static let signatureMarker = "# utermd-signature:"
    /// The one algorithm: Ed25519.
    package static let algorithm = "ed25519"
    /// Bytes of an Ed25519 signature.
    package static let signatureBytes = 64

    /// Every byte before the signature line: what the signature covers.
    package let signedBytes: Data
    /// The 64-byte signature.
    package let signature: Data

    /// Splits a file into signed bytes and signature; nothing is verified yet.
    /// - Throws: ``PolicySignatureError/unsigned`` or ``PolicySignatureError/malformedSignatureLine(_:)``.
    package init(fileBytes: Data) throws(PolicySignatureError) {
        let bytes = [UInt8](fileBytes)
        let (lineStart, line) = Self.lastLine(of: bytes)
        guard Self.isSignatureLine(line) else {
            if let number = Self.signatureLineNumber(in: bytes) {
                throw .malformedSignatureLine("the signature must be the last line, but it is line \(number)")
            }
            throw .unsigned
        }
        var text = String(decoding: line, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        let fields = text.dropFirst(Self.signatureMarker.count).split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 2 else {
            throw .malformedSignatureLine("expected \"\(Self.signatureMarker) \(Self.algorithm) <base64 signature>\"")
        }
        guard fields[0] == Self.algorithm else {
            throw .malformedSignatureLine("unknown algorithm \"\(fields[0])\" (only \(Self.algorithm))")
        }
        guard let signature = Data(base64Encoded: String(fields[1])) else {
            throw .malformedSignatureLine("the signature is not base64")
        }
        guard signature.count == Self.signatureBytes else {
            throw .malformedSignatureLine("the signature has \(signature.count) bytes, not \(Self.signatureBytes)")
        }
        signedBytes = Data(bytes[..<lineStart])
        self.signature = signature
    }

    /// Checks the signature over ``signedBytes`` with `key`.
    /// - Throws: ``PolicySignatureError/badSignature``.
    package func verify(with key: PolicyVerificationKey) throws(PolicySignatureError) {
        guard key.isValidSignature(signature, for: signedBytes) else { throw .badSignature }
    }

    /// The SHA-256 of ``signedBytes`` in hexadecimal: names the exact policy content in logs
    /// and audit records.
    package var contentSHA256: String { Self.sha256(signedBytes) }

    /// The file's bytes without a final signature line (the file itself when it has none).
    package static func unsignedContent(of fileBytes: Data) -> Data {
        let bytes = [UInt8](fileBytes)
        let (lineStart, line) = lastLine(of: bytes)
        return isSignatureLine(line) ? Data(bytes[..<lineStart]) : fileBytes
    }

    /// Signs a policy file: drops an existing final signature line, ends the content with a
    /// newline if it lacks one, and appends the signature line over exactly that content.
    package static func sign(_ fileBytes: Data, with key: PolicySigningKey) throws -> Data {
        var content = unsignedContent(of: fileBytes)
        if let last = content.last, last != UInt8(ascii: "\n") { content.append(UInt8(ascii: "\n")) }
        let signature = try key.signature(for: content)
        let line = "\(signatureMarker) \(algorithm) \(signature.base64EncodedString())\n"
        return content + Data(line.utf8)
    }

    /// Hexadecimal SHA-256 of some bytes.
    package static func sha256(_ bytes: Data) -> String { hexadecimal(SHA256.hash(data: bytes)) }

    /// The last line, without the file's final newline, and the offset where it starts.
    private static func lastLine(of bytes: [UInt8]) -> (start: Int, line: ArraySlice<UInt8>) {
        var end = bytes.count
        if end > 0 && bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        var start = end
        while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return (start, bytes[start..<end])
    }

    private static func isSignatureLine(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: signatureMarker.utf8)
    }

    /// 1-based number of the first line that starts like a signature line, if any.
    private static func signatureLineNumber(in bytes: [UInt8]) -> Int? {
        var number = 1
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if isSignatureLine(bytes[start..<end]) { return number }
            number += 1
            start = end + 1
        }
        return nil
    }
}
