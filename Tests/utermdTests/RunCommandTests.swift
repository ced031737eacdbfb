import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `utermd run` as systemd would run it: READY=1 on a notify socket of the test's own, the
/// status API over HTTP, rotctld, SIGTERM → transmit off before the lines are released (the
/// simulated GPIO trace), STOPPING=1, exit 0; POST /reboot → exit 75; SIGHUP; bad configs → 78.
@Suite(.serialized) struct RunCommandTests {
    @Test func readyStatusAndAnOrderlyStop() throws {
        let daemon = try RunSupport.Daemon()
        try daemon.start()
        let start = Date()
        let messages = daemon.notify.receive(until: "READY=1", within: 30)
        #expect(messages.contains { $0.hasPrefix("READY=1\nSTATUS=") }, "READY=1 on our notify socket: \(messages)")
        let readySeconds = Date().timeIntervalSince(start)
        print("RunCommandTests: READY=1 after \(Int(readySeconds * 1_000)) ms")

        var status = try daemon.status()
        #expect(status["state"] is String)
        #expect((status["device_info"] as? [String: Any])?["board"] as? String == "sim")
        #expect(status["location"] != nil, "report_location: true")
        // Wait until the terminal transmits (scheduled satellite, healthy loop, beam applied).
        var transmitted = status["transmit_enabled"] as? Bool ?? false
        let deadline = Date(timeIntervalSinceNow: 45)
        while !transmitted, Date() < deadline {
            usleep(100_000)
            status = try daemon.status()
            transmitted = status["transmit_enabled"] as? Bool ?? false
        }
        #expect(transmitted, "the simulated terminal never transmitted: \(status["unmet_transmit_conditions"] ?? "?")")
        #expect(status["serving_satellite"] is [String: Any])

        // State changes need the token; read-only resources do not.
        #expect(try RunSupport.http(port: daemon.statusPort, "POST", "/stow").status == 401)
        #expect(try RunSupport.http(port: daemon.statusPort, "POST", "/stow", token: "wrong-token-0123456789").status == 403)
        #expect(try RunSupport.http(port: daemon.statusPort, "POST", "/reboot", token: daemon.token, body: "{oops").status == 400)
        let metrics = try RunSupport.http(port: daemon.statusPort, "GET", "/metrics")
        #expect(metrics.body.contains("# TYPE utermd_transmit_enabled gauge"))
        #expect(metrics.body.contains("utermd_http_requests_total{path=\"/status\",status=\"200\"}"))
        let history = try RunSupport.http(port: daemon.statusPort, "GET", "/history")
        #expect(history.body.contains("\"utc_s\":["))

        daemon.signal(SIGTERM)
        let stopping = daemon.notify.receive(until: "STOPPING=1", within: 20)
        let exit = daemon.waitForExit()
        #expect(exit.status == 0, "exit status; log:\n\(exit.log)")
        #expect(stopping.contains { $0.hasPrefix("STOPPING=1") }, "\(stopping)")
        #expect(exit.log.contains("signal SIGTERM: stowing and stopping"))

        // The trace: transmit-enable went active, and was set inactive before the release.
        let trace = try String(contentsOfFile: daemon.tracePath, encoding: .utf8)
        let transmit = trace.split(separator: "\n").filter { $0.contains(" transmit_enable=") }
        #expect(transmit.contains { $0.hasSuffix("transmit_enable=active (set)") }, "\(trace)")
        let release = transmit.lastIndex { $0.hasSuffix("(release)") }
        #expect(release == transmit.count - 1, "released last")
        if let release, release > 0 {
            #expect(transmit[release - 1].hasSuffix("transmit_enable=inactive (set)"), "low before the release: \(trace)")
        }
        let audit = try String(contentsOfFile: daemon.auditPath, encoding: .utf8)
        #expect(audit.contains("\"event\":\"off\""), "the off decision is audited")
        // One log: the start-up policy's record first, then the transmit decisions.
        let shown = try CommandLineTests.utermd("audit", "show", daemon.auditPath)
        #expect(shown.status == 0)
        let lines = shown.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("#1 ") == true && lines.first?.contains(" policy accepted: ") == true, "\(shown.output)")
        #expect(lines.contains { $0.contains(" transmit on: ") })
        #expect(!FileManager.default.fileExists(atPath: daemon.auditPath + ".policy"), "no second log")
    }

    /// Hamlib's client, `/usr/bin/rotctl` or `/usr/local/bin/rotctl`, or nil.
    static let rotctl = ["/usr/bin/rotctl", "/usr/local/bin/rotctl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: rotctl != nil, "rotctl not installed (apt-get install libhamlib-utils)"))
    func rotctlReadsTheBeam() throws {
        let rotctl = try #require(Self.rotctl)
        let daemon = try RunSupport.Daemon()
        try daemon.start()
        #expect(daemon.notify.receive(until: "READY=1", within: 30).contains { $0.contains("READY=1") })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rotctl)
        process.arguments = ["-m", "2", "-r", "127.0.0.1:\(daemon.rotctldPort)", "p"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let numbers = text.split(separator: "\n").compactMap { Double($0) }
        #expect(process.terminationStatus == 0)
        #expect(numbers.count == 2 && (0...360).contains(numbers[0]) && (0...90).contains(numbers[1]), "\(text)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit().status == 0)
    }

    @Test func rebootExits75() throws {
        let daemon = try RunSupport.Daemon()
        try daemon.start()
        #expect(daemon.notify.receive(until: "READY=1", within: 30).contains { $0.contains("READY=1") })
        let reboot = try RunSupport.http(
            port: daemon.statusPort, "POST", "/reboot", token: daemon.token, body: "{\"reason\": \"test\"}")
        #expect(reboot.status == 202)
        let exit = daemon.waitForExit()
        #expect(exit.status == 75, "POST /reboot exits 75 for systemd to restart; log:\n\(exit.log)")
        #expect(exit.log.contains("restart requested: test"))
    }

    @Test func sighupReloadsTheLogLevelAndKeepsRunning() throws {
        let daemon = try RunSupport.Daemon()
        try daemon.start()
        #expect(daemon.notify.receive(until: "READY=1", within: 30).contains { $0.contains("READY=1") })
        try daemon.configuration(logLevel: "debug", extra: "handover_policy: highestElevation")
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let reload = daemon.notify.receive(until: "READY=1", within: 10)
        #expect(reload.contains { $0.hasPrefix("RELOADING=1") }, "\(reload)")
        #expect(try daemon.status()["state"] is String, "still serving after SIGHUP")
        daemon.signal(SIGINT)
        let exit = daemon.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.log.contains("SIGHUP: reloading"))
        #expect(exit.log.contains("log level debug"))
        #expect(exit.log.contains("handover_policy changed; these take effect after a restart"))
    }

    @Test func policiesChangeBySighupAndByPost() throws {
        let daemon = try RunSupport.Daemon()
        let keyPrefix = daemon.directory.appendingPathComponent("operator").path
        #expect(try CommandLineTests.utermd("policy", "keygen", "--out", keyPrefix).status == 0)
        func signedPolicy(version: Int) throws -> String {
            let plain = daemon.directory.appendingPathComponent("plain-v\(version).yaml").path
            try """
            format: 1
            policy: run-test
            version: \(version)
            issued: 2026-01-01T00:00:00Z
            valid_from: 2026-01-01T00:00:00Z
            valid_until: 2099-01-01T00:00:00Z
            default: allow
            zones:
              - name: far away v\(version)
                action: noService
                circle: { lat_deg: -40, lon_deg: 170, radius_m: 5000 }

            """.write(toFile: plain, atomically: true, encoding: .utf8)
            let signed = daemon.directory.appendingPathComponent("signed-v\(version).yaml").path
            let run = try CommandLineTests.utermd("policy", "sign", "--key", keyPrefix + ".key", plain, "--out", signed)
            #expect(run.status == 0, "\(run.errors)")
            return try String(contentsOfFile: signed, encoding: .utf8)
        }
        let bundle = daemon.directory.appendingPathComponent("policy.yaml").path
        try signedPolicy(version: 1).write(toFile: bundle, atomically: true, encoding: .utf8)
        let config = daemon.configuration(logLevel: "info").replacingOccurrences(
            of: "policy: { bundle: embedded:example, operator_key: embedded:example }",
            with: "policy: { bundle: policy.yaml, operator_key: operator.pub }")
        try config.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try daemon.start()
        #expect(daemon.notify.receive(until: "READY=1", within: 30).contains { $0.contains("READY=1") })
        func version() throws -> Int? { (try daemon.status()["policy"] as? [String: Any])?["version"] as? Int }
        #expect(try version() == 1)

        try signedPolicy(version: 2).write(toFile: bundle, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let deadline = Date(timeIntervalSinceNow: 10)
        while try version() != 2, Date() < deadline { usleep(50_000) }
        #expect(try version() == 2, "SIGHUP applied the new bundle")

        let three = try RunSupport.http(
            port: daemon.statusPort, "POST", "/policy", token: daemon.token, body: try signedPolicy(version: 3))
        #expect(three.status == 200, "\(three.body)")
        #expect(try version() == 3)
        let rollback = try RunSupport.http(
            port: daemon.statusPort, "POST", "/policy", token: daemon.token, body: try signedPolicy(version: 2))
        #expect(rollback.status == 422)
        #expect(rollback.body.contains("\"accepted\":false"))
        #expect(try version() == 3, "a rejected bundle changes nothing")

        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit().status == 0)
        let shown = try CommandLineTests.utermd("audit", "show", "--json", daemon.auditPath)
        #expect(shown.status == 0)
        let entries = shown.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let policy = entries.filter { $0["kind"] as? String == "policy" }
        #expect(policy.map { $0["event"] as? String ?? "?" } == ["accepted", "accepted", "accepted", "rejected"])
        #expect(policy.map { ($0["details"] as? [String: String])?["version"] ?? "?" } == ["1", "2", "3", "2"])
        let sequences = entries.compactMap { $0["sequence"] as? Int }
        #expect(sequences == Array(1...entries.count), "every record of the run in one sequence")

        // Restart with the configuration unchanged (it names version 2): version 3, pushed
        // before the stop, is back in force, and version 2 is refused as a rollback.
        let restarted = try RunSupport.Daemon(reusing: daemon)
        try restarted.start()
        #expect(restarted.notify.receive(until: "READY=1", within: 30).contains { $0.contains("READY=1") })
        #expect((try restarted.status()["policy"] as? [String: Any])?["version"] as? Int == 3, "the newest accepted policy")
        restarted.signal(SIGTERM)
        let exit = restarted.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.log.contains("configured policy not applied (rollback"), "\(exit.log)")
        let after = try CommandLineTests.utermd("audit", "show", "--json", "--verify", daemon.auditPath)
        #expect(after.status == 0, "\(after.errors)")
        let restartRecords = after.output.split(separator: "\n").dropFirst(entries.count).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["kind"] as? String == "policy" }
        #expect(restartRecords.map { $0["event"] as? String ?? "?" } == ["accepted", "rejected"])
        #expect(restartRecords.map { ($0["details"] as? [String: String])?["version"] ?? "?" } == ["3", "2"])
    }

    /// A second `utermd run` on the same configuration: refused before it writes anything (the
    /// audit log keeps one sequence, the first daemon's GPIO trace is not overwritten), with
    /// the first daemon's process id in the message.
    @Test func aSecondDaemonOnTheSameConfigurationIsRefused() throws {
        let first = try RunSupport.Daemon()
        try first.start()
        #expect(first.notify.receive(until: "READY=1", within: 30).contains { $0.contains("READY=1") })
        let second = try RunSupport.Daemon(reusing: first)
        try second.start()
        let refused = second.waitForExit()
        #expect(refused.status == 78, "\(refused.log)")
        #expect(refused.log.contains("in use by another utermd (process \(first.process.processIdentifier))"), "\(refused.log)")
        let traceSize = (try? FileManager.default.attributesOfItem(atPath: first.tracePath)[.size] as? Int) ?? nil
        #expect(traceSize == 0, "the trace is held (empty) by the first daemon until its exit; the second wrote nothing")
        first.signal(SIGTERM)
        #expect(first.waitForExit().status == 0)
        let trace = try String(contentsOfFile: first.tracePath, encoding: .utf8)
        #expect(trace.contains("transmit_enable=inactive (release)"), "the first daemon's trace")
        let shown = try CommandLineTests.utermd("audit", "show", "--verify", first.auditPath)
        #expect(shown.status == 0, "one writer, one unbroken sequence: \(shown.errors)")
    }

    /// The obstruction map is learned while the terminal runs: each second the beam was on a
    /// satellite, what the simulated link saw there (here a sky blocked all round below 90°:
    /// every observation is a loss) goes into `/obstructions`, and `valid_s` counts the seconds.
    @Test func theObstructionMapIsLearnedFromTheSimulatedLink() throws {
        let daemon = try RunSupport.Daemon(
            extra: "sim_obstructions: [{ label: everything, azimuth_from_deg: 0, azimuth_to_deg: 0, max_elevation_deg: 90 }]")
        try daemon.start()
        #expect(daemon.notify.receive(until: "READY=1", within: 30).contains { $0.contains("READY=1") })
        func obstructions() throws -> [String: Any] {
            let reply = try RunSupport.http(port: daemon.statusPort, "GET", "/obstructions")
            guard reply.status == 200,
                let object = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any]
            else { throw RunSupport.Failure("/obstructions answered \(reply.status): \(reply.body)") }
            return object
        }
        func validSeconds(_ object: [String: Any]) -> Double {
            ((object["obstruction_stats"] as? [String: Any])?["valid_s"] as? Double) ?? 0
        }
        var grid = try obstructions()
        let deadline = Date(timeIntervalSinceNow: 45)
        while validSeconds(grid) < 3, Date() < deadline {
            usleep(250_000)
            grid = try obstructions()
        }
        #expect(validSeconds(grid) >= 3, "seconds of observation: \(grid["obstruction_stats"] ?? "?")")
        let snr = (grid["snr"] as? [Double]) ?? []
        #expect(snr.count == 72 * 18)
        #expect(snr.contains(0), "the blocked directions the beam pointed to are learned")
        #expect(!snr.contains { $0 > 0 }, "nothing was seen clear in a fully blocked sky")
        let stats = try #require(try daemon.status()["obstruction_stats"] as? [String: Any])
        #expect((stats["valid_s"] as? Double ?? 0) >= 3)
        #expect((stats["fraction_obstructed"] as? Double ?? 0) > 0)

        // The owner's reset forgets it (learning goes on from there).
        #expect(try RunSupport.http(port: daemon.statusPort, "POST", "/obstructions/reset").status == 401)
        let learnedSeconds = validSeconds(try obstructions())
        let reset = try RunSupport.http(port: daemon.statusPort, "POST", "/obstructions/reset", token: daemon.token)
        #expect(reset.status == 202, "\(reset.body)")
        let after = try obstructions()
        #expect(validSeconds(after) < learnedSeconds)
        #expect(((after["snr"] as? [Double]) ?? []).filter { $0 >= 0 }.count <= 1, "at most the second since the reset")
        daemon.signal(SIGTERM)
        let exit = daemon.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.log.contains("obstruction map reset by POST /obstructions/reset"))
        #expect(exit.log.contains("obstruction map: learned from the simulated link (1 simulated obstructions)"))
    }

    /// `POST /stow` keeps transmit off, and the terminal stowed, until `POST /unstow`; then the
    /// terminal resumes and transmit comes back through the ordinary checks (and the audit).
    /// The GPIO trace proves the line stayed low in between; SIGTERM still stops the daemon.
    @Test func stowHoldsUntilUnstow() throws {
        let daemon = try RunSupport.Daemon()
        try daemon.start()
        #expect(daemon.notify.receive(until: "READY=1", within: 30).contains { $0.contains("READY=1") })
        func now() -> UInt64 {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
        }
        func observed() throws -> (transmit: Bool, state: String) {
            let status = try daemon.status()
            return (status["transmit_enabled"] as? Bool ?? false, status["state"] as? String ?? "?")
        }
        func eventually(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
            let deadline = Date(timeIntervalSinceNow: seconds)
            while Date() < deadline {
                if try condition() { return true }
                usleep(100_000)
            }
            return try condition()
        }
        #expect(try eventually(45) { try observed().transmit }, "the simulated terminal transmits first")

        #expect(try RunSupport.http(port: daemon.statusPort, "POST", "/unstow").status == 401)
        #expect(try RunSupport.http(port: daemon.statusPort, "POST", "/stow", token: daemon.token).status == 202)
        #expect(try eventually(5) { try observed() == (false, "STOWED") })
        let stowed = now()
        for _ in 0..<20 {
            let seen = try observed()
            #expect(!seen.transmit && seen.state == "STOWED", "stays stowed: \(seen)")
            usleep(100_000)
        }
        let unstowing = now()
        let unstow = try RunSupport.http(
            port: daemon.statusPort, "POST", "/unstow", token: daemon.token, body: "{\"reason\": \"test\"}")
        #expect(unstow.status == 202, "\(unstow.body)")
        #expect(try eventually(45) { try observed().transmit }, "transmit comes back after the unstow")
        #expect(try observed().state != "STOWED")
        let again = try RunSupport.http(port: daemon.statusPort, "POST", "/unstow", token: daemon.token)
        #expect(again.status == 200 && again.body.contains("not stowed"))

        daemon.signal(SIGTERM)
        let exit = daemon.waitForExit()
        #expect(exit.status == 0, "SIGTERM still stops it; log:\n\(exit.log)")
        #expect(exit.log.contains("stow requested by POST /stow"))
        #expect(exit.log.contains("unstow requested by POST /unstow (test)"))

        let trace = try String(contentsOfFile: daemon.tracePath, encoding: .utf8)
        let writes = trace.split(separator: "\n").filter { $0.contains(" transmit_enable=") }.compactMap {
            line -> (nanoseconds: UInt64, active: Bool)? in
            guard let time = line.split(separator: " ").first.flatMap({ UInt64($0.dropLast(2)) }) else { return nil }
            return (time, line.hasSuffix("transmit_enable=active (set)"))
        }
        #expect(!writes.contains { $0.active && $0.nanoseconds >= stowed && $0.nanoseconds <= unstowing }, "low while stowed")
        #expect(writes.contains { $0.active && $0.nanoseconds < stowed }, "on before the stow")
        #expect(writes.contains { $0.active && $0.nanoseconds > unstowing }, "on again after the unstow")
        let audit = try String(contentsOfFile: daemon.auditPath, encoding: .utf8)
        #expect(audit.components(separatedBy: "\"event\":\"on\"").count - 1 >= 2, "both on decisions are audited")
    }

    @Test func badConfigurationsExit78() throws {
        let daemon = try RunSupport.Daemon(extra: "status_api_typo: 1")
        try daemon.start()
        let exit = daemon.waitForExit()
        #expect(exit.status == 78)
        #expect(exit.log.contains("status_api_typo: unknown field"))
        let open = try RunSupport.Daemon(extra: "")
        try open.configuration(logLevel: "info").replacingOccurrences(
            of: "bind: 127.0.0.1, port: \(open.statusPort)", with: "bind: 0.0.0.0, port: \(open.statusPort)"
        )
        .write(toFile: open.configPath, atomically: true, encoding: .utf8)
        try open.start()
        let refused = open.waitForExit()
        #expect(refused.status == 78)
        #expect(refused.log.contains("0.0.0.0 is not a loopback address"))
    }

    /// `audit_log` naming a file that is no audit log (a TLE file, read-only) or a directory:
    /// `check-config` says so (it passed both before) and `run` refuses to start with 78, the
    /// file left byte for byte as it was (it was truncated to nothing before).
    @Test func aForeignAuditLogIsRefusedByCheckConfigAndRunUntouched() throws {
        let daemon = try RunSupport.Daemon()
        let audit = daemon.directory.appendingPathComponent("audit")
        try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true)
        let tle = "STARLINK-1007\n1 44713U 19074A   26234.50000000  .00001000  00000-0  70000-4 0  9991\n"
        try tle.write(toFile: daemon.auditPath, atomically: true, encoding: .utf8)
        chmod(daemon.auditPath, 0o444)
        let checked = try CommandLineTests.utermd("check-config", daemon.configPath)
        #expect(checked.status != 0)
        #expect(checked.errors.contains("audit_log") && checked.errors.contains("not an audit log"), "\(checked.errors)")
        try daemon.start()
        let exit = daemon.waitForExit()
        #expect(exit.status == 78, "\(exit.log)")
        #expect(exit.log.contains("not an audit log, left untouched"), "\(exit.log)")
        #expect(try String(contentsOfFile: daemon.auditPath, encoding: .utf8) == tle, "untouched")

        let directoryConfig = try RunSupport.Daemon()
        try directoryConfig.configuration(logLevel: "info").replacingOccurrences(
            of: "audit_log: audit/audit.log", with: "audit_log: ."
        ).write(toFile: directoryConfig.configPath, atomically: true, encoding: .utf8)
        let directory = try CommandLineTests.utermd("check-config", directoryConfig.configPath)
        #expect(directory.status != 0)
        #expect(directory.errors.contains("is a directory"), "\(directory.errors)")
    }
}
