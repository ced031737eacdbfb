import Drivers
import Foundation
import Platform
import TestSupport
import Testing

/// The GNSS driver against a real gpsd, fed the vessel log by gpsfake (Debian packages
/// `gpsd` and `gpsd-clients`; `make test` installs them).
@Suite struct GPSDLiveTests {
    static let gpsfake = ["/usr/bin/gpsfake", "/usr/local/bin/gpsfake"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let gpsd = ["/usr/sbin/gpsd", "/usr/local/sbin/gpsd", "/usr/bin/gpsd"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let timeout = ["/usr/bin/timeout", "/bin/timeout"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let python = ["/usr/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var missing: String? {
        if python == nil { return "python3 (gpsfake's interpreter) is not installed" }
        if gpsfake == nil { return "gpsfake is not installed (apt-get install gpsd-clients)" }
        if gpsd == nil { return "gpsd is not installed (apt-get install gpsd)" }
        if timeout == nil { return "timeout (coreutils) is not installed" }
        return nil
    }

    @Test(.enabled(if: missing == nil, "gpsd or gpsfake missing: the live gpsd test is skipped"), .timeLimit(.minutes(1)))
    func gpsdServesTheVesselLogAndTheDriverReadsEveryFix() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let port = try TestClient.freePort()
        let output = scratch.path + "/gpsfake.log"
        #expect(FileManager.default.createFile(atPath: output, contents: nil))
        let log = try #require(FileHandle(forWritingAtPath: output))
        let process = Process()
        // gpsfake replays the log in a loop (gpsd opens the fake receiver only when a client
        // watches, so a single pass could be over before then), bounded by `timeout`: SIGINT
        // after 120 s at the latest, on which gpsfake stops the gpsd it started. The test
        // sends the same SIGINT as soon as it is done. The test runner's threads block
        // SIGINT, SIGTERM and SIGALRM and a child inherits that mask, which would make all of
        // them ineffective: python3 clears the mask before it executes `timeout`.
        let unblockSignals =
            "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])"
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [
            "-c", unblockSignals, try #require(Self.timeout), "-s", "INT", "-k", "10", "120", try #require(Self.gpsfake), "-q",
            "-P",
            "\(port)", Fixture.vesselLog,
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin:" + (environment["PATH"] ?? "")
        process.environment = environment
        process.standardOutput = log
        process.standardError = log
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGINT) }
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            // `timeout` leads its own process group: gpsfake and gpsd are in it.
            if process.isRunning { kill(-process.processIdentifier, SIGKILL) }
            try? log.close()
        }

        // gpsfake starts gpsd, which listens once it is up.
        var client: GPSDClient?
        let connectDeadline = Date().addingTimeInterval(20)
        while client == nil && Date() < connectDeadline && process.isRunning {
            client = try? GPSDClient(port: port, connectTimeout: .milliseconds(500))
            if client == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let gpsdClient = try #require(
            client, "could not connect to gpsd: \(String(describing: try? String(contentsOfFile: output, encoding: .utf8)))")
        var fixes: [GNSSFix] = []
        let readDeadline = Date().addingTimeInterval(30)
        while Date() < readDeadline {
            let read = Result { () throws(GNSSError) in try gpsdClient.readFixes(timeout: .milliseconds(200)) }
            if case .failure(let error) = read {
                #expect(error == .connectionClosed)
                break
            }
            fixes += (try? read.get()) ?? []
            if Set(fixes.filter { $0.mode == .threeDimensional }.compactMap(\.utc)).count >= 28 { break }
        }
        gpsdClient.close()
        // The log repeats: keep the first report of each epoch.
        var seen: Set<UTCInstant> = []
        let threeD = fixes.filter { $0.mode == .threeDimensional && $0.utc.map { seen.insert($0).inserted } == true }

        #expect(gpsdClient.daemonRelease != nil)
        #expect(
            threeD.count == 28,
            "gpsd gave \(threeD.count) 3-D fixes; gpsfake said: \((try? String(contentsOfFile: output, encoding: .utf8)) ?? "")")
        #expect(gpsdClient.rejectedLineCount == 0, "\(gpsdClient.recentRejections)")

        // Every gpsd fix agrees with the same epoch read from the log directly.
        let descriptor = open(Fixture.vesselLog, O_RDONLY)
        try #require(descriptor >= 0)
        let direct = try NMEAStreamReader(fileDescriptor: descriptor, closesDescriptor: true).readAll()
        let byTime = Dictionary(direct.compactMap { fix in fix.utc.map { ($0, fix) } }, uniquingKeysWith: { first, _ in first })
        for fix in threeD {
            let reference = try #require(fix.utc.flatMap { byTime[$0] }, "no NMEA epoch at \(String(describing: fix.utc))")
            #expect(abs(fix.latitudeDegrees - reference.latitudeDegrees) < 1e-7)
            #expect(abs(fix.longitudeDegrees - reference.longitudeDegrees) < 1e-7)
            #expect(fix.isUsable && (fix.horizontalAccuracyMetres ?? 0) > 0)
        }
        // Height above the ellipsoid: 4.2 m above the geoid + 38.6 m. (At 10:15:12, where the
        // log has its damaged lines, gpsd reports that epoch without altitude.)
        let heights = threeD.compactMap(\.altitudeMetres)
        #expect(heights.count >= 27 && heights.allSatisfy { abs($0 - 42.8) < 1e-3 })
        #expect(threeD.compactMap(\.utc).min()?.iso8601 == "2025-03-14T10:15:02.000Z")
        #expect(threeD.contains { $0.satellitesUsed == 7 })
    }
}
