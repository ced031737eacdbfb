import Audit
import Foundation
import Geofence
import Terminal
import Testing

/// Bundles offered to a terminal's ``PolicyKeeper``: each rejection has its typed reason, a log
/// line and an audit record, and the policy in force stays in force.
@Suite struct PolicyKeeperTests {
    static let key = PolicySigningKey()
    static let now = ISO8601UTC.parse("2026-09-01T12:00:00Z")

    static func policy(
        version: Int, from: String = "2026-01-01T00:00:00Z", until: String = "2030-01-01T00:00:00Z",
        action: String = "noService"
    ) -> Data {
        Data(
            """
            format: 1
            policy: keeper-test
            version: \(version)
            issued: 2026-01-01T00:00:00Z
            valid_from: \(from)
            valid_until: \(until)
            default: allow
            zones:
              - name: harbour v\(version)
                action: \(action)
                circle: { lat_deg: 10, lon_deg: 20, radius_m: 5000 }

            """.utf8)
    }

    static func signed(_ content: Data, with key: PolicySigningKey = key) throws -> Data {
        try SignedPolicyFile.sign(content, with: key)
    }

    /// A keeper with version 2 in force.
    static func keeperWithVersion2() throws -> PolicyKeeper {
        var keeper = PolicyKeeper(operatorKey: key.publicKey)
        let update = keeper.offer(fileBytes: try signed(policy(version: 2)), source: "v2.yaml", at: now)
        #expect(update.isAccepted, "\(update.logLine)")
        return keeper
    }

    @Test func acceptanceInstallsThePolicyAndIsAudited() throws {
        var keeper = try Self.keeperWithVersion2()
        let update = keeper.offer(fileBytes: try Self.signed(Self.policy(version: 3)), source: "v3.yaml", at: Self.now)
        #expect(update.isAccepted)
        #expect(keeper.inForce?.header.version == 3)
        #expect(update.newGeofencePolicy?.rules.first?.zone.name == "harbour v3")
        #expect(update.logLine.hasPrefix("policy accepted: v3.yaml: \"keeper-test\" version 3"))
        #expect(update.logLine.hasSuffix("replaces version 2"))
        let entry = update.auditEntry(monotonicNanoseconds: 42)
        #expect(entry.kind == .policy)
        #expect(entry.event == "accepted")
        #expect(entry.utc == "2026-09-01T12:00:00Z")
        #expect(entry.monotonicNanoseconds == 42)
        #expect(entry.details["version"] == "3")
        #expect(entry.details["previousVersion"] == "2")
        #expect(entry.details["sha256"] == SignedPolicyFile.sha256(Self.policy(version: 3)))
        #expect(entry.details["operatorKey"] == Self.key.publicKey.fingerprint)
        #expect(keeper.isInForceValid(at: Self.now))
        #expect(!keeper.isInForceValid(at: nil))
        #expect(!keeper.isInForceValid(at: ISO8601UTC.parse("2030-01-01T00:00:01Z")))
        // The evaluator takes the new policy from the next decision.
        var evaluator = GeofenceEvaluator(policy: GeofencePolicy(rules: [], defaultAction: .noService))
        evaluator.replacePolicy(try #require(update.newGeofencePolicy))
        evaluator.update(
            fix: PositionFix(
                coordinate: GeodeticCoordinate(latitudeDegrees: 10, longitudeDegrees: 20), horizontalUncertaintyMetres: 5,
                monotonicTime: .seconds(1)))
        #expect(evaluator.decide(at: .seconds(1)).zoneName == "harbour v3")
    }

    struct Offer: Sendable, CustomTestStringConvertible {
        var label: String
        var code: String
        var testDescription: String { label }
    }

    static let offers: [Offer] = [
        Offer(label: "unsigned", code: "unsigned"),
        Offer(label: "tampered (one byte changed)", code: "badSignature"),
        Offer(label: "valid signature over different bytes", code: "badSignature"),
        Offer(label: "signed by another key", code: "badSignature"),
        Offer(label: "signature line not last", code: "malformedSignatureLine"),
        Offer(label: "expired", code: "expired"),
        Offer(label: "not yet valid", code: "notYetValid"),
        Offer(label: "rolled back (version 1)", code: "rollback"),
        Offer(label: "equal version (2)", code: "alreadyInForce"),
        Offer(label: "signed, not a policy", code: "unreadablePolicy"),
    ]

    static func bytes(for offer: Offer) throws -> Data {
        let v3 = policy(version: 3)
        switch offer.label {
        case "unsigned": return v3
        case "tampered (one byte changed)":
            var bytes = try signed(v3)
            let offset = try #require(String(decoding: bytes, as: UTF8.self).range(of: "radius_m: 5000")).upperBound
                .utf16Offset(in: String(decoding: bytes, as: UTF8.self))
            bytes[offset - 1] = UInt8(ascii: "1")  // radius 5000 → 5001
            return bytes
        case "valid signature over different bytes":
            // The genuine signature line of version 3, moved onto a version-4 file.
            let line = String(decoding: try signed(v3), as: UTF8.self).split(separator: "\n").last ?? ""
            return policy(version: 4, action: "allow") + Data((line + "\n").utf8)
        case "signed by another key": return try signed(v3, with: PolicySigningKey())
        case "signature line not last": return try signed(v3) + Data("# trailing comment\n".utf8)
        case "expired": return try signed(policy(version: 3, from: "2025-01-01T00:00:00Z", until: "2026-08-31T00:00:00Z"))
        case "not yet valid": return try signed(policy(version: 3, from: "2026-10-01T00:00:00Z"))
        case "rolled back (version 1)": return try signed(policy(version: 1))
        case "equal version (2)": return try signed(policy(version: 2, action: "allow"))
        default: return try signed(Data("format: 1\npolicy: broken\n".utf8))
        }
    }

    @Test(arguments: offers)
    func rejectedBundlesLeaveThePolicyInForce(_ offer: Offer) throws {
        var keeper = try Self.keeperWithVersion2()
        let before = try #require(keeper.inForce)
        let update = keeper.offer(fileBytes: try Self.bytes(for: offer), source: "offered.yaml", at: Self.now)
        let rejection = try #require(update.rejection, "accepted: \(update.logLine)")
        #expect(rejection.code == offer.code, "\(rejection)")
        #expect(update.newGeofencePolicy == nil)
        #expect(keeper.inForce?.header == before.header)
        #expect(keeper.inForce?.contentSHA256 == before.contentSHA256)
        #expect(keeper.inForce?.geofencePolicy.rules.first?.zone.name == "harbour v2")
        #expect(update.inForceAfter?.version == 2)
        #expect(update.logLine.hasPrefix("policy rejected: offered.yaml: "))
        #expect(update.logLine.hasSuffix("; keeping \"keeper-test\" version 2 in force"))
        let entry = update.auditEntry()
        #expect(entry.kind == .policy)
        #expect(entry.event == "rejected")
        #expect(entry.details["code"] == offer.code)
        #expect(entry.details["inForceVersion"] == "2")
        #expect(entry.reason == rejection.description)
    }

    @Test func auditRecordsOfUpdatesSurviveInTheLog() throws {
        let path = NSTemporaryDirectory() + "utermd-policy-audit-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try AuditLog(path: path)
        var keeper = PolicyKeeper(operatorKey: Self.key.publicKey)
        for bytes in [
            try Self.signed(Self.policy(version: 2)), try Self.signed(Self.policy(version: 1)), Self.policy(version: 5),
        ] {
            try log.append(keeper.offer(fileBytes: bytes, source: "bundle", at: Self.now).auditEntry())
        }
        let entries = try AuditLog.read(path: path).entries
        #expect(entries.map(\.event) == ["accepted", "rejected", "rejected"])
        #expect(entries.map { $0.details["code"] } == [nil, "rollback", "unsigned"])
        #expect(entries.allSatisfy { $0.kind == .policy })
    }

    @Test func withoutUTCOrFileNothingGoesInForce() throws {
        var keeper = PolicyKeeper(operatorKey: Self.key.publicKey)
        let noTime = keeper.offer(fileBytes: try Self.signed(Self.policy(version: 2)), source: "v2.yaml", at: nil)
        #expect(noTime.rejection == .utcUnknown)
        #expect(noTime.logLine.hasSuffix("no policy in force (transmission stays inhibited)"))
        #expect(noTime.auditEntry().utc == nil)
        let missing = keeper.offer(path: "/no/such/policy.yaml", at: Self.now)
        #expect(missing.rejection?.code == "fileUnreadable")
        #expect(keeper.inForce == nil)
    }
}
