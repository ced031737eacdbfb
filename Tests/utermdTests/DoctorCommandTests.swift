import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `utermd doctor` as an integrator runs it: on the simulated board, and with failures
/// provoked on this machine (a port taken, a board whose chips are absent, no configuration).
@Suite struct DoctorCommandTests {
    /// Config/sim.yaml with free ports and a private audit log (other tests may hold 9201, 4533,
    /// or the dish API's 9200).
    /// A free port that begins with another port's digits goes in as it is.
    @Test func theFreePortsGoInAsTheyAreWhateverDigitsTheyStartWith() {
        let text = "status_api: { port: 9201 }\nrotctld: { port: 4533 }\ndish_api: { port: 9200 }\n"
        #expect(
            simConfiguration(text, statusPort: 45331, rotctldPort: 44259, dishPort: 26465)
                == "status_api: { port: 45331 }\nrotctld: { port: 44259 }\ndish_api: { port: 26465 }\n")
    }

    static func simulatedConfiguration(statusPort: UInt16? = nil, board: String = "embedded:sim", hardware: String = "simulated")
        throws -> String
    {
        let text = try String(
            contentsOf: CommandLineTests.repository.appendingPathComponent("Config/sim.yaml"), encoding: .utf8)
        let directory = NSTemporaryDirectory() + "utermd-doctor-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let status = try statusPort ?? RunSupport.freePort()
        let edited = simConfiguration(
            text, statusPort: status, rotctldPort: try RunSupport.freePort(), dishPort: try RunSupport.freePort()
        )
        .replacingOccurrences(of: "/tmp/utermd-sim/", with: directory + "/")
            .replacingOccurrences(of: "board: embedded:sim ", with: "board: \(board)\nhardware: \(hardware) ")
        // The simulated board's trace file means nothing to real lines.
        let kept = edited.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { hardware == "simulated" || !$0.hasPrefix("sim_trace_file") }
        let path = directory + "/utermd.yaml"
        try kept.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    struct Finding: Decodable {
        var check: String
        var verdict: String
        var finding: String
        var remedy: String
    }
    struct Report: Decodable {
        var canRun: Bool
        var findings: [Finding]
    }

    static func doctor(_ config: String) throws -> (status: Int32, report: Report, errors: String) {
        let run = try CommandLineTests.utermd("doctor", "--config", config, "--json")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.output.utf8))
        return (run.status, report, run.errors)
    }

    /// The clock is the one check this machine may fail by itself (a container whose clock
    /// the kernel calls unsynchronised); everything else must be ok or a warning.
    @Test func theSimulatedBoardCanRunSaveForTheMachinesClock() throws {
        let (status, report, _) = try Self.doctor(try Self.simulatedConfiguration())
        let byCheck = Dictionary(report.findings.map { ($0.check, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byCheck["config"]?.verdict == "ok")
        #expect(byCheck["hardware"]?.verdict == "ok")
        #expect(byCheck["element-sets"]?.verdict == "ok")
        #expect(byCheck["policy"]?.verdict == "warning")  // the published EXAMPLE key
        #expect(byCheck["port status_api"]?.verdict == "ok")
        #expect(byCheck["port rotctld"]?.verdict == "ok")
        for check in ["rlimit-rtprio", "rlimit-memlock", "sched-fifo", "preempt-rt", "cpu-dma-latency", "cpu-governor"] {
            #expect(byCheck[check] != nil, "no \(check)")
        }
        let failed = report.findings.filter { $0.verdict == "failed" }.map(\.check)
        #expect(failed == [] || failed == ["clock"], "\(failed)")
        #expect(report.canRun == failed.isEmpty)
        #expect(status == (failed.isEmpty ? 0 : 1))
    }

    @Test func aTakenPortFailsAndNamesTheRemedy() throws {
        let port = try RunSupport.freePort()
        #if canImport(Glibc)
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0 && listen(listener, 1) == 0)
        let (status, report, _) = try Self.doctor(try Self.simulatedConfiguration(statusPort: port))
        let finding = try #require(report.findings.first { $0.check == "port status_api" })
        #expect(finding.verdict == "failed")
        #expect(finding.remedy.contains("ss -ltnp"))
        #expect(status == 1)
        #expect(!report.canRun)
    }

    @Test func aMissingConfigurationFailsWithoutACrash() throws {
        let (status, report, _) = try Self.doctor("/nonexistent/utermd.yaml")
        #expect(status == 1)
        #expect(report.findings.first?.check == "config")
        #expect(report.findings.first?.verdict == "failed")
    }

    #if os(Linux)
        /// The real libgpiod and libusb paths, on a machine without the board's chip or bridge.
        @Test(
            .enabled(
                if: !FileManager.default.fileExists(atPath: "/dev/gpiochip0"),
                "this machine has GPIO chips: the Pi 5 board's chip may really be there"))
        func aBoardWhoseChipAndBridgeAreAbsentFailsOnBoth() throws {
            let board = CommandLineTests.repository.appendingPathComponent("Boards/rpi5.yaml").path
            let (status, report, _) = try Self.doctor(try Self.simulatedConfiguration(board: board, hardware: "linux"))
            let byCheck = Dictionary(report.findings.map { ($0.check, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(byCheck["libgpiod"]?.verdict == "ok", "\(byCheck["libgpiod"]?.finding ?? "")")
            #expect(byCheck["gpio-chip pinctrl-rp1"]?.verdict == "failed")
            #expect(byCheck["gpio-chip pinctrl-rp1"]?.remedy.contains("utermd hw list") == true)
            #expect(byCheck["usb beamformer"]?.verdict == "failed")
            #expect(status == 1)
        }
    #endif
}
