import Foundation
import Testing

/// `utermd passes` and `utermd schedule` end to end: the documented JSON fields and the sky plot.
@Suite struct HandoverCommandTests {
    static let snapshot = OrbitCommandTests.snapshot

    @Test
    func passesJSONHasTheDocumentedFields() throws {
        let run = try CommandLineTests.utermd(
            "passes", "--elements", Self.snapshot, "--lat", "47.37", "--lon", "8.54", "--from", "2026-08-22T19:00:00Z",
            "--to", "2026-08-22T19:10:00Z", "--min-elevation", "60", "--json")
        #expect(run.status == 0, "\(run.errors)")
        let passes = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        #expect(passes.count > 10)
        for pass in passes {
            for key in ["name", "catalogNumber", "rise", "culmination", "set", "maxElevationDegrees"] {
                #expect(pass[key] != nil, "\(key)")
            }
            #expect((pass["maxElevationDegrees"] as? Double ?? 0) >= 60)
        }
    }

    @Test
    func scheduleJSONHasSlotsSummaryAndASkyPlot() throws {
        let svg = NSTemporaryDirectory() + "utermd-sky-\(UUID().uuidString).svg"
        let run = try CommandLineTests.utermd(
            "schedule", "--elements", Self.snapshot, "--lat", "47.37", "--lon", "8.54", "--from", "2026-08-22T19:00:00Z",
            "--to", "2026-08-22T19:05:00Z", "--policy", "longestVisibility", "--svg", svg, "--json")
        #expect(run.status == 0, "\(run.errors)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let slots = try #require(output["slots"] as? [[String: Any]])
        #expect(slots.count == 20)
        #expect(slots.first?["start"] as? String == "2026-08-22T19:00:12.000Z")
        for slot in slots {
            #expect(slot["catalogNumber"] is Int || slot["outage"] is String)
            if slot["catalogNumber"] is Int {
                #expect((slot["startElevationDegrees"] as? Double ?? 0) >= 25)
            }
        }
        let summary = try #require(output["summary"] as? [String: Any])
        #expect(summary["coverageFraction"] is Double)
        #expect(summary["handovers"] is Int)
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg"))
    }

    @Test func unknownPolicyIsAUsageError() throws {
        let run = try CommandLineTests.utermd(
            "schedule", "--elements", "x.tle", "--lat", "0", "--lon", "0", "--from", "2026-08-22T19:00:00Z",
            "--to", "2026-08-22T19:05:00Z", "--policy", "closest")
        #expect(run.status != 0)
        #expect(run.errors.contains("highestElevation"))
    }
}
