import Foundation
import Testing

/// `utermd geofence check` on the embedded example policy: the Chinese territorial sea off
/// Ningbo at 11.9 and 12.1 nm, Crimea, the open ocean.
@Suite struct GeofenceCommandTests {
    static let at = "2026-09-01T00:00:00Z"

    func check(_ arguments: [String]) throws -> (CommandLineTests.Run, [String: Any]) {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["geofence", "check", "--json", "--at", Self.at] + arguments
        process.currentDirectoryURL = CommandLineTests.repository
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let run = CommandLineTests.Run(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
        let object = (try? JSONSerialization.jsonObject(with: out)) as? [String: Any] ?? [:]
        return (run, object)
    }

    /// 11.9 and 12.1 nm from the example's China coastline east of Ningbo-Zhoushan
    /// (oracle: Policies/example_policy_oracle.py, as in TerminalTests' PolicyExampleTests).
    @Test func territorialSeaOffNingbo() throws {
        let (inside, json) = try check(["--lat", "29.868188378", "--lon", "122.630342550"])
        #expect(inside.status == 0, "\(inside.errors)")
        #expect(json["action"] as? String == "noService")
        #expect(json["zone"] as? String == "China + 12 nm territorial sea")
        #expect(json["reason"] as? String == "insideZone")
        #expect(abs((json["distanceToBoundaryMetres"] as? Double ?? 0) - 185.2) < 2)
        #expect(json["transmitPermitted"] as? Bool == false)

        let (_, outside) = try check(["--lat", "29.867874375", "--lon", "122.634161005"])
        #expect(outside["action"] as? String == "allow")
        #expect(outside["zone"] is NSNull, "zone is null, not absent")
        #expect(abs((outside["distanceToBoundaryMetres"] as? Double ?? 0) - 185.2) < 2)

        let (_, uncertain) = try check(["--lat", "29.867874375", "--lon", "122.634161005", "--accuracy-m", "500"])
        #expect(uncertain["action"] as? String == "noService")
        #expect(uncertain["reason"] as? String == "withinUncertaintyOfZone")
    }

    @Test func crimeaAndTheOpenOcean() throws {
        let (_, crimea) = try check(["--lat", "44.95", "--lon", "34.10"])
        #expect(crimea["action"] as? String == "noService")
        #expect(crimea["zone"] as? String == "Crimea (approximate)")
        let (run, ocean) = try check(["--lat", "0", "--lon=-150"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(ocean["action"] as? String == "allow")
        #expect(ocean["zone"] is NSNull)
        #expect(ocean["distanceToBoundaryMetres"] is NSNull)
        #expect((ocean["policy"] as? [String: Any])?["example"] as? Bool == true)
    }

    @Test func policyFilesAreVerifiedUnlessToldNotTo() throws {
        let (verified, json) = try check([
            "--policy", "Policies/example.yaml", "--public-key", "Policies/example-operator.pub", "--lat", "29.93",
            "--lon", "121.85",
        ])
        #expect(verified.status == 0, "\(verified.errors)")
        #expect(json["action"] as? String == "noService")
        let (untrusted, _) = try check(["--policy", "Policies/example.yaml", "--lat", "0", "--lon", "0"])
        #expect(untrusted.status != 0)
        #expect(untrusted.errors.contains("--public-key"))
        let (wrongKey, _) = try check([
            "--policy", "Policies/example.yaml", "--public-key", "W7FJ0gO0ugzKg91G6vH5Cvw5fi80Y4E9n1EewB85nEY=",
            "--lat", "0", "--lon", "0",
        ])
        #expect(wrongKey.status == 1)
        #expect(wrongKey.errors.contains("policy rejected"), "\(wrongKey.errors)")
        let (unchecked, plain) = try check([
            "--policy", "Policies/example.yaml", "--allow-unsigned", "--lat", "44.95", "--lon", "34.1",
        ])
        #expect(unchecked.status == 0)
        #expect(unchecked.errors.contains("not checked"))
        #expect(plain["action"] as? String == "noService")
    }
}
