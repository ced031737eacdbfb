import Foundation
import Testing

/// `utermd policy keygen | sign | verify`, run as an operator would.
@Suite struct PolicyCommandTests {
    static let at = "2026-09-01T00:00:00Z"

    static let policy = """
        format: 1
        policy: cli-test
        version: 4
        issued: 2026-08-01T00:00:00Z
        valid_from: 2026-08-01T00:00:00Z
        valid_until: 2027-08-01T00:00:00Z
        default: allow
        zones:
          - name: harbour
            action: receiveOnly
            circle: { lat_deg: 10, lon_deg: 20, radius_m: 5000 }

        """

    func temporary(_ name: String) -> String {
        let directory = NSTemporaryDirectory() + "utermd-policy-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory + "/" + name
    }

    func utermd(_ arguments: String...) throws -> CommandLineTests.Run { try utermd(arguments) }

    func utermd(_ arguments: [String]) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = CommandLineTests.repository
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
    }

    @Test func keygenSignVerify() throws {
        let prefix = temporary("operator")
        let keygen = try utermd("policy", "keygen", "--out", prefix)
        #expect(keygen.status == 0, "\(keygen.errors)")
        let attributes = try FileManager.default.attributesOfItem(atPath: prefix + ".key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try utermd("policy", "keygen", "--out", prefix).status != 0, "refuses to overwrite")

        let file = temporary("policy.yaml")
        try Self.policy.write(toFile: file, atomically: true, encoding: .utf8)
        let signed = file + ".signed"
        let sign = try utermd("policy", "sign", "--key", prefix + ".key", file, "--out", signed)
        #expect(sign.status == 0, "\(sign.errors)")
        #expect(sign.output.contains("\"cli-test\" version 4"))
        let text = try String(contentsOfFile: signed, encoding: .utf8)
        #expect(text.hasPrefix(Self.policy))
        #expect(text.dropFirst(Self.policy.count).hasPrefix("# utermd-signature: ed25519 "))

        let verify = try utermd("policy", "verify", signed, "--public-key", prefix + ".pub", "--at", Self.at)
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
        #expect(verify.output.hasPrefix("accepted: "))
        // The base64 key itself works as well as the file.
        let base64 =
            try String(contentsOfFile: prefix + ".pub", encoding: .utf8).split(separator: "\n").last.map(String.init) ?? ""
        #expect(try utermd("policy", "verify", signed, "--public-key", base64, "--at", Self.at).status == 0)

        let refusals: [([String], String)] = [
            (["--public-key", "Policies/example-operator.pub", "--at", Self.at], "[badSignature]"),
            (["--public-key", prefix + ".pub", "--current-version", "4", "--at", Self.at], "[alreadyInForce]"),
            (["--public-key", prefix + ".pub", "--current-version", "7", "--at", Self.at], "[rollback]"),
            (["--public-key", prefix + ".pub", "--at", "2027-08-01T00:00:01Z"], "[expired]"),
            (["--public-key", prefix + ".pub", "--at", "2026-07-01T00:00:00Z"], "[notYetValid]"),
        ]
        for (options, code) in refusals {
            let run = try utermd(["policy", "verify", signed] + options)
            #expect(run.status == 1, "\(options)")
            #expect(run.output.hasPrefix("rejected: "), "\(run.output)")
            #expect(run.output.contains(code), "\(run.output)")
        }
        let unsigned = try utermd("policy", "verify", file, "--public-key", prefix + ".pub", "--at", Self.at)
        #expect(unsigned.status == 1 && unsigned.output.contains("[unsigned]"))
        // Signing in place twice keeps one signature line.
        #expect(try utermd("policy", "sign", "--key", prefix + ".key", signed).status == 0)
        #expect(try String(contentsOfFile: signed, encoding: .utf8) == text)
    }

    @Test func signRefusesAFileThatIsNotAPolicy() throws {
        let file = temporary("bad.yaml")
        try Self.policy.replacingOccurrences(of: "version: 4", with: "version: four").write(
            toFile: file, atomically: true, encoding: .utf8)
        let run = try utermd("policy", "sign", "--key", "Policies/example-operator.key", file)
        #expect(run.status == 1)
        #expect(run.errors.contains("\(file):3:10: version: expected an integer"), "\(run.errors)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("utermd-signature") == false)
    }

    @Test func theExamplePolicyVerifiesAndATamperedCopyDoesNot() throws {
        let run = try utermd(
            "policy", "verify", "Policies/example.yaml", "--public-key", "Policies/example-operator.pub", "--at", Self.at)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("EXAMPLE"))
        let example = try String(
            contentsOf: CommandLineTests.repository.appendingPathComponent("Policies/example.yaml"), encoding: .utf8)
        let tampered = temporary("tampered.yaml")
        try example.replacingOccurrences(of: "buffer_nm: 12", with: "buffer_nm: 2").write(
            toFile: tampered, atomically: true, encoding: .utf8)
        let refused = try utermd(
            "policy", "verify", tampered, "--public-key", "Policies/example-operator.pub", "--at", Self.at)
        #expect(refused.status == 1)
        #expect(refused.output.contains("[badSignature]"))
    }
}
