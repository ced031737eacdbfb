import Foundation
import Testing

@testable import Daemon

/// The HTTP server over real sockets: answers, limits, timeouts, and survival.
@Suite struct HTTPServerTests {
    func server(limits: HTTPServer.Limits = HTTPServer.Limits()) throws -> HTTPServer {
        guard let address = ListenAddress(host: "127.0.0.1", port: 0) else { throw TestFailure("address") }
        return try HTTPServer(address: address, limits: limits) { request in
            if request.path == "/echo" { return HTTPResponse(status: 200, body: request.body) }
            return .json(["path": request.path, "method": request.method])
        }
    }

    @Test func answersAndCloses() throws {
        let server = try server()
        defer { server.stop() }
        let reply = try TestClient.http(port: server.address.port, "GET /status HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(reply.status == 200)
        #expect(reply.text.contains("Connection: close"))
        #expect(TestClient.body(reply.text) == "{\"method\":\"GET\",\"path\":\"/status\"}\n")
        let head = try TestClient.http(port: server.address.port, "HEAD /status HTTP/1.0\r\n\r\n")
        #expect(head.status == 200)
        #expect(TestClient.body(head.text).isEmpty)
    }

    @Test func limitsAnsweredAndServerSurvives() throws {
        let server = try server(
            limits: HTTPServer.Limits(maximumHeaderBytes: 256, maximumBodyBytes: 64, requestTimeout: .milliseconds(300)))
        defer { server.stop() }
        let port = server.address.port
        let big = try TestClient.http(
            port: port, "POST /echo HTTP/1.1\r\nContent-Length: 100000\r\n\r\n" + String(repeating: "x", count: 5000))
        #expect(big.status == 413)
        let header = try TestClient.http(port: port, "GET / HTTP/1.1\r\nX: " + String(repeating: "y", count: 400) + "\r\n\r\n")
        #expect(header.status == 431)
        // Sends a head, then too little body: 408 when the deadline passes.
        let slow = try TestClient.http(port: port, "POST /echo HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")
        #expect(slow.status == 408)
        // Silence: the connection is closed without an answer, and the server carries on.
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

    @Test func stopEndsTheListener() throws {
        let server = try server()
        let port = server.address.port
        server.stop()
        #expect(throws: (any Error).self) { _ = try TestClient(port: port) }
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
