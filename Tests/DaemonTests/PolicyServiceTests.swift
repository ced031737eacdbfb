import Audit
import Drivers
import Foundation
import Geofence
import Logging
import TestSupport
import Testing

@testable import Daemon
@testable import Terminal

/// Policy changes at run time: verified, audited before they reach the tick, rejected ones
/// audited and without effect.
@Suite struct PolicyServiceTests {
    static let key = PolicySigningKey()

    static func bundle(version: Int) throws -> Data {
        let text = """
            format: 1
            policy: service-test
            version: \(version)
            issued: 2026-01-01T00:00:00Z
            valid_from: 2026-01-01T00:00:00Z
            valid_until: 2099-01-01T00:00:00Z
            default: allow
            zones:
              - name: harbour v\(version)
                action: noService
                circle: { lat_deg: 10, lon_deg: 20, radius_m: 5000 }

            """
        return try SignedPolicyFile.sign(Data(text.utf8), with: key)
    }

    @Test func acceptedPoliciesAreAuditedThenHandedToTheTick() throws {
        let directory = NSTemporaryDirectory() + "utermd-policy-service-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/audit.log"
        let handoff = AuditHandoff()
        let writer = AuditWriter(log: try AuditLog(path: path), handoff: handoff)
        var keeper = PolicyKeeper(operatorKey: Self.key.publicKey)
        let first = keeper.offer(fileBytes: try Self.bundle(version: 1), source: "v1", at: Date())
        #expect(first.isAccepted)
        let channels = TerminalChannels(elementCount: 4)
        let service = try PolicyService(
            keeper: keeper, startUpUpdate: first, audit: writer, channels: channels,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), monotonicNanoseconds: 1)
        // From now on the writer thread runs, as in the daemon; a transmit decision comes first.
        writer.start(idleWakeNanoseconds: 5_000_000)
        defer { writer.stop() }
        handoff.submit(DriverAuditRecord(.transmitOn(decision: 1), monotonicNanoseconds: 1, utc: nil))
        // The tick's hand-off moves a record to the writer with a try-lock, retried at the next
        // tick (`refresh`, every tick through the interlock). This test has no tick: once the
        // try-lock misses (the writer thread holding the lock, as it did under ThreadSanitizer's
        // slowdown), the record would wait forever. As the daemon's tick would within a
        // millisecond, move it now.
        handoff.flushOutbox()
        #expect(channels.policies.takeIfPresent() == nil, "the start-up policy is the assembly's")
        #expect(service.statusPolicy?.policy.version == 1)
        #expect(service.statusPolicy?.ruleNames == ["harbour v1"])

        let accepted = service.offer(bytes: try Self.bundle(version: 2), source: "POST /policy", monotonicNanoseconds: 2)
        guard case .success(let update) = accepted else { throw TestFailure("audit failed") }
        #expect(update.isAccepted)
        let deposited = try #require(channels.policies.takeIfPresent())
        #expect(deposited.policy.rules.map(\.zone.name) == ["harbour v2"])
        #expect(deposited.validUntilUnixNanoseconds == 4_070_908_800_000_000_000)
        #expect(PolicyService.outcome(accepted).status == 200)

        let rollback = service.offer(bytes: try Self.bundle(version: 1), source: "POST /policy", monotonicNanoseconds: 3)
        #expect(PolicyService.outcome(rollback).status == 422)
        #expect(channels.policies.takeIfPresent() == nil, "a rejected policy never reaches the tick")
        #expect(service.inForce?.header.version == 2)
        let garbage = service.offer(bytes: Data("not a bundle".utf8), source: "POST /policy", monotonicNanoseconds: 4)
        #expect(PolicyService.outcome(garbage).status == 422)

        let file = directory + "/v2.yaml"
        try Self.bundle(version: 2).write(to: URL(fileURLWithPath: file))
        #expect(service.offer(path: file, monotonicNanoseconds: 5) == nil, "the policy in force again: nothing to do")

        let entries = try AuditLog.read(path: path).entries
        #expect(entries.map(\.event) == ["accepted", "on", "accepted", "rejected", "rejected"])
        #expect(entries.map(\.kind) == [.policy, .transmit, .policy, .policy, .policy], "one log, in order")
        #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(entries.filter { $0.kind == .policy }.map(\.monotonicNanoseconds) == [1, 2, 3, 4])
        #expect(entries[2].details["version"] == "2")
    }
}
