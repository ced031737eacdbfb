import Foundation
import Testing

/// `utermd simulate` as a user runs it: embedded defaults, --until, --json, --report.
@Suite struct SimulateCommandTests {
    @Test func cutShortRunOnTheDefaultsWritesJSONAndAReport() throws {
        let report = NSTemporaryDirectory() + "utermd-report-\(UUID().uuidString)"
        let run = try CommandLineTests.utermd("simulate", "--until", "+5s", "--json", "--report", report)
        // Issue 14: nothing judged is not a pass: its own status, and `"passed": null`.
        #expect(run.status == 3, "\(run.errors)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(summary.keys.contains("passed") && summary["passed"] is NSNull, "\(summary["passed"] ?? "absent")")
        #expect(summary["scenario"] as? String == "ningbo-port-call")
        #expect(summary["cutShortAtSeconds"] as? Double == 5)
        #expect((summary["simulatedSeconds"] as? Double ?? 0) > 4.9)
        #expect((summary["verdicts"] as? [Any])?.isEmpty == true)
        let page = try String(contentsOfFile: report + "/index.html", encoding: .utf8)
        #expect(page.contains("<svg"))
        #expect(page.contains("China"))
    }

    @Test func aCutShortRunSaysNotJudged() throws {
        let run = try CommandLineTests.utermd("simulate", "--until", "+2s")
        #expect(run.status == 3, "\(run.errors)")
        #expect(run.output.hasSuffix("NOT JUDGED\n"), "\(run.output.suffix(200))")
        #expect(!run.output.contains("PASSED"))
    }

    @Test func untilIsParsed() throws {
        let run = try CommandLineTests.utermd("simulate", "--until", "soon")
        #expect(run.status != 0)
        #expect(run.errors.contains("--until"))
    }
}

/// Issue 14: the live status line (drawn on a terminal only) ends at 100 % with the time
/// taken, and shows an ETA on the way. util-linux `script` gives the run a terminal.
@Suite struct SimulateStatusLineTests {
    static let script = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: script != nil, "util-linux `script` (a pseudo-terminal for the run) is not installed"))
    func theStatusLineEndsAtOneHundredPercent() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script ?? "/usr/bin/script")
        process.arguments = ["-qec", "\(CommandLineTests.executable.path) simulate --until +30s", "/dev/null"]
        process.currentDirectoryURL = CommandLineTests.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let updates = text.split(separator: "\r").filter { $0.hasPrefix("[") }
        let last = try #require(updates.last, "no status line in \(text.prefix(300))")
        #expect(last.contains("100%"), "\(last)")
        #expect(last.contains("done "), "\(last)")
        #expect(updates.dropLast().contains { $0.contains("ETA ") }, "\(updates)")
    }
}
