import Foundation
import TestSupport
import Testing

@testable import Daemon
@testable import Terminal

/// The status API without a terminal: routes, documents, authorisation, bad bodies.
@Suite struct StatusAPITests {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func record(_ entry: String) { lock.withLock { entries.append(entry) } }
        var all: [String] { lock.withLock { entries } }
    }

    static func sampleStatus() -> DaemonStatus {
        var snapshot = TerminalSnapshot.initial
        snapshot.tickIndex = 42
        snapshot.state = .tracking
        snapshot.servingIndex = 7
        snapshot.azimuthDegrees = 123.5
        snapshot.elevationDegrees = 61.25
        snapshot.transmitEnabled = false
        snapshot.unmetConditions = 0b1001  // position_fix_fresh, inside_scan_limit
        snapshot.utcNanoseconds = 1_788_264_000_000_000_000
        return DaemonStatus(
            snapshot: snapshot, uptimeSeconds: 12.7, softwareVersion: "test", boardName: "sim", boresight: (0, 90),
            desiredBoresight: (0, 90),
            servingSatellite: .init(index: 7, name: "STARLINK-1007", catalogNumber: 100_007, constellation: "starlink"),
            secondsToFirstNonemptySlot: 0, geofenceZoneName: nil, alerts: ["example_policy"],
            outage: .init(cause: .noSchedule, startUTCSeconds: 1_788_263_990, durationSeconds: 10), obstruction: .empty,
            loop: nil, policy: .init(name: "p", version: 3, validUntil: "2031-01-01T00:00:00Z", isExample: true),
            reportLocation: false)
    }

    static func api(token: String? = "0123456789abcdef-token", calls: Calls = Calls()) -> StatusAPI {
        var sample = HistorySample.empty
        sample.utcSeconds = 1_788_264_000
        sample.state = .tracking
        sample.outageCause = OutageCause.noSchedule.rawValue
        sample.latitudeDegrees = 31.2
        let rows = Array(repeating: sample, count: 3)
        let providers = StatusProviders(
            status: { sampleStatus() }, history: { limit in (Array(rows.prefix(limit ?? 3)), 99) },
            obstructions: { .empty }, metrics: { "utermd_up 1\n" },
            stow: { reason in
                calls.record("stow \(reason ?? "-")")
                return .accepted("stowing")
            },
            unstow: { reason in
                calls.record("unstow \(reason ?? "-")")
                return .accepted("unstowing")
            },
            reboot: { reason in
                calls.record("reboot \(reason ?? "-")")
                return .accepted("restarting")
            },
            policy: { bytes in
                calls.record("policy \(bytes.count)")
                return CommandOutcome(status: 422, body: .object([("accepted", .bool(false))]))
            },
            resetObstructions: { reason in
                calls.record("reset obstructions \(reason ?? "-")")
                return .accepted("reset")
            }, reportLocation: false)
        return StatusAPI(providers: providers, token: token)
    }

    func request(_ method: String, _ path: String, query: String = "", token: String? = nil, body: String = "") -> HTTPRequest {
        var headers: [(name: String, value: String)] = []
        if let token { headers.append(("authorization", token)) }
        return HTTPRequest(method: method, path: path, query: query, headers: headers, body: Array(body.utf8))
    }

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(response.body))
        guard let dictionary = object as? [String: Any] else { throw TestFailure("not an object") }
        return dictionary
    }

    @Test func statusInTheDishVocabulary() throws {
        let response = Self.api().respond(to: request("GET", "/status"))
        #expect(response.status == 200)
        #expect(response.contentType == "application/json")
        let status = try json(response)
        for key in [
            "state", "uptime_s", "boresight_azimuth_deg", "boresight_elevation_deg", "desired_boresight_azimuth_deg",
            "desired_boresight_elevation_deg", "serving_satellite", "seconds_to_first_nonempty_slot", "transmit_enabled",
            "unmet_transmit_conditions", "geofence", "alerts", "outage", "obstruction_stats", "loop", "policy",
        ] {
            #expect(status[key] != nil, "missing \(key)")
        }
        #expect(status["location"] == nil, "location only when the owner enabled it")
        #expect(status["state"] as? String == "TRACKING")
        #expect(status["uptime_s"] as? Int == 12)
        #expect(status["unmet_transmit_conditions"] as? [String] == ["position_fix_fresh", "inside_scan_limit"])
        let geofence = try #require(status["geofence"] as? [String: Any])
        #expect(geofence["action"] as? String == "noService")
        #expect(geofence["distance_to_boundary_m"] is NSNull, "NaN is null, not an encoding failure")
        let stats = try #require(status["obstruction_stats"] as? [String: Any])
        #expect((stats["wedge_fraction_obstructed"] as? [Double])?.count == 12)
        let outage = try #require(status["outage"] as? [String: Any])
        #expect(outage["cause"] as? String == "NO_SCHEDULE")
        let serving = try #require(status["serving_satellite"] as? [String: Any])
        #expect(serving["name"] as? String == "STARLINK-1007")
        #expect(serving["constellation"] as? String == "starlink")
    }

    @Test func historyObstructionsMetrics() throws {
        let api = Self.api()
        let history = try json(api.respond(to: request("GET", "/history", query: "limit=2")))
        #expect(history["current"] as? Int == 99)
        #expect((history["state"] as? [String]) == ["TRACKING", "TRACKING"])
        #expect((history["outage_cause"] as? [String]) == ["NO_SCHEDULE", "NO_SCHEDULE"])
        #expect(history["latitude_deg"] == nil)
        #expect(api.respond(to: request("GET", "/history", query: "limit=zero")).status == 400)
        let grid = try json(api.respond(to: request("GET", "/obstructions")))
        #expect(grid["num_rows"] as? Int == 18)
        #expect((grid["snr"] as? [Double])?.count == 72 * 18)
        let metrics = api.respond(to: request("GET", "/metrics"))
        #expect(metrics.contentType == "text/plain; version=0.0.4; charset=utf-8")
        #expect(String(decoding: metrics.body, as: UTF8.self) == "utermd_up 1\n")
    }

    @Test func routesAndMethods() {
        let api = Self.api()
        #expect(api.respond(to: request("GET", "/nothing")).status == 404)
        #expect(api.respond(to: request("DELETE", "/status")).status == 405)
        #expect(api.respond(to: request("GET", "/stow")).status == 405)
        #expect(api.respond(to: request("GET", "/stow")).headers["Allow"] == "POST")
    }

    @Test func stateChangesNeedTheToken() {
        let calls = Calls()
        let api = Self.api(calls: calls)
        let missing = api.respond(to: request("POST", "/stow"))
        #expect(missing.status == 401)
        #expect(missing.headers["WWW-Authenticate"] == "Bearer realm=\"utermd\"")
        #expect(api.respond(to: request("POST", "/stow", token: "Bearer wrong")).status == 403)
        #expect(api.respond(to: request("POST", "/stow", token: "Basic 0123456789abcdef-token")).status == 403)
        #expect(api.respond(to: request("POST", "/stow", token: "Bearer 0123456789abcdef-tokenX")).status == 403)
        #expect(api.respond(to: request("POST", "/reboot", token: "Bearer 0123456789abcdef")).status == 403)
        #expect(calls.all.isEmpty, "nothing done without the token")
        let stow = api.respond(
            to: request("POST", "/stow", token: "Bearer 0123456789abcdef-token", body: "{\"reason\": \"test\"}"))
        #expect(stow.status == 202)
        #expect(api.respond(to: request("POST", "/reboot", token: "bearer 0123456789abcdef-token")).status == 202)
        #expect(calls.all == ["stow test", "reboot -"])
        let noToken = Self.api(token: nil, calls: calls)
        #expect(noToken.respond(to: request("POST", "/stow", token: "Bearer anything")).status == 403)
    }

    @Test func unstowNeedsTheTokenToo() {
        let calls = Calls()
        let api = Self.api(calls: calls)
        #expect(api.respond(to: request("POST", "/unstow")).status == 401)
        #expect(api.respond(to: request("POST", "/unstow", token: "Bearer wrong")).status == 403)
        #expect(api.respond(to: request("GET", "/unstow")).status == 405)
        #expect(api.respond(to: request("POST", "/unstow", token: "Bearer 0123456789abcdef-token", body: "{oops")).status == 400)
        #expect(calls.all.isEmpty)
        let unstow = api.respond(
            to: request("POST", "/unstow", token: "Bearer 0123456789abcdef-token", body: "{\"reason\": \"clear\"}"))
        #expect(unstow.status == 202)
        #expect(calls.all == ["unstow clear"])
        #expect(StatusAPI.metricPath("/unstow") == "/unstow")
    }

    @Test func resettingTheObstructionMapNeedsTheToken() {
        let calls = Calls()
        let api = Self.api(calls: calls)
        #expect(api.respond(to: request("POST", "/obstructions/reset")).status == 401)
        #expect(api.respond(to: request("POST", "/obstructions/reset", token: "Bearer wrong")).status == 403)
        #expect(api.respond(to: request("GET", "/obstructions/reset")).status == 405)
        #expect(api.respond(to: request("POST", "/obstructions", token: "Bearer 0123456789abcdef-token")).status == 405)
        #expect(calls.all.isEmpty)
        #expect(api.respond(to: request("POST", "/obstructions/reset", token: "Bearer 0123456789abcdef-token")).status == 202)
        #expect(calls.all == ["reset obstructions -"])
        #expect(StatusAPI.metricPath("/obstructions/reset") == "/obstructions/reset")
    }

    @Test func badBodiesAre4xx() {
        let calls = Calls()
        let api = Self.api(calls: calls)
        let token = "Bearer 0123456789abcdef-token"
        #expect(api.respond(to: request("POST", "/stow", token: token, body: "{not json")).status == 400)
        #expect(api.respond(to: request("POST", "/stow", token: token, body: "[1, 2]")).status == 400)
        #expect(api.respond(to: request("POST", "/stow", token: token, body: "{\"reason\": 5}")).status == 400)
        #expect(api.respond(to: request("POST", "/reboot", token: token, body: "\u{0}\u{1}")).status == 400)
        #expect(api.respond(to: request("POST", "/policy", token: token)).status == 400)
        #expect(calls.all.isEmpty)
        #expect(api.respond(to: request("POST", "/policy", token: token, body: "format: 1")).status == 422)
        #expect(calls.all == ["policy 9"])
    }

    @Test func overHTTPWithLimits() throws {
        let api = Self.api()
        let server = try RunningStatusServer(limits: StatusHTTPServer.Limits(maximumBodyBytes: 1_024)) { api.respond(to: $0) }
        defer { server.stop() }
        let port = server.port
        #expect(try TestClient.http(port: port, "GET /status HTTP/1.1\r\n\r\n").status == 200)
        let huge = "POST /policy HTTP/1.1\r\nAuthorization: Bearer 0123456789abcdef-token\r\nContent-Length: 5000000\r\n\r\n"
        #expect(try TestClient.http(port: port, huge).status == 413)
        #expect(try TestClient.http(port: port, "POST /stow HTTP/1.1\r\nContent-Length: 3\r\n\r\n{}}").status == 401)
        #expect(try TestClient.http(port: port, "GET /status HTTP/1.1\r\n\r\n").status == 200, "still serving")
    }

    @Test func jsonValues() {
        let value = JSONValue.object([
            ("a", .array([.int(1), .double(0.5), .double(.nan), .bool(true), .null])), ("b", .string("q\"\\\n\u{1}é")),
        ])
        #expect(value.text == "{\"a\":[1,0.5,null,true,null],\"b\":\"q\\\"\\\\\\n\\u0001é\"}")
        #expect(JSONValue.number(nil) == .null)
        #expect(JSONValue.double(3).text == "3")
    }

    @Test func tokensCompare() {
        let token = BearerToken("secret-token-0123")
        #expect(token.matches("secret-token-0123"))
        #expect(!token.matches("secret-token-012"))
        #expect(!token.matches("secret-token-01234"))
        #expect(!token.matches(""))
    }
}
