import Foundation
import TestSupport
import Testing

@testable import Daemon

/// The rotctld endpoint: the protocol line by line, over TCP, and against Hamlib's own rotctl.
@Suite struct RotctldTests {
    final class Parks: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    static func provider(parks: Parks = Parks()) -> RotatorProvider {
        RotatorProvider(
            beamDirection: { (123.456, 54.321) },
            park: {
                parks.increment()
                return true
            }, info: "utermd test array")
    }

    @Test func commands() {
        let parks = Parks()
        let handler = RotctldProtocol(provider: Self.provider(parks: parks))
        #expect(handler.reply(to: "p") == .send("123.46\n54.32\n"))
        #expect(handler.reply(to: "\\get_pos") == .send("123.46\n54.32\n"))
        #expect(handler.reply(to: "+\\get_pos") == .send("get_pos:\nAzimuth: 123.46\nElevation: 54.32\nRPRT 0\n"))
        #expect(handler.reply(to: "P 10 20") == .send("RPRT -9\n"))
        #expect(handler.reply(to: "\\set_pos 10.5 20") == .send("RPRT -9\n"))
        #expect(handler.reply(to: "+P 10 20") == .send("set_pos: 10 20\nRPRT -9\n"))
        #expect(handler.reply(to: "P ten 20") == .send("RPRT -1\n"))
        #expect(handler.reply(to: "P 10") == .send("RPRT -1\n"))
        #expect(handler.reply(to: "S") == .send("RPRT 0\n"))
        #expect(handler.reply(to: "K") == .send("RPRT 0\n"))
        #expect(parks.count == 1)
        #expect(handler.reply(to: "M 2 50") == .send("RPRT -9\n"))
        #expect(handler.reply(to: "_") == .send("utermd test array\n"))
        #expect(handler.reply(to: "+_") == .send("get_info:\nInfo: utermd test array\nRPRT 0\n"))
        #expect(handler.reply(to: "\\dump_state") == .send(RotctldProtocol.dumpState))
        #expect(handler.reply(to: "X") == .send("RPRT -1\n"))
        #expect(handler.reply(to: "q") == .close)
        #expect(handler.reply(to: "Q") == .close)
        #expect(handler.reply(to: "p\r") == .send("123.46\n54.32\n"), "CRLF clients")
    }

    @Test func degreesAsHamlibPrintsThem() {
        #expect(RotctldProtocol.degrees(0) == "0.00")
        #expect(RotctldProtocol.degrees(359.999) == "360.00")
        #expect(RotctldProtocol.degrees(-0.001) == "0.00")
        #expect(RotctldProtocol.degrees(-12.345) == "-12.35")
        #expect(RotctldProtocol.degrees(7.05) == "7.05")
        #expect(RotctldProtocol.degrees(.nan) == "0.00")
    }

    func server() throws -> RotctldServer {
        guard let address = ListenAddress(host: "127.0.0.1", port: 0) else { throw TestFailure("address") }
        return try RotctldServer(address: address, provider: Self.provider(), idleTimeout: .seconds(2))
    }

    @Test func overTCP() throws {
        let server = try server()
        defer { server.stop() }
        let client = try TestClient(port: server.address.port)
        client.write("\\dump_state\np\nP 1 2\n")
        let text = client.read { $0.hasSuffix("RPRT -9\n") }
        #expect(text == RotctldProtocol.dumpState + "123.46\n54.32\nRPRT -9\n")
        client.write("q\n")
        #expect(client.readAll().isEmpty)
        let long = try TestClient(port: server.address.port)
        long.write(String(repeating: "x", count: 400))
        #expect(long.readAll() == "RPRT -1\n")
    }

    /// gpredict keeps one connection and polls `p` and `P az el`; idle clients holding sockets
    /// must not lock it out (the thread-per-client server allowed 8 clients and closed the 9th
    /// at once), and a silent client is disconnected after the idle timeout.
    @Test func pollsWhileIdleClientsHoldSockets() throws {
        let server = try server()
        defer { server.stop() }
        let idle = try (0..<16).map { _ in try TestClient(port: server.address.port) }
        let gpredict = try TestClient(port: server.address.port)
        // Polls for 3 s, past the idle timeout (2 s here), which closes the silent clients only.
        for round in 0..<10 {
            gpredict.write("p\nP \(100 + round) 45\n")
            let text = gpredict.read { $0.hasSuffix("RPRT -9\n") }
            #expect(text == "123.46\n54.32\nRPRT -9\n", "round \(round): \(text)")
            usleep(300_000)
        }
        let started = Date()
        #expect(idle[0].readAll().isEmpty)
        #expect(Date().timeIntervalSince(started) < 5, "closed by the idle timeout, not the test client's 10 s")
        gpredict.write("q\n")
        #expect(gpredict.readAll().isEmpty)
    }

    /// Hamlib's own client, `rotctl -m 2` (NET rotctl), reads the beam position; skipped with the
    /// reason when Debian's libhamlib-utils is not installed (`make deps` installs it).
    @Test(.enabled(if: executable("rotctl") != nil, "rotctl not installed (apt-get install libhamlib-utils)"))
    func hamlibRotctlReadsThePosition() throws {
        let rotctl = try #require(Self.executable("rotctl"))
        let server = try server()
        defer { server.stop() }
        let target = "127.0.0.1:\(server.address.port)"
        let position = try Self.run(rotctl, ["-m", "2", "-r", target, "p"])
        #expect(position.status == 0, "\(position.errors)")
        #expect(position.output == "123.460000\n54.320000\n" || position.output == "123.46\n54.32\n", "\(position.output)")
        let set = try Self.run(rotctl, ["-m", "2", "-r", target, "P", "10", "20"])
        #expect(set.output.contains("rejected") || set.errors.contains("rejected"), "\(set.output) \(set.errors)")
        let park = try Self.run(rotctl, ["-m", "2", "-r", target, "K"])
        #expect(park.status == 0, "\(park.errors)")
    }

    static func executable(_ name: String) -> URL? {
        for directory in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let path = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
        return nil
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
