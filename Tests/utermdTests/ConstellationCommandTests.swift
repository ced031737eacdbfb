import Foundation
import Testing

/// `utermd schedule` and `passes` with several networks: `--elements NETWORK=FILE`,
/// `NETWORK=embedded`, `--constellation`, and the network printed per slot and per pass.
@Suite struct ConstellationCommandTests {
    static let oneweb = CommandLineTests.repository.appendingPathComponent("Tests/Data/oneweb_celestrak_2026-08-22.tle").path
    static let santiago = ["--lat", "-33.4", "--lon", "-70.6", "--alt-m", "570"]

    @Test func scheduleNamesEachSlotsNetworkAndKeepsToTheSelection() throws {
        let run = try CommandLineTests.utermd(
            ["schedule", "--elements", "oneweb=" + Self.oneweb, "--elements", "kuiper=embedded", "--constellation", "oneweb"]
                + Self.santiago + ["--from", "2026-08-22T19:00:00Z", "--to", "2026-08-22T19:10:00Z", "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let slots = try #require(output["slots"] as? [[String: Any]])
        #expect(slots.count == 40)
        let served = slots.filter { $0["catalogNumber"] is Int }
        #expect(served.count > 20)
        #expect(served.allSatisfy { $0["constellation"] as? String == "oneweb" })
        #expect((output["summary"] as? [String: Any])?["networkSwitches"] as? Int == 0)

        let text = try CommandLineTests.utermd(
            ["schedule", "--elements", "kuiper=embedded", "--constellation", "kuiper"] + Self.santiago
                + ["--from", "2026-08-22T19:00:00Z", "--to", "2026-08-22T19:02:00Z"])
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.contains("kuiper ") && text.output.contains("KUIPER-S"))
    }

    /// A vessel's route: Starlink, then at a fix only OneWeb: one `networkSwitch` slot, right
    /// after the fix, then OneWeb.
    @Test func permitChangesSwitchTheNetworkAtTheFix() throws {
        let run = try CommandLineTests.utermd(
            ["schedule", "--elements", "starlink=embedded", "--elements", "oneweb=" + Self.oneweb] + Self.santiago
                + [
                    "--from", "2026-08-23T00:04:00Z", "--to", "2026-08-23T00:08:00Z", "--permit", "2026-08-23T00:00:00Z=starlink",
                    "--permit", "2026-08-23T00:05:07Z=oneweb", "--json",
                ])
        #expect(run.status == 0, "\(run.errors)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let slots = try #require(output["slots"] as? [[String: Any]])
        let switching = try #require(slots.firstIndex { $0["outage"] as? String == "networkSwitch" })
        #expect(slots[switching]["start"] as? String == "2026-08-23T00:05:12.000Z")
        #expect(slots[switching]["constellation"] as? String == "oneweb")
        #expect(slots[..<switching].allSatisfy { $0["constellation"] as? String == "starlink" })
        #expect(slots[switching + 1]["constellation"] as? String == "oneweb")
        #expect((output["summary"] as? [String: Any])?["networkSwitches"] as? Int == 1)
        let bad = try CommandLineTests.utermd(
            ["schedule", "--permit", "2026-08-23T00:05:07Z=telesat"] + Self.santiago
                + ["--from", "2026-08-23T00:04:00Z", "--to", "2026-08-23T00:05:00Z"])
        #expect(bad.status == 64 && bad.errors.contains("unknown constellation"))
    }

    @Test func passesSayTheirNetwork() throws {
        let run = try CommandLineTests.utermd(
            ["passes", "--elements", Self.oneweb] + Self.santiago
                + ["--from", "2026-08-22T19:00:00Z", "--to", "2026-08-22T19:30:00Z", "--min-elevation", "60", "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let passes = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        #expect(!passes.isEmpty)
        #expect(passes.allSatisfy { $0["constellation"] as? String == "oneweb" })
    }

    @Test func unknownNetworksAndShelllessBuiltInsAreUsageErrors() throws {
        let unknown = try CommandLineTests.utermd(
            ["schedule", "--constellation", "telesat"] + Self.santiago
                + ["--from", "2026-08-22T19:00:00Z", "--to", "2026-08-22T19:01:00Z"])
        #expect(unknown.status == 64)
        #expect(unknown.errors.contains("unknown constellation") && unknown.errors.contains("kuiper"))
        let shellless = try CommandLineTests.utermd(
            ["passes", "--constellation", "oneweb"] + Self.santiago
                + ["--from", "2026-08-22T19:00:00Z", "--to", "2026-08-22T19:01:00Z"])
        #expect(shellless.status == 64)
        #expect(shellless.errors.contains("oneweb=FILE"))
    }
}
