import Foundation
import Testing

/// Issue 14, "coordinates and numbers as people type them": every command takes
/// `--lat -33.92` (south) and `--lon -70.65` (west) as well as `--lat=-33.92`, and refuses
/// values that make no sense with the range it would accept.
@Suite struct SignedNumberTests {
    static let at = "2026-08-22T19:00:00Z"

    /// Santiago de Chile: south and west.
    static let south = ["--lat", "-33.45", "--lon", "-70.65"]

    func expectRuns(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandLineTests.Run {
        let run = try CommandLineTests.utermd(arguments)
        #expect(run.status == 0, "utermd \(arguments.joined(separator: " ")): \(run.errors)", sourceLocation: sourceLocation)
        #expect(!run.errors.contains("Missing value"), sourceLocation: sourceLocation)
        if arguments.contains("--json") {
            #expect(
                (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) != nil, "not JSON: \(run.output.prefix(200))",
                sourceLocation: sourceLocation)
        }
        return run
    }

    @Test func everyCommandTakesSouthAndWest() throws {
        let look = try expectRuns(["look"] + Self.south + ["--at", Self.at, "--json"])
        #expect(look.output.contains("elevationDegrees"), "the built-in constellation has satellites over Santiago")
        _ = try expectRuns([
            "look", "--lat", "-33.92", "--lon", "18.42", "--alt-m", "-5", "--at", Self.at, "--min-elevation", "-5", "--json",
        ])
        _ = try expectRuns(["passes"] + Self.south + ["--from", Self.at, "--to", "2026-08-22T19:05:00Z", "--json"])
        _ = try expectRuns(
            ["schedule"] + Self.south + [
                "--from", Self.at, "--to", "2026-08-22T19:01:00Z", "--boresight-azimuth", "-30", "--json",
            ])
        _ = try expectRuns(["beam", "--azimuth", "-120", "--elevation", "70", "--json"])
        _ = try expectRuns(["geofence", "check"] + Self.south + ["--at", "2026-09-01T00:00:00Z", "--json"])
        _ = try expectRuns(["loop-test"] + Self.south + ["--seconds", "0.05", "--json"])
    }

    @Test func theEqualsFormStillWorks() throws {
        _ = try expectRuns(["geofence", "check", "--lat=-33.45", "--lon=-70.65", "--at", "2026-09-01T00:00:00Z", "--json"])
    }

    func expectRefused(_ arguments: [String], saying words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try CommandLineTests.utermd(arguments)
        #expect(run.status == 64, "utermd \(arguments.joined(separator: " ")): \(run.status)", sourceLocation: sourceLocation)
        for word in words {
            #expect(
                run.errors.contains(word), "utermd \(arguments.joined(separator: " ")): \(run.errors)",
                sourceLocation: sourceLocation)
        }
        #expect(!run.errors.contains("Missing value"), sourceLocation: sourceLocation)
    }

    @Test func nonsenseIsRefusedWithTheRange() throws {
        let look = ["look"] + Self.south + ["--at", Self.at, "--min-elevation"]
        try expectRefused(look + ["nan"], saying: ["--min-elevation", "-90...90", "nan"])
        try expectRefused(look + ["100"], saying: ["--min-elevation", "-90...90", "100"])
        try expectRefused(["simulate", "--speed", "-1"], saying: ["--speed", "above 0", "-1"])
        try expectRefused(
            [
                "policy", "verify", "Policies/example.yaml", "--public-key", "Policies/example-operator.pub",
                "--current-version=-1",
            ],
            saying: ["--current-version", "0...", "-1"])
        try expectRefused(
            [
                "policy", "verify", "Policies/example.yaml", "--public-key", "Policies/example-operator.pub", "--current-version",
                "-1",
            ],
            saying: ["--current-version", "-1"])
        try expectRefused(["geofence", "check", "--lat", "-91", "--lon", "0"], saying: ["--lat", "-90...90", "-91"])
        try expectRefused(["loop-test", "--fifo", "-1"], saying: ["--fifo", "1...99"])
        try expectRefused(["simulate", "--until", "-5m"], saying: ["--until", "-5m"])
    }

    @Test func aChipWithAbsurdlyManyLinesIsRefused() throws {
        let text = try String(
            contentsOfFile: CommandLineTests.repository.appendingPathComponent("Boards/rpi5.yaml").path, encoding: .utf8
        )
        .replacingOccurrences(of: "lines: 54", with: "lines: 999999999999")
        let path = NSTemporaryDirectory() + "utermd-board-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.utermd("board", "check", path)
        #expect(run.status == 1)
        #expect(run.errors.contains("gpio.chips[0].lines") && run.errors.contains("1...65535"), "\(run.errors)")
    }
}
