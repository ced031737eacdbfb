import Foundation
import Testing

/// Issue 14: `check-config` says "valid" only when `run` would start: it makes the checks
/// `run` makes before starting its services (ports that clash, an audit log that is a
/// directory), with `--json`, and the exit statuses every command uses.
@Suite struct CheckConfigCommandTests {
    static let sim = try? String(
        contentsOfFile: CommandLineTests.repository.appendingPathComponent("Config/sim.yaml").path, encoding: .utf8)

    func write(_ text: String) throws -> String {
        let directory = NSTemporaryDirectory() + "utermd-check-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/utermd.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func simulated(replacing old: String, with new: String) throws -> String {
        let text = try #require(Self.sim)
        #expect(text.contains(old))
        return try write(text.replacingOccurrences(of: old, with: new))
    }

    @Test func theStatusAPIAndRotctldOnOnePortAreRefused() throws {
        let path = try simulated(replacing: "port: 4533", with: "port: 9201")
        let run = try CommandLineTests.utermd("check-config", path)
        #expect(run.status == 1, "\(run.output)")
        #expect(run.errors.contains("rotctld.port") && run.errors.contains("9201"), "\(run.errors)")
        #expect(!run.output.contains("valid configuration"))
    }

    @Test func anAuditLogThatIsADirectoryIsRefused() throws {
        let folder = NSTemporaryDirectory() + "utermd-audit-folder-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = try simulated(replacing: "audit_log: /tmp/utermd-sim/audit.log", with: "audit_log: \(folder)")
        let run = try CommandLineTests.utermd("check-config", path)
        #expect(run.status == 1)
        #expect(run.errors.contains("audit_log") && run.errors.contains("is a directory"), "\(run.errors)")
        // `run` refuses the same configuration with the same words, before starting anything.
        let daemon = try CommandLineTests.utermd("run", "--config", path)
        #expect(daemon.status == 78)
        #expect(daemon.errors.contains("is a directory"), "\(daemon.errors)")
    }

    @Test func jsonReportsValidityProblemsAndSummary() throws {
        let good = try CommandLineTests.utermd("check-config", "Config/sim.yaml", "--json")
        #expect(good.status == 0, "\(good.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(good.output.utf8)) as? [String: Any])
        #expect(report["valid"] as? Bool == true)
        #expect((report["summary"] as? [String])?.isEmpty == false)
        let bad = try CommandLineTests.utermd(
            "check-config", try simulated(replacing: "port: 4533", with: "port: 9201"), "--json")
        #expect(bad.status == 1)
        let badReport = try #require(try JSONSerialization.jsonObject(with: Data(bad.output.utf8)) as? [String: Any])
        #expect(badReport["valid"] as? Bool == false)
        #expect((badReport["problems"] as? [String])?.count == 1)
    }
}
