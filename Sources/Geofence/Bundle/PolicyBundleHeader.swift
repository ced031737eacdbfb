import Foundation

/// What the gate needs to know of a policy besides its zones: identity, version and validity.
package struct PolicyBundleHeader: Sendable, Equatable {
    /// The policy's name (`policy:`), e.g. `example-public-reports`.
    package var name: String
    /// Monotonically increasing version (`version:`); a terminal takes only a newer one.
    package var version: Int
    /// When the operator issued it (`issued:`).
    package var issued: Date
    /// Start of validity, inclusive (`valid_from:`).
    package var validFrom: Date
    /// End of validity, inclusive (`valid_until:`); after it the policy is expired.
    package var validUntil: Date
    /// Whether the file says it is an example (`example: true`), not a real operator policy.
    package var isExample: Bool

    /// Creates a header.
    package init(name: String, version: Int, issued: Date, validFrom: Date, validUntil: Date, isExample: Bool) {
        self.name = name
        self.version = version
        self.issued = issued
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.isExample = isExample
    }

    /// Whether `now` lies in [validFrom, validUntil].
    package func isValid(at now: Date) -> Bool { now >= validFrom && now <= validUntil }

    /// `"example-public-reports" version 1 (valid 2026-01-01T00:00:00Z to 2031-01-01T00:00:00Z)`.
    package var summary: String {
        "\"\(name)\" version \(version) (valid \(ISO8601UTC.format(validFrom)) to \(ISO8601UTC.format(validUntil)))"
            + (isExample ? ", EXAMPLE" : "")
    }
}

/// Why a policy bundle was not put in force. The policy in force stays in force.
package enum PolicyRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bundle's file could not be read at all.
    case fileUnreadable(String)
    /// No signature line.
    case unsigned
    /// The signature line is misplaced or malformed.
    case malformedSignatureLine(String)
    /// The signature does not verify with the operator key over these bytes.
    case badSignature
    /// Signed correctly, but the content is not a policy this firmware reads.
    case unreadablePolicy(String)
    /// UTC is not known yet, so validity cannot be checked (safety invariant 5).
    case utcUnknown
    /// Before its `valid_from`.
    case notYetValid(validFrom: Date, now: Date)
    /// After its `valid_until`.
    case expired(validUntil: Date, now: Date)
    /// The same version is already in force.
    case alreadyInForce(version: Int)
    /// Older than the version in force: a rollback.
    case rollback(offeredVersion: Int, versionInForce: Int)

    /// A stable camel-case name for logs and audit records (`badSignature`, `rollback`, …).
    package var code: String {
        switch self {
        case .fileUnreadable: return "fileUnreadable"
        case .unsigned: return "unsigned"
        case .malformedSignatureLine: return "malformedSignatureLine"
        case .badSignature: return "badSignature"
        case .unreadablePolicy: return "unreadablePolicy"
        case .utcUnknown: return "utcUnknown"
        case .notYetValid: return "notYetValid"
        case .expired: return "expired"
        case .alreadyInForce: return "alreadyInForce"
        case .rollback: return "rollback"
        }
    }

    /// A sentence for the log line.
    package var description: String {
        switch self {
        case .fileUnreadable(let problem): return "cannot read the file: \(problem)"
        case .unsigned: return PolicySignatureError.unsigned.description
        case .malformedSignatureLine(let problem): return PolicySignatureError.malformedSignatureLine(problem).description
        case .badSignature: return PolicySignatureError.badSignature.description
        case .unreadablePolicy(let problem): return "signed, but not a readable policy: \(problem)"
        case .utcUnknown: return "UTC is not known yet, so the validity period cannot be checked"
        case .notYetValid(let from, let now):
            return "not valid yet: valid from \(ISO8601UTC.format(from)), now \(ISO8601UTC.format(now))"
        case .expired(let until, let now):
            return "expired: valid until \(ISO8601UTC.format(until)), now \(ISO8601UTC.format(now))"
        case .alreadyInForce(let version): return "version \(version) is already in force"
        case .rollback(let offered, let inForce):
            return "rollback refused: version \(offered) is older than version \(inForce) in force"
        }
    }

    init(_ error: PolicySignatureError) {
        switch error {
        case .unsigned: self = .unsigned
        case .malformedSignatureLine(let problem): self = .malformedSignatureLine(problem)
        case .badSignature: self = .badSignature
        }
    }
}
