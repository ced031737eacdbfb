import Foundation
import Handover
import Testing

@testable import Daemon
@testable import Terminal

/// Configuration files: the examples parse, defaults, relative paths, and every problem
/// located by file, line and field.
@Suite struct DaemonConfigurationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let minimal = """
        format: 1
        board: embedded:sim
        policy: { bundle: embedded:example, operator_key: embedded:example }
        location:
          fixed: { latitude_deg: 47.37, longitude_deg: 8.54 }
        audit_log: audit.log

        """

    func parse(_ yaml: String) throws(DataFileErrors) -> DaemonConfiguration {
        try DaemonConfigurationFile.parse(yaml: yaml, file: "test.yaml", baseDirectory: "/etc/utermd")
    }

    func problems(_ yaml: String) -> [String] {
        do {
            _ = try parse(yaml)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func minimalGetsTheDefaults() throws {
        let configuration = try parse(Self.minimal)
        #expect(configuration.board == .embeddedSimulated)
        #expect(configuration.hardware == .simulated)
        #expect(configuration.elementSets == .embedded)
        #expect(configuration.auditLogPath == "/etc/utermd/audit.log", "relative to the configuration's directory")
        #expect(configuration.loop == DaemonConfiguration.Loop(rateHertz: 1_000))
        #expect(configuration.statusAPI.bind == "127.0.0.1")
        #expect(configuration.statusAPI.port == 9201)
        #expect(configuration.statusAPI.token == nil)
        #expect(!configuration.rotctld.enabled)
        #expect(configuration.logLevel == .info)
        #expect(configuration.handoverPolicy == .longestVisibility)
        #expect(configuration.realTimeOptions.fifoPriority == nil)
        #expect(configuration.realTimeOptions.cpuWakeLatencyMicroseconds == nil)
        #expect(configuration.fieldPositions["audit_log"]?.line == 6)
    }

    @Test func theExamplesParse() throws {
        let sim = try DaemonConfigurationFile.load(path: Self.repository.appendingPathComponent("Config/sim.yaml").path)
        #expect(sim.board == .embeddedSimulated)
        #expect(sim.rotctld.enabled)
        #expect(sim.statusAPI.token == .inline("sim-example-token-not-secret"))
        #expect(sim.simulatedTraceFile == "/tmp/utermd-sim/gpio-trace.txt")
        let pi = try DaemonConfigurationFile.load(path: Self.repository.appendingPathComponent("Config/rpi5.yaml").path)
        #expect(pi.board == .file("/usr/share/utermd/Boards/rpi5.yaml"))
        #expect(pi.location == .gpsd(host: "127.0.0.1", port: 2947))
        #expect(pi.loop == DaemonConfiguration.Loop(rateHertz: 1_000, fifoPriority: 50, cpu: 3))
        #expect(pi.realTimeOptions.lockMemory)
        #expect(pi.realTimeOptions.cpuWakeLatencyMicroseconds == 0, "SCHED_FIFO comes with PM QoS 0 µs")
        #expect(pi.statusAPI.token == .file("/etc/utermd/token"))
        #expect(pi.boresight == DaemonConfiguration.Boresight(azimuthDegrees: 180, elevationDegrees: 60))
    }

    @Test func theSimulatedExampleLoadsEverything() throws {
        let sim = try DaemonConfigurationFile.load(path: Self.repository.appendingPathComponent("Config/sim.yaml").path)
        let resources = try DaemonResources.load(sim, now: Date())
        #expect(resources.board.name == "sim")
        #expect(resources.elementSets.count == 4_408)
        #expect(resources.policyUpdate.isAccepted)
        #expect(resources.token == "sim-example-token-not-secret")
        #expect(resources.warnings.contains { $0.contains("EXAMPLE key") })
    }

    @Test func problemsAreLocated() {
        let found = problems(
            """
            format: 2
            board: embedded:pi
            policy: { bundle: embedded:example, operator_key: embedded:example, extra: 1 }
            location:
              fixed: { latitude_deg: 95, longitude_deg: 8.54 }
            audit_log: a.log
            loop: { rate_hz: 0, fifo_priority: 120 }
            status_api: { bind: 0.0.0.0, token: short }
            rotctld: { bind: example.org }
            log_level: loud
            handover_policy: nearest
            boresight: { azimuth_deg: 10, elevation_deg: 100 }
            colour: blue

            """)
        let expected = [
            "test.yaml:1:9: format: format 2 is not supported",
            "test.yaml:2:8: board: unknown embedded board",
            "test.yaml:3:76: policy.extra: unknown field",
            "test.yaml:5:26: location.fixed.latitude_deg: 95.0 is outside -90.0...90.0",
            "test.yaml:7:18: loop.rate_hz: 0 is outside 1...100000",
            "test.yaml:7:36: loop.fifo_priority: 120 is outside 1...99",
            "test.yaml:8:21: status_api.bind: 0.0.0.0 is not a loopback address: refused unless allow_non_loopback: true",
            "test.yaml:8:37: status_api.token: a token needs at least 16 characters",
            "test.yaml:9:18: rotctld.bind: \"example.org\" is not a numeric IPv4 or IPv6 address",
            "test.yaml:10:12: log_level: \"loud\" is not one of",
            "test.yaml:11:18: handover_policy: unknown handover policy",
            "test.yaml:12:46: boresight.elevation_deg: 100.0 is outside 0.0...90.0",
            "test.yaml:13:9: colour: unknown field",
        ]
        for prefix in expected {
            #expect(found.contains { $0.hasPrefix(prefix) }, "missing \(prefix) in\n\(found.joined(separator: "\n"))")
        }
        #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
    }

    @Test func nonLoopbackAllowedOnlyWhenSaid() throws {
        let open = try parse(Self.minimal + "status_api: { bind: 0.0.0.0, allow_non_loopback: true }\n")
        #expect(open.statusAPI.bind == "0.0.0.0")
        #expect(open.statusAPI.allowNonLoopback)
        let v6 = try parse(Self.minimal + "status_api: { bind: \"::1\" }\n")
        #expect(v6.statusAPI.bind == "::1")
    }

    @Test func locationNeedsExactlyOneSource() {
        let base = Self.minimal.replacingOccurrences(
            of: "location:\n  fixed: { latitude_deg: 47.37, longitude_deg: 8.54 }\n", with: "")
        #expect(problems(base).contains { $0.contains("missing field \"location\"") })
        #expect(
            problems(base + "location: { gpsd: {}, nmea: { device: /dev/ttyACM0 } }\n").contains {
                $0.contains("location: give exactly one of: fixed, gpsd, nmea")
            })
        #expect(problems(base + "location: { glonass: {} }\n").contains { $0.contains("unknown location source") })
        #expect(
            (try? parse(base + "location: { nmea: { device: tty, baud: 9600 } }\n"))?.location
                == .nmea(device: "/etc/utermd/tty", baudRate: 9600))
        #expect((try? parse(base + "location: { gpsd: {} }\n"))?.location == .gpsd(host: "127.0.0.1", port: 2947))
    }

    @Test func tokenFileAndTraceRules() {
        #expect(
            problems(Self.minimal + "status_api: { token: 0123456789abcdef, token_file: t }\n").contains {
                $0.contains("give token or token_file, not both")
            })
        #expect(problems(Self.minimal + "board: x\n").contains { $0.contains("duplicated key") })
        let real = Self.minimal.replacingOccurrences(of: "board: embedded:sim", with: "board: /b.yaml")
        #expect(problems(real + "sim_trace_file: t.txt\n").contains { $0.contains("sim_trace_file: a GPIO trace exists only") })
    }

    @Test func simulatedObstructions() throws {
        let configuration = try parse(
            Self.minimal + """
                sim_obstructions:
                  - { label: house, azimuth_from_deg: 330, azimuth_to_deg: 20, max_elevation_deg: 35 }
                  - { azimuth_from_deg: 90, azimuth_to_deg: 100, max_elevation_deg: 90 }

                """)
        #expect(
            configuration.simulatedObstructions == [
                ObstructionSector(label: "house", azimuthFromDegrees: 330, azimuthToDegrees: 20, maximumElevationDegrees: 35),
                ObstructionSector(azimuthFromDegrees: 90, azimuthToDegrees: 100, maximumElevationDegrees: 90),
            ])
        #expect(try parse(Self.minimal).simulatedObstructions.isEmpty)
        #expect(
            problems(Self.minimal + "sim_obstructions: [{ azimuth_from_deg: 0, azimuth_to_deg: 10, max_elevation_deg: 95 }]\n")
                .contains { $0.contains("max_elevation_deg") })
        #expect(
            problems(Self.minimal + "sim_obstructions: [{ azimuth_from_deg: 0, azimuth_to: 10, max_elevation_deg: 5 }]\n")
                .contains { $0.contains("unknown field") })
        let real = Self.minimal.replacingOccurrences(of: "board: embedded:sim", with: "board: /b.yaml")
        #expect(
            problems(real + "sim_obstructions: []\n").contains {
                $0.contains("sim_obstructions: simulated obstructions exist only")
            })
    }

    @Test func beamformerReplyTimeout() throws {
        #expect(try parse(Self.minimal).beamformerReplyTimeoutMilliseconds == nil)
        #expect(try parse(Self.minimal + "beamformer: { reply_timeout_ms: 500 }\n").beamformerReplyTimeoutMilliseconds == 500)
        #expect(problems(Self.minimal + "beamformer: { reply_timeout_ms: 0 }\n").contains { $0.contains("reply_timeout_ms") })
        #expect(problems(Self.minimal + "beamformer: { timeout: 5 }\n").contains { $0.contains("unknown field") })
    }

    @Test func referencedFilesAreChecked() throws {
        let directory = NSTemporaryDirectory() + "utermd-config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let text =
            Self.minimal.replacingOccurrences(of: "bundle: embedded:example", with: "bundle: missing.yaml")
            + "status_api: { token_file: token }\nelement_sets: none.tle\n"
        let configuration = try DaemonConfigurationFile.parse(yaml: text, file: "c.yaml", baseDirectory: directory)
        do {
            _ = try DaemonResources.load(configuration, now: Date())
            Issue.record("missing files must be reported")
        } catch {
            let messages = error.errors.map(\.description)
            #expect(messages.contains { $0.hasPrefix("c.yaml:3:19: policy.bundle: policy rejected") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("c.yaml:7:27: status_api.token_file: cannot read") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("c.yaml:8:15: element_sets:") }, "\(messages)")
        }
    }

    /// Issue 14: `../base.tle` beside `cfg/utermd.yaml` is `base.tle`, not `cfg/base.tle`, and
    /// `sub/../../base.tle` is not `/base.tle`: paths resolve as the shell resolves them.
    @Test func relativePathsResolveAsTheShellDoes() {
        #expect(ConfigReader.resolve("../base.tle", against: "/srv/site/cfg") == "/srv/site/base.tle")
        #expect(ConfigReader.resolve("sub/../../base.tle", against: "/srv/site/cfg") == "/srv/site/base.tle")
        #expect(ConfigReader.resolve("./a/./b.tle", against: "/srv/site/cfg") == "/srv/site/cfg/a/b.tle")
        #expect(ConfigReader.resolve("../../../../x", against: "/srv/cfg") == "/x")
        #expect(ConfigReader.resolve("/abs/x.tle", against: "/srv/cfg") == "/abs/x.tle")
        let cwd = FileManager.default.currentDirectoryPath
        #expect(ConfigReader.resolve("../e.tle", against: "cfg") == (cwd == "/" ? "/e.tle" : cwd + "/e.tle"))
        let text = Self.minimal + "element_sets: ../base.tle\n"
        let configuration = try? DaemonConfigurationFile.parse(yaml: text, file: "c.yaml", baseDirectory: "/srv/site/cfg")
        #expect(configuration?.elementSets == .file("/srv/site/base.tle"))
    }

    /// Issue 14: a configuration that is a YAML list at its top printed "expected a mapping"
    /// once per field asked of it (17 times); it is said once, at the list.
    @Test func aListAtTheTopIsSaidOnce() {
        let found = problems("- format: 1\n- board: embedded:sim\n")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("test.yaml:1:1: ") == true && found.first?.contains("a list") == true, "\(found)")
    }

    /// Issue 14: a problem in a value reached through an alias was reported at the anchor,
    /// lines away from where the alias used it; it is reported where it is used.
    @Test func aliasErrorsPointAtTheAlias() {
        let yaml = """
            format: 1
            board: embedded:sim
            policy: { bundle: embedded:example, operator_key: embedded:example }
            location:
              fixed: &here { latitude_deg: 47.37, longitude_deg: 8.54 }
            audit_log: audit.log
            status_api: *here

            """
        let found = problems(yaml)
        #expect(
            found.contains { $0.hasPrefix("test.yaml:7:1: status_api.latitude_deg: unknown field") && $0.contains("alias") },
            "\(found)")
    }
}
