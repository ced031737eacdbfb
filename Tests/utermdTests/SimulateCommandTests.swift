import Foundation
import Testing

/// `utermd simulate` as a user runs it: embedded defaults, --until, --json, --report.
@Suite struct SimulateCommandTests {
    @Test func cutShortRunOnTheDefaultsWritesJSONAndAReport() throws {
        let report = NSTemporaryDirectory() + "utermd-report-\(UUID().uuidString)"
        let run = try CommandLineTests.utermd("simulate", "--until", "+5s", "--json", "--report", report)
        #expect(run.status == 0, "\(run.errors)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(summary["scenario"] as? String == "ningbo-port-call")
        #expect(summary["cutShortAtSeconds"] as? Double == 5)
        #expect((summary["simulatedSeconds"] as? Double ?? 0) > 4.9)
        #expect((summary["verdicts"] as? [Any])?.isEmpty == true)
        let page = try String(contentsOfFile: report + "/index.html", encoding: .utf8)
        #expect(page.contains("<svg"))
        #expect(page.contains("China"))
    }

    @Test func untilIsParsed() throws {
        let run = try CommandLineTests.utermd("simulate", "--until", "soon")
        #expect(run.status != 0)
        #expect(run.errors.contains("--until"))
    }
}
