import Foundation
import Testing

/// The service rules in the running daemon: a configured plan judged in `/status`, the
/// metrics and the audit log; damaged day counters refuse the start.
@Suite(.serialized) struct ServiceRulesRunTests {
    /// Zürich (the test daemon's fixed position) is beyond 12 nm of the example policy's only
    /// region (Uruguay): on the `residential` plan (no ocean) that is IN_OCEAN.
    @Test func aPlansRefusalReachesStatusMetricsAndTheAuditLog() throws {
        let daemon = try RunSupport.Daemon(extra: "service: { plan: residential, constellations: [starlink] }")
        try daemon.start()
        _ = daemon.notify.receive(until: "READY=1", within: 30)
        var service: [String: Any] = [:]
        let deadline = Date(timeIntervalSinceNow: 20)
        repeat {
            usleep(200_000)
            service = try daemon.status()["service"] as? [String: Any] ?? [:]
        } while service["disablement_code"] as? String != "IN_OCEAN" && Date() < deadline
        #expect(service["disablement_code"] as? String == "IN_OCEAN", "\(service)")
        #expect(service["place"] as? String == "ocean")
        #expect(service["plan"] as? String == "residential")
        #expect(service["permitted_constellations"] as? [String] == [])
        let status = try daemon.status()
        #expect(status["transmit_enabled"] as? Bool == false)
        #expect((status["unmet_transmit_conditions"] as? [String] ?? []).contains("service_rules_met"))
        let metrics = try RunSupport.http(port: daemon.statusPort, "GET", "/metrics").body
        #expect(metrics.contains("utermd_service_disablement_code{code=\"IN_OCEAN\"} 1"), "\(metrics.prefix(400))")
        #expect(metrics.contains("utermd_service_disablement_code{code=\"OKAY\"} 0"))
        #expect(metrics.contains("utermd_service_constellation_permitted{constellation=\"starlink\"} 0"))
        daemon.signal(SIGTERM)
        let exit = daemon.waitForExit()
        #expect(exit.status == 0, "\(exit.log)")
        let audit = try String(contentsOfFile: daemon.auditPath, encoding: .utf8)
        #expect(audit.contains("\"kind\":\"service\""), "the decision is audited")
        #expect(audit.contains("\"code\":\"IN_OCEAN\""))
        #expect(exit.log.contains("service plan residential (in the policy)"), "\(exit.log)")
    }

    @Test func damagedDayCountersRefuseTheStart() throws {
        let daemon = try RunSupport.Daemon()
        let counters = daemon.auditPath + ".service-days"
        try FileManager.default.createDirectory(
            atPath: (counters as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "utermd service days 1\nlast_observed_day: 2026-08-23\n".write(toFile: counters, atomically: true, encoding: .utf8)
        try daemon.start()
        let exit = daemon.waitForExit(seconds: 30)
        #expect(exit.status != 0)
        #expect(exit.log.contains("service day counters: \(counters): expected 8 lines"), "\(exit.log)")
    }
}
