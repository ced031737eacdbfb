import Foundation
import Testing

/// Issue 14: a command that could not use its input says why and exits
/// `CommandExitCodes.unusableInput` (2), the same in every command; it never answers with an
/// empty result that reads as "nothing there".
@Suite struct UnusableInputTests {
    static let at = "2026-08-22T19:00:00Z"
    static let missing = "/nonexistent/utermd-first-hour/file"

    static func garbageFile() throws -> String {
        let path = NSTemporaryDirectory() + "utermd-garbage-\(UUID().uuidString).tle"
        try "this is not an element set\n1 2 3\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: ["/dev/null", "garbage"])
    func lookAndPropagateRefuseAFileWithoutUsableSets(file: String) throws {
        let path = file == "garbage" ? try Self.garbageFile() : file
        let look = try CommandLineTests.utermd(
            "look", "--elements", path, "--lat", "-33.9", "--lon", "18.4", "--at", Self.at, "--json")
        #expect(look.status == 2, "\(look.errors)")
        #expect(look.output.isEmpty, "no `[]` that reads as nothing above: \(look.output)")
        // /dev/null is a device: refused as one (a device may never end), with the reason.
        let reason = file == "/dev/null" ? "is not a regular file" : "no usable element set"
        #expect(look.errors.contains(reason), "\(look.errors)")
        let propagate = try CommandLineTests.utermd("propagate", "--elements", path, "--at", Self.at, "--json")
        #expect(propagate.status == 2, "\(propagate.errors)")
        #expect(propagate.output.isEmpty)
    }

    @Test func withoutElementsTheBuiltInConstellationIsUsedAndSaid() throws {
        for command in [
            ["look", "--at", Self.at], ["passes", "--from", Self.at, "--to", "2026-08-22T19:03:00Z"],
            ["schedule", "--from", Self.at, "--to", "2026-08-22T19:01:00Z"],
        ] {
            let run = try CommandLineTests.utermd(command + ["--lat", "-33.9", "--lon", "18.4", "--json"])
            #expect(run.status == 0, "\(command[0]): \(run.errors)")
            #expect(run.errors.contains("built-in constellation"), "\(command[0]): \(run.errors)")
        }
    }

    /// Every command that reads a file: a missing one exits 2 and names the file.
    @Test func aMissingFileExitsTwoInEveryCommand() throws {
        let missing = Self.missing
        let commands: [[String]] = [
            ["look", "--elements", missing, "--lat", "1", "--lon", "1", "--at", Self.at],
            ["propagate", "--elements", missing, "--at", Self.at],
            ["passes", "--elements", missing, "--lat", "1", "--lon", "1", "--from", Self.at, "--to", "2026-08-22T20:00:00Z"],
            ["schedule", "--elements", missing, "--lat", "1", "--lon", "1", "--from", Self.at, "--to", "2026-08-22T20:00:00Z"],
            ["beam", "--board", missing, "--azimuth", "0", "--elevation", "90"],
            ["board", "check", missing],
            ["check-config", missing],
            ["policy", "verify", missing, "--public-key", "Policies/example-operator.pub"],
            ["geofence", "check", "--policy", missing, "--allow-unsigned", "--lat", "1", "--lon", "1"],
            ["simulate", "--scenario", missing],
            ["audit", "show", missing],
            ["report", "--out", NSTemporaryDirectory() + "utermd-report-missing", "--from", missing],
        ]
        for command in commands {
            let run = try CommandLineTests.utermd(command)
            #expect(run.status == 2, "utermd \(command.joined(separator: " ")): exit \(run.status): \(run.errors)")
            #expect(run.errors.contains(missing), "utermd \(command[0]) names the file: \(run.errors)")
        }
    }
}
