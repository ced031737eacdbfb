import Daemon
import Foundation
import Terminal

/// libFuzzer entry: the status API's request handling. The input is read as an HTTP/1.1
/// request as a client sends it (request line, header lines, a blank line, the body), the
/// same fields Hummingbird hands ``StatusAPI`` in the daemon; the API answers from fixed
/// providers. Besides not crashing, every answer must hold three properties, checked here
/// (a violation traps, so libFuzzer keeps the input as a finding):
/// - the status is a real HTTP status (200...599);
/// - a state-changing request (anything but GET/HEAD) succeeds only with
///   `Authorization: Bearer <the configured token>`;
/// - a JSON answer is well-formed JSON.
private let token = "fuzz-token-0123456789abcdef"

private func sampleStatus() -> DaemonStatus {
    var snapshot = TerminalSnapshot.initial
    snapshot.tickIndex = 42
    snapshot.state = .tracking
    snapshot.servingIndex = 7
    snapshot.azimuthDegrees = -123.5
    snapshot.elevationDegrees = 61.25
    snapshot.utcNanoseconds = 1_788_264_000_000_000_000
    return DaemonStatus(
        snapshot: snapshot, uptimeSeconds: 12.7, softwareVersion: "fuzz", boardName: "sim", boresight: (0, 90),
        desiredBoresight: (0, 90), servingSatellite: .init(index: 7, name: "STARLINK-1007", catalogNumber: 100_007),
        secondsToFirstNonemptySlot: 0, geofenceZoneName: "zone \"quoted\" \u{1}", alerts: ["example_policy"],
        outage: .init(cause: .noSchedule, startUTCSeconds: 1_788_263_990, durationSeconds: 10), obstruction: .empty,
        loop: nil, policy: .init(name: "p", version: 3, validUntil: "2031-01-01T00:00:00Z", isExample: true),
        reportLocation: true)
}

private let api: StatusAPI = {
    var sample = HistorySample.empty
    sample.utcSeconds = 1_788_264_000
    sample.latitudeDegrees = -33.92
    sample.longitudeDegrees = -70.6
    let rows = Array(repeating: sample, count: 5)
    let providers = StatusProviders(
        status: { sampleStatus() }, history: { limit in (Array(rows.prefix(max(0, limit ?? 3))), 99) },
        obstructions: { .empty }, metrics: { "utermd_up 1\n" },
        stow: { _ in .accepted("stowing") }, unstow: { _ in .accepted("unstowing") },
        reboot: { _ in .accepted("restarting") },
        policy: { bytes in CommandOutcome(status: 422, body: .object([("bytes", .number(Double(bytes.count)))])) },
        resetObstructions: { _ in .accepted("reset") }, reloadElements: { .accepted("reloaded") },
        reportLocation: true, satelliteName: { "SAT-\($0)" })
    return StatusAPI(providers: providers, token: token)
}()

/// The request in `bytes`: `METHOD TARGET[ VERSION]` CRLF or LF, `Name: value` lines, a blank
/// line, the body. Anything that does not parse becomes a GET of its first line, as a lenient
/// server would route it.
private func request(_ bytes: [UInt8]) -> HTTPRequest {
    let text = String(decoding: bytes, as: UTF8.self)
    let head: Substring
    var body: [UInt8] = []
    if let range = text.range(of: "\r\n\r\n") ?? text.range(of: "\n\n") {
        head = text[..<range.lowerBound]
        body = Array(text[range.upperBound...].utf8)
    } else {
        head = text[...]
    }
    var lines = head.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    let requestLine = lines.isEmpty ? [] : lines.removeFirst().split(separator: " ")
    let method = requestLine.first.map(String.init) ?? "GET"
    let target = requestLine.count > 1 ? String(requestLine[1]) : "/"
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let headers = lines.compactMap { line -> (name: String, value: String)? in
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (String(line[..<colon]).lowercased(), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
    }
    return HTTPRequest(
        method: method, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "", headers: headers,
        body: body)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatusAPI(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let incoming = request(Array(UnsafeBufferPointer(start: data, count: size)))
    let answer = api.respond(to: incoming)
    precondition((200...599).contains(answer.status), "status \(answer.status) is not an HTTP status")
    if incoming.method != "GET" && incoming.method != "HEAD" && (200...299).contains(answer.status) {
        precondition(incoming.header("authorization") != nil, "\(incoming.method) \(incoming.path) succeeded without a token")
        precondition(
            incoming.header("authorization").map { $0.hasSuffix(token) } == true,
            "\(incoming.method) \(incoming.path) succeeded with a wrong token")
    }
    if answer.contentType.hasPrefix("application/json") {
        precondition(
            (try? JSONSerialization.jsonObject(with: Data(answer.body), options: [.fragmentsAllowed])) != nil,
            "\(incoming.method) \(incoming.path): the JSON answer does not parse")
    }
    return 0
}
