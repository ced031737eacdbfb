import Foundation
import Geofence
import Testing

/// The signed envelope, keys and the gate, on small synthetic policies (the reader here is a
/// stand-in: `name version validFrom validUntil` on one line; the YAML format is tested in
/// TerminalTests).
@Suite struct BundleTests {
    static let key = PolicySigningKey()
    static let operatorKey = key.publicKey
    static let now = ISO8601UTC.parse("2026-09-01T12:00:00Z") ?? Date()

    static func content(version: Int, from: String = "2026-01-01T00:00:00Z", until: String = "2030-01-01T00:00:00Z")
        -> Data
    {
        Data("# a policy\nexample \(version) \(from) \(until)\n".utf8)
    }

    static func signed(_ content: Data, with key: PolicySigningKey = key) throws -> Data {
        try SignedPolicyFile.sign(content, with: key)
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "not a policy" }
    }

    /// The stand-in reader: the last line's four fields.
    static func read(_ bytes: Data) throws -> (header: PolicyBundleHeader, content: String) {
        let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").last ?? ""
        let fields = line.split(separator: " ").map(String.init)
        guard fields.count == 4, let version = Int(fields[1]), let from = ISO8601UTC.parse(fields[2]),
            let until = ISO8601UTC.parse(fields[3])
        else { throw Unreadable() }
        let header = PolicyBundleHeader(
            name: fields[0], version: version, issued: from, validFrom: from, validUntil: until, isExample: true)
        return (header, String(line))
    }

    func admit(_ bytes: Data, inForce: Int? = nil, at now: Date? = BundleTests.now) -> PolicyAdmission<String> {
        PolicyBundleGate(operatorKey: Self.operatorKey).admit(
            fileBytes: bytes, versionInForce: inForce, at: now, reading: Self.read)
    }

    func rejection(_ admission: PolicyAdmission<String>) -> PolicyRejection? {
        if case .rejected(let rejection, _, _) = admission { return rejection }
        return nil
    }

    @Test func signedFileEndsWithOneSignatureLineOverEveryByteBeforeIt() throws {
        let content = Self.content(version: 1)
        let file = try Self.signed(content)
        let text = String(decoding: file, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty, "content lines, signature line, final newline")
        #expect(lines[2].hasPrefix("# utermd-signature: ed25519 "))
        let envelope = try SignedPolicyFile(fileBytes: file)
        #expect(envelope.signedBytes == content)
        #expect(envelope.signature.count == 64)
        try envelope.verify(with: Self.operatorKey)
        #expect(envelope.contentSHA256.count == 64)
        // Re-signing replaces the line rather than signing it.
        #expect(try Self.signed(file) == file)
        #expect(SignedPolicyFile.unsignedContent(of: file) == content)
        // A content without a final newline gets one before the signature line.
        let bare = Data("example 1".utf8)
        #expect(try SignedPolicyFile(fileBytes: try Self.signed(bare)).signedBytes == Data("example 1\n".utf8))
    }

    @Test func acceptsAValidNewerBundle() throws {
        let admission = admit(try Self.signed(Self.content(version: 3)), inForce: 2)
        guard case .accepted(let header, let content, let digest) = admission else {
            Issue.record("rejected: \(String(describing: rejection(admission)))")
            return
        }
        #expect(header.version == 3)
        #expect(content.hasPrefix("example 3"))
        #expect(digest == SignedPolicyFile.sha256(Self.content(version: 3)))
        #expect(rejection(admit(try Self.signed(Self.content(version: 1)), inForce: nil)) == nil)
    }

    @Test func unsignedAndMalformedSignatureLines() throws {
        #expect(rejection(admit(Self.content(version: 2))) == .unsigned)
        let signed = try Self.signed(Self.content(version: 2))
        let text = String(decoding: signed, as: UTF8.self)
        let cases: [(String, String)] = [
            (text.replacingOccurrences(of: "ed25519 ", with: "rsa "), "unknown algorithm"),
            (text.replacingOccurrences(of: "ed25519 ", with: "ed25519 !!"), "not base64"),
            (text.replacingOccurrences(of: "ed25519 ", with: "ed25519 AAAA"), "bytes, not 64"),
            (text + "\n", "must be the last line"),
            (text + "extra: 1\n", "must be the last line"),
            (text.replacingOccurrences(of: "ed25519 ", with: ""), "expected"),
        ]
        for (file, problem) in cases {
            let result = rejection(admit(Data(file.utf8)))
            guard case .malformedSignatureLine(let message) = result else {
                Issue.record("\(problem): got \(String(describing: result))")
                continue
            }
            #expect(message.contains(problem), "\(message)")
        }
    }

    @Test func everySingleByteChangeIsABadSignature() throws {
        let content = Self.content(version: 2)
        let signed = try Self.signed(content)
        for offset in 0..<content.count {
            var tampered = signed
            tampered[offset] ^= 0x01
            // Changing the newline before the signature line joins the two: no signature line.
            let expected: PolicyRejection = offset == content.count - 1 ? .unsigned : .badSignature
            #expect(rejection(admit(tampered)) == expected, "byte \(offset)")
        }
    }

    @Test func aValidSignatureOverDifferentBytesIsRejected() throws {
        // The signature line of one genuinely signed file moved onto another file's content.
        let original = try Self.signed(Self.content(version: 2))
        let line = String(decoding: original, as: UTF8.self).split(separator: "\n").last ?? ""
        let other = Self.content(version: 9)
        #expect(rejection(admit(other + Data((line + "\n").utf8))) == .badSignature)
        // And a file signed by another key.
        #expect(rejection(admit(try Self.signed(other, with: PolicySigningKey()))) == .badSignature)
    }

    /// Operators write "valid until 9999" for "no end". Such a policy crashed `utermd policy
    /// sign` and the daemon (arithmetic overflow turning the date into Int64 nanoseconds); now
    /// its summary says 9999 and the tick sees the end as Int64's, in 2262.
    @Test func aPolicyValidUntil9999IsReadNotACrash() throws {
        let until = try #require(ISO8601UTC.parse("9999-12-31T00:00:00Z"))
        let header = PolicyBundleHeader(
            name: "no-end", version: 1, issued: Date(timeIntervalSince1970: 0), validFrom: Date(timeIntervalSince1970: 0),
            validUntil: until, isExample: false)
        #expect(header.summary.contains("to 9999-12-31T00:00:00Z"))
        #expect(until.unixNanosecondsClamped == .max)
        #expect(Date(timeIntervalSince1970: -1e12).unixNanosecondsClamped == .min)
        #expect(Date(timeIntervalSince1970: 1.5).unixNanosecondsClamped == 1_500_000_000)
    }

    @Test func validityAndVersionRules() throws {
        let expired = try Self.signed(Self.content(version: 5, from: "2020-01-01T00:00:00Z", until: "2026-09-01T11:59:59Z"))
        #expect(
            rejection(admit(expired))
                == .expired(validUntil: try #require(ISO8601UTC.parse("2026-09-01T11:59:59Z")), now: Self.now))
        let future = try Self.signed(Self.content(version: 5, from: "2026-09-01T12:00:01Z"))
        guard case .notYetValid = rejection(admit(future)) else {
            Issue.record("not-yet-valid bundle accepted")
            return
        }
        // The bounds themselves are inside.
        let edges = try Self.signed(Self.content(version: 5, from: "2026-09-01T12:00:00Z", until: "2026-09-01T12:00:00Z"))
        #expect(rejection(admit(edges)) == nil)
        let five = try Self.signed(Self.content(version: 5))
        #expect(rejection(admit(five, inForce: 5)) == .alreadyInForce(version: 5))
        #expect(rejection(admit(five, inForce: 6)) == .rollback(offeredVersion: 5, versionInForce: 6))
        #expect(rejection(admit(five, at: nil)) == .utcUnknown)
        // Signature first: an expired and tampered bundle is reported as tampered.
        var tampered = expired
        tampered[3] ^= 0x20
        #expect(rejection(admit(tampered)) == .badSignature)
    }

    @Test func signedButUnreadableContent() throws {
        let admission = admit(try Self.signed(Data("not a policy\n".utf8)))
        guard case .rejected(.unreadablePolicy(let message), nil, let digest?) = admission else {
            Issue.record("\(admission)")
            return
        }
        #expect(message == "not a policy")
        #expect(digest.count == 64)
    }

    @Test func keysRoundTripThroughTheirFiles() throws {
        let key = PolicySigningKey()
        let privateText = key.keyFileText(comments: ["secret"])
        let publicText = key.publicKey.keyFileText(comments: ["public", "second comment"])
        #expect(privateText.hasPrefix("# secret\n"))
        let reread = try PolicySigningKey(text: privateText)
        #expect(reread.rawBytes == key.rawBytes)
        #expect(try PolicyVerificationKey(text: publicText) == key.publicKey)
        #expect(try PolicyVerificationKey.load(pathOrBase64: key.publicKey.base64) == key.publicKey)
        #expect(key.publicKey.fingerprint.count == 16)
        #expect(throws: PolicyKeyError.noKey(source: "k")) { try PolicyVerificationKey(text: "# only\n\n", source: "k") }
        #expect(throws: PolicyKeyError.notBase64(source: "k")) { try PolicyVerificationKey(text: "###\n@@@", source: "k") }
        #expect(throws: PolicyKeyError.wrongLength(source: "k", bytes: 3)) {
            try PolicyVerificationKey(text: "AAAA", source: "k")
        }
        #expect(throws: PolicyKeyError.self) { try PolicyVerificationKey.load(pathOrBase64: "/no/such/key.pub") }
    }

    @Test func utcTimestamps() throws {
        let date = try #require(ISO8601UTC.parse("2026-09-01T12:34:56Z"))
        #expect(date.timeIntervalSince1970 == 1_788_266_096)
        #expect(ISO8601UTC.format(date) == "2026-09-01T12:34:56Z")
        #expect(ISO8601UTC.parse("2024-02-29T00:00:00Z") != nil)
        #expect(ISO8601UTC.parse("2026-09-01T12:34:56.250Z")?.timeIntervalSince1970 == 1_788_266_096.25)
        #expect(ISO8601UTC.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        for bad in [
            "2026-09-01T12:34:56", "2026-09-01T12:34:56+02:00", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-09-01 12:34:56Z", "2026-09-01T24:00:00Z", "2026-09-01T12:34:56.Z", "tomorrow",
        ] {
            #expect(ISO8601UTC.parse(bad) == nil, "\(bad)")
        }
    }
}
