import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Helpers for the `utermd run` tests: free ports, raw HTTP, a notify socket of our own, and
/// a daemon process with its configuration in a temporary directory.
enum RunSupport {
    typealias Failure = TestFailure

    /// A TCP port nobody listens on now.
    static func freePort() throws -> UInt16 { try TestClient.freePort() }

    /// One HTTP/1.1 exchange on 127.0.0.1: (status, body).
    static func http(port: UInt16, _ method: String, _ path: String, token: String? = nil, body: String = "") throws -> (
        status: Int, body: String
    ) {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.utf8.count)\r\n"
        if let token { request += "Authorization: Bearer \(token)\r\n" }
        request += "\r\n" + body
        let (status, text) = try TestClient.http(port: port, request)
        return (status, TestClient.body(text))
    }

    /// An AF_UNIX datagram socket standing in for systemd's notify socket.
    final class NotifySocket {
        let path: String
        private let descriptor: Int32

        init() throws {
            path = NSTemporaryDirectory() + "utermd-run-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            #if canImport(Glibc)
                descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            #else
                descriptor = socket(AF_UNIX, SOCK_DGRAM, 0)
            #endif
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard bound == 0 else { throw Failure("bind \(path): errno \(errno)") }
        }

        deinit {
            close(descriptor)
            unlink(path)
        }

        /// The next datagram within `seconds`, or nil.
        func receive(within seconds: Int) -> String? {
            var timeout = timeval(tv_sec: seconds, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 4_096)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
        }

        /// Datagrams until one contains `text` (within `seconds` in all); all of them.
        func receive(until text: String, within seconds: Int) -> [String] {
            var messages: [String] = []
            let deadline = Date(timeIntervalSinceNow: Double(seconds))
            while Date() < deadline, let message = receive(within: max(1, Int(deadline.timeIntervalSinceNow.rounded(.up)))) {
                messages.append(message)
                if message.contains(text) { break }
            }
            return messages
        }
    }

    /// A `utermd run` process on the simulated board, with its own ports and files.
    final class Daemon {
        let directory: URL
        let statusPort: UInt16
        let rotctldPort: UInt16
        let token = "run-test-token-0123456789"
        let notify: NotifySocket
        let process = Process()
        private let errors = Pipe()
        private var keepsDirectory = false

        var configPath: String { directory.appendingPathComponent("utermd.yaml").path }
        var tracePath: String { directory.appendingPathComponent("gpio-trace.txt").path }
        var auditPath: String { directory.appendingPathComponent("audit/audit.log").path }

        init(rateHertz: Int = 250, extra: String = "") throws {
            directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("utermd-run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            statusPort = try freePort()
            rotctldPort = try freePort()
            notify = try NotifySocket()
            try configuration(logLevel: "info", extra: extra, rateHertz: rateHertz).write(
                toFile: configPath, atomically: true, encoding: .utf8)
        }

        /// A second daemon on `other`'s directory, configuration and ports.
        init(reusing other: Daemon) throws {
            directory = other.directory
            statusPort = other.statusPort
            rotctldPort = other.rotctldPort
            notify = try NotifySocket()
            keepsDirectory = true
        }

        /// The daemon's configuration. SCHED_FIFO for the loop (granted to root, refused with a
        /// warning otherwise): on a loaded shared machine an ordinary thread overruns often
        /// enough that "loop deadlines met" never holds and the terminal never transmits.
        func configuration(logLevel: String, extra: String = "", rateHertz: Int = 250) -> String {
            """
            format: 1
            board: embedded:sim
            element_sets: embedded
            policy: { bundle: embedded:example, operator_key: embedded:example }
            location:
              fixed: { latitude_deg: 47.3769, longitude_deg: 8.5417, altitude_m: 408 }
            audit_log: audit/audit.log
            loop: { rate_hz: \(rateHertz), fifo_priority: 10 }
            status_api: { bind: 127.0.0.1, port: \(statusPort), token: \(token), report_location: true }
            rotctld: { enabled: true, bind: 127.0.0.1, port: \(rotctldPort) }
            log_level: \(logLevel)
            sim_trace_file: gpio-trace.txt
            \(extra)
            """
        }

        /// Starts the daemon with `NOTIFY_SOCKET` pointing at our socket.
        func start() throws {
            process.executableURL = CommandLineTests.executable
            process.arguments = ["run", "--config", configPath]
            var environment = ProcessInfo.processInfo.environment
            environment["NOTIFY_SOCKET"] = notify.path
            environment.removeValue(forKey: "JOURNAL_STREAM")
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
        }

        func signal(_ number: Int32) { kill(process.processIdentifier, number) }

        /// Waits for the exit (at most `seconds`; then kills it); (status, standard error).
        func waitForExit(seconds: Double = 20) -> (status: Int32, log: String) {
            let deadline = Date(timeIntervalSinceNow: seconds)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationStatus, log)
        }

        /// `/status` as JSON.
        func status() throws -> [String: Any] {
            let reply = try http(port: statusPort, "GET", "/status")
            guard reply.status == 200,
                let object = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any]
            else {
                throw Failure("/status answered \(reply.status): \(reply.body)")
            }
            return object
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            if !keepsDirectory { try? FileManager.default.removeItem(at: directory) }
        }
    }
}
