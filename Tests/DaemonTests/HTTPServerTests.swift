import Foundation
import TestSupport
import Testing

@testable import Daemon

/// The status API's HTTP server (Hummingbird) over real sockets: answers, limits, hostile
/// bytes, many clients at once, and survival.
@Suite struct HTTPServerTests {
    func server(limits: StatusHTTPServer.Limits = StatusHTTPServer.Limits()) throws -> RunningStatusServer {
        try RunningStatusServer(limits: limits) { request in
            if request.path == "/echo" { return HTTPResponse(status: 200, body: request.body) }
            return .json(["path": request.path, "method": request.method])
        }
    }

    @Test func answersAndCloses() throws {
        let server = try server()
        defer { server.stop() }
        let reply = try TestClient.http(port: server.port, "GET /status HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(reply.status == 200)
        #expect(reply.text.lowercased().contains("connection: close"))
        #expect(TestClient.body(reply.text) == "{\"method\":\"GET\",\"path\":\"/status\"}\n")
        let head = try TestClient.http(port: server.port, "HEAD /status HTTP/1.0\r\n\r\n")
        #expect(head.status == 200)
        #expect(TestClient.body(head.text).isEmpty)
        #expect(head.text.lowercased().contains("content-length: 35"), "HEAD tells the GET's length: \(head.text)")
    }

    @Test func limitsAnsweredAndServerSurvives() throws {
        let server = try server(limits: StatusHTTPServer.Limits(maximumBodyBytes: 64, idleTimeout: .milliseconds(500)))
        defer { server.stop() }
        let port = server.port
        let big = try TestClient.http(
            port: port, "POST /echo HTTP/1.1\r\nContent-Length: 100000\r\n\r\n" + String(repeating: "x", count: 5000))
        #expect(big.status == 413)
        // Headers past the decoder's limit: a 4xx, never a crash.
        let header = try TestClient.http(
            port: port, "GET / HTTP/1.1\r\nX: " + String(repeating: "y", count: 200_000) + "\r\n\r\n")
        #expect((400..<500).contains(header.status) || header.status == -1, "\(header.status)")
        // Silence: the connection is closed after the idle timeout without an answer.
        let silent = try TestClient(port: port)
        #expect(silent.readAll().isEmpty)
        var garbage = [UInt8](repeating: 0, count: 300)
        for index in garbage.indices { garbage[index] = UInt8(truncatingIfNeeded: index &* 37 &+ 11) }
        let junk = try TestClient(port: port)
        junk.write(garbage)
        #expect(junk.readAll().hasPrefix("HTTP/1.1 4"))
        let echo = try TestClient.http(port: port, "POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")
        #expect(echo.status == 200)
        #expect(TestClient.body(echo.text) == "hello")
    }

    /// The defect of the hand-written server (one thread, one request at a time): each silent
    /// or slow client ahead of a request held it for up to 5 s. Now 200 slow-loris clients
    /// and 50 silent ones are held while /status answers at once (bound generous for a loaded
    /// 2-core machine; Benchmarks/status_load.py measures the real p99).
    @Test func slowAndSilentClientsDoNotDelayOthers() throws {
        let server = try server()
        defer { server.stop() }
        var held: [TestClient] = []
        for index in 0..<250 {
            let client = try TestClient(port: server.port)
            if index < 200 { client.write("GET /status HTTP/1.1\r\nHost: x\r\nX-Slow: a") }
            held.append(client)
        }
        for client in held.prefix(200) { client.write("b") }
        let started = Date()
        for _ in 0..<20 {
            let reply = try TestClient.http(port: server.port, "GET /status HTTP/1.1\r\n\r\n")
            #expect(reply.status == 200)
        }
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 4, "20 requests took \(seconds) s with 250 slow and silent clients connected")
        withExtendedLifetime(held) {}
    }

    @Test func stopEndsTheListener() throws {
        let server = try server()
        let port = server.port
        server.stop()
        #expect(throws: (any Error).self) { _ = try TestClient(port: port) }
    }

    @Test func aTakenPortIsReported() throws {
        let first = try server()
        defer { first.stop() }
        guard let address = ListenAddress(host: "127.0.0.1", port: first.port) else { throw TestFailure("address") }
        let second = StatusHTTPServer(address: address) { _ in .text(200, "no") }
        let background = BackgroundService(second)
        defer { background.stop() }
        guard case .failure(let error) = second.waitUntilBound(timeoutSeconds: 30) else {
            Issue.record("a second server bound \(address)")
            return
        }
        #expect("\(error)".lowercased().contains("address already in use"), "\(error)")
    }

    @Test func addressesAndLoopback() {
        #expect(ListenAddress(host: "127.0.0.1", port: 1)?.isLoopback == true)
        #expect(ListenAddress(host: "127.8.9.10", port: 1)?.isLoopback == true)
        #expect(ListenAddress(host: "localhost", port: 1)?.isLoopback == true)
        #expect(ListenAddress(host: "::1", port: 1)?.isLoopback == true)
        #expect(ListenAddress(host: "::ffff:127.0.0.1", port: 1)?.isLoopback == true)
        #expect(ListenAddress(host: "0.0.0.0", port: 1)?.isLoopback == false)
        #expect(ListenAddress(host: "::", port: 1)?.isLoopback == false)
        #expect(ListenAddress(host: "192.168.1.2", port: 1)?.isLoopback == false)
        #expect(ListenAddress(host: "example.org", port: 1) == nil)
        #expect(ListenAddress(host: "::1", port: 9201)?.description == "[::1]:9201")
    }
}
