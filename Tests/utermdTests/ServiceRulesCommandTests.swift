import Foundation
import Testing

/// The service rules as a user meets them: `utermd geofence check` with a plan, and the
/// scenarios of `HIL/scenarios` (speeding vehicle, stationary terminal moved 100 km) and
/// `HIL/scenarios/service` (a coastal cruise across a restart) run in the simulator.
@Suite struct ServiceRulesCommandTests {
    func check(_ arguments: [String]) throws -> [String: Any] {
        let (run, json) = try GeofenceCommandTests().check(arguments)
        #expect(run.status == 0, "\(run.errors)")
        return json["service"] as? [String: Any] ?? [:]
    }

    @Test func checkNamesTheCodeAndTheConstellations() throws {
        // Ningbo port: the Chinese ban binds starlink and spares guowang and qianfan.
        let starlink = try check(["--lat", "29.93", "--lon", "121.85"])
        #expect(starlink["disablementCode"] as? String == "BLOCKED_COUNTRY")
        #expect(starlink["permittedConstellations"] as? [String] == [])
        #expect(starlink["zonePermittedConstellations"] as? [String] == ["guowang", "qianfan"])
        let domestic = try check(["--lat", "29.93", "--lon", "121.85", "--constellations", "guowang,starlink"])
        #expect(domestic["disablementCode"] as? String == "OKAY")
        #expect(domestic["permittedConstellations"] as? [String] == ["guowang"])
        // Uruguay (south and west): plans of the example policy.
        let fast = try check(["--lat=-34.6", "--lon=-56.0", "--plan", "roam", "--speed-kmh", "200"])
        #expect(fast["disablementCode"] as? String == "MOVING_TOO_FAST_FOR_POLICY")
        #expect(fast["place"] as? String == "land")
        let legal = try check(["--lat=-34.6", "--lon=-56.0", "--plan", "roam", "--speed-kmh", "120"])
        #expect(legal["disablementCode"] as? String == "OKAY")
        let moved = try check([
            "--lat=-33.9828", "--lon=-56.1819", "--plan", "residential", "--mobility", "stationary", "--address-lat=-34.8836",
            "--address-lon=-56.1819",
        ])
        #expect(moved["disablementCode"] as? String == "TOO_FAR_FROM_SERVICE_ADDRESS")
        #expect(abs((moved["distanceFromServiceAddressMetres"] as? Double ?? 0) - 99_950) < 500)
        let atSea = try check(["--lat=-35.5", "--lon=-55.0", "--plan", "boat"])
        #expect(atSea["disablementCode"] as? String == "IN_OCEAN")
        #expect(atSea["place"] as? String == "ocean")
        let maritime = try check(["--lat=-35.5", "--lon=-55.0", "--plan", "maritime"])
        #expect(maritime["disablementCode"] as? String == "OKAY")
    }

    @Test func anUnknownPlanIsRefused() throws {
        let (run, _) = try GeofenceCommandTests().check(["--lat=-34.6", "--lon=-56.0", "--plan", "platinum"])
        #expect(run.status == 2)
        #expect(run.errors.contains("no plan \"platinum\" (its plans: residential, roam, boat, maritime)"), "\(run.errors)")
    }

    /// Runs `utermd simulate --json` and returns the summary.
    func simulate(_ scenario: String, auditLog: String) throws -> [String: Any] {
        let run = try CommandLineTests.utermd("simulate", "--scenario", scenario, "--audit-log", auditLog, "--json")
        let summary = (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) as? [String: Any] ?? [:]
        #expect(summary["passed"] as? Bool == true, "\(scenario): \(run.output)\n\(run.errors)")
        return summary
    }

    @Test(arguments: [
        ("HIL/scenarios/speeding-vehicle.yaml", "MOVING_TOO_FAST_FOR_POLICY"),
        ("HIL/scenarios/stationary-moved.yaml", "TOO_FAR_FROM_SERVICE_ADDRESS"),
    ])
    func scenarioEndsRefused(_ scenario: String, code: String) throws {
        let audit = NSTemporaryDirectory() + "utermd-rules-\(UUID().uuidString).audit"
        defer {
            try? FileManager.default.removeItem(atPath: audit)
            try? FileManager.default.removeItem(atPath: audit + ".service-days")
        }
        let summary = try simulate(scenario, auditLog: audit)
        #expect(summary["disablementCode"] as? String == code)
        let log = try String(contentsOfFile: audit, encoding: .utf8)
        #expect(log.contains("\"kind\":\"service\""), "the decision is audited")
        #expect(log.contains(code))
        #expect(log.contains("service_rules_met"), "transmit off is audited with the unmet condition")
    }

    @Test func aCoastalCruisePastTheLimitAcrossARestart() throws {
        let audit = NSTemporaryDirectory() + "utermd-cruise-\(UUID().uuidString).audit"
        defer {
            try? FileManager.default.removeItem(atPath: audit)
            try? FileManager.default.removeItem(atPath: audit + ".service-days")
        }
        let day1 = try simulate("HIL/scenarios/service/coastal-cruise-day1.yaml", auditLog: audit)
        #expect(day1["disablementCode"] as? String == "OKAY")
        let counters = try String(contentsOfFile: audit + ".service-days", encoding: .utf8)
        #expect(counters.contains("last_coastal_day: 2026-08-23"))
        // The restarted terminal (a new process) reads the counters back: day 2 in a row.
        let day2 = try simulate("HIL/scenarios/service/coastal-cruise-day2.yaml", auditLog: audit)
        #expect(day2["disablementCode"] as? String == "ROAM_RESTRICTED")
        #expect(try String(contentsOfFile: audit + ".service-days", encoding: .utf8).contains("last_coastal_day: 2026-08-24"))
        let log = try String(contentsOfFile: audit, encoding: .utf8)
        #expect(log.contains("\"consecutiveCoastalDays\":\"2\""))
        // Without the first day's counters the second day alone is not restricted.
        let fresh = NSTemporaryDirectory() + "utermd-cruise-\(UUID().uuidString).audit"
        defer {
            try? FileManager.default.removeItem(atPath: fresh)
            try? FileManager.default.removeItem(atPath: fresh + ".service-days")
        }
        let run = try CommandLineTests.utermd(
            "simulate", "--scenario", "HIL/scenarios/service/coastal-cruise-day2.yaml", "--audit-log", fresh, "--json")
        let alone = (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) as? [String: Any] ?? [:]
        #expect(alone["disablementCode"] as? String == "OKAY")
    }
}
