import Foundation

/// The outcome of offering a policy bundle to the ``PolicyBundleGate``.
package enum PolicyAdmission<Content> {
    /// Signature, validity and version all check out: put `content` in force.
    case accepted(header: PolicyBundleHeader, content: Content, contentSHA256: String)
    /// Refused for `rejection`; the header is there when the content was read (signature good).
    case rejected(PolicyRejection, header: PolicyBundleHeader?, contentSHA256: String?)
}

extension PolicyAdmission: Sendable where Content: Sendable {}

/// Decides whether a signed policy bundle may replace the policy in force.
///
/// In this order, so that nothing unauthenticated is ever parsed:
/// 1. the signature line is present and well-formed, and the Ed25519 signature over every byte
///    before it verifies with the operator's public key (and no other);
/// 2. the signed content reads as a policy (the reader is the caller's: the file format lives
///    above this module);
/// 3. UTC is known and lies in [valid_from, valid_until];
/// 4. the version is newer than the version in force: an equal version is already in force,
///    an older one is a rollback.
///
/// The gate holds no state; the caller keeps the policy in force and passes its version, and
/// keeps it whenever the answer is ``PolicyAdmission/rejected(_:header:contentSHA256:)``.
package struct PolicyBundleGate: Sendable {
    /// The operator's public key, from configuration.
    package let operatorKey: PolicyVerificationKey

    /// A gate trusting one key.
    package init(operatorKey: PolicyVerificationKey) {
        self.operatorKey = operatorKey
    }

    /// Checks a bundle's bytes.
    /// - Parameters:
    ///   - fileBytes: the whole signed file.
    ///   - versionInForce: the version of the policy in force, nil when none is.
    ///   - now: current UTC, nil while it is not known (then every bundle is refused).
    ///   - read: reads the signed content into a header and the caller's policy value; a
    ///     thrown error's description becomes ``PolicyRejection/unreadablePolicy(_:)``.
    package func admit<Content>(
        fileBytes: Data, versionInForce: Int?, at now: Date?,
        reading read: (Data) throws -> (header: PolicyBundleHeader, content: Content)
    ) -> PolicyAdmission<Content> {
        let file: SignedPolicyFile
        do {
            file = try SignedPolicyFile(fileBytes: fileBytes)
            try file.verify(with: operatorKey)
        } catch {
            return .rejected(PolicyRejection(error), header: nil, contentSHA256: nil)
        }
        let digest = file.contentSHA256
        let header: PolicyBundleHeader
        let content: Content
        do {
            (header, content) = try read(file.signedBytes)
        } catch {
            return .rejected(.unreadablePolicy("\(error)"), header: nil, contentSHA256: digest)
        }
        if let rejection = Self.check(header, versionInForce: versionInForce, at: now) {
            return .rejected(rejection, header: header, contentSHA256: digest)
        }
        return .accepted(header: header, content: content, contentSHA256: digest)
    }

    /// Steps 3 and 4 alone: nil when a correctly signed policy with this header may go in force.
    package static func check(_ header: PolicyBundleHeader, versionInForce: Int?, at now: Date?) -> PolicyRejection? {
        guard let now else { return .utcUnknown }
        if now < header.validFrom { return .notYetValid(validFrom: header.validFrom, now: now) }
        if now > header.validUntil { return .expired(validUntil: header.validUntil, now: now) }
        if let inForce = versionInForce {
            if header.version == inForce { return .alreadyInForce(version: inForce) }
            if header.version < inForce { return .rollback(offeredVersion: header.version, versionInForce: inForce) }
        }
        return nil
    }
}
