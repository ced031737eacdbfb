import Foundation

/// The daemon's HTTP API (served by ``StatusHTTPServer``; loopback only unless configured):
///
/// | request | answer |
/// |---|---|
/// | `GET /status` | JSON, the dish's vocabulary (``StatusJSON/status(_:)``) |
/// | `GET /history[?limit=N]` | JSON arrays of the 1 s samples, oldest first |
/// | `GET /obstructions` | JSON az/el grid |
/// | `GET /metrics` | Prometheus text format 0.0.4 |
/// | `POST /stow` | stop transmitting and stow until `POST /unstow` (optional JSON body `{"reason": "..."}`) |
/// | `POST /unstow` | lift the stow: the terminal resumes, transmit returns once every condition holds (409 while stopping) |
/// | `POST /obstructions/reset` | forget the learned obstruction map (the dish's "reset obstruction map") |
/// | `POST /reboot` | stow, then exit with ``DaemonExitCode/restartRequested`` for systemd to restart |
/// | `POST /policy` | a signed policy bundle as the body; verified before it reaches the tick |
/// | `POST /elements/reload` | read the configured element-set file again: newer elements for the satellites tracked, without dropping the link (as SIGHUP) |
///
/// POSTs need `Authorization: Bearer <token>`: without the header 401, with a wrong token (or
/// when no token is configured) 403. A body that is not a JSON object where one is expected
/// gets 400. `GET` and `HEAD` are the only other methods served (405 otherwise).
package struct StatusAPI: Sendable {
    private let providers: StatusProviders
    private let token: BearerToken?

    /// An API over `providers`; `token` nil refuses every POST.
    package init(providers: StatusProviders, token: String?) {
        self.providers = providers
        self.token = token.map(BearerToken.init)
    }

    /// The response to one request.
    package func respond(to request: HTTPRequest) -> HTTPResponse {
        switch (request.method, request.path) {
        case ("GET", "/status"), ("HEAD", "/status"):
            return .json(StatusJSON.status(providers.status()))
        case ("GET", "/history"), ("HEAD", "/history"):
            var limit: Int?
            if let text = request.queryValue("limit") {
                guard let value = Int(text), value > 0 else { return .error(400, "limit must be a positive integer") }
                limit = value
            }
            let history = providers.history(limit)
            return .json(
                StatusJSON.history(
                    history.samples, totalSamples: history.total, reportLocation: providers.reportLocation,
                    satelliteName: providers.satelliteName))
        case ("GET", "/obstructions"), ("HEAD", "/obstructions"):
            return .json(StatusJSON.obstructions(providers.obstructions()))
        case ("GET", "/metrics"), ("HEAD", "/metrics"):
            return HTTPResponse(status: 200, contentType: MetricsRegistry.contentType, body: Array(providers.metrics().utf8))
        case ("POST", "/stow"), ("POST", "/unstow"), ("POST", "/reboot"), ("POST", "/policy"), ("POST", "/obstructions/reset"), ("POST", "/elements/reload"):
            if let refusal = authorise(request) { return refusal }
            return command(request)
        case (_, "/status"), (_, "/history"), (_, "/obstructions"), (_, "/metrics"):
            return .error(405, "method not allowed", headers: ["Allow": "GET, HEAD"])
        case (_, "/stow"), (_, "/unstow"), (_, "/reboot"), (_, "/policy"), (_, "/obstructions/reset"), (_, "/elements/reload"):
            return .error(405, "method not allowed", headers: ["Allow": "POST"])
        default:
            return .error(404, "no such resource (try /status, /history, /obstructions, /metrics)")
        }
    }

    private func authorise(_ request: HTTPRequest) -> HTTPResponse? {
        guard let header = request.header("authorization") else {
            return .error(401, "a bearer token is required", headers: ["WWW-Authenticate": "Bearer realm=\"utermd\""])
        }
        guard let token else { return .error(403, "no token is configured: state-changing requests are disabled") }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            token.matches(String(parts[1]).trimmingCharacters(in: .whitespaces))
        else {
            return .error(403, "wrong token")
        }
        return nil
    }

    private func command(_ request: HTTPRequest) -> HTTPResponse {
        let outcome: CommandOutcome
        switch request.path {
        case "/policy":
            guard !request.body.isEmpty else { return .error(400, "send the signed policy bundle as the body") }
            outcome = providers.policy(request.body)
        default:
            let reason: String?
            switch Self.reason(in: request.body) {
            case .success(let text): reason = text
            case .failure(let failure): return .error(400, failure.message)
            }
            switch request.path {
            case "/stow": outcome = providers.stow(reason)
            case "/unstow": outcome = providers.unstow(reason)
            case "/obstructions/reset": outcome = providers.resetObstructions(reason)
            case "/elements/reload": outcome = providers.reloadElements()
            default: outcome = providers.reboot(reason)
            }
        }
        return .json(outcome.body, status: outcome.status)
    }

    /// A problem with a request body.
    struct BodyError: Error {
        let message: String
    }

    /// The optional `reason` of an empty body or a JSON object body.
    static func reason(in body: [UInt8]) -> Result<String?, BodyError> {
        guard body.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return .success(nil) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) else {
            return .failure(BodyError(message: "the body is not valid JSON"))
        }
        guard let dictionary = object as? [String: Any] else {
            return .failure(BodyError(message: "the body must be a JSON object"))
        }
        guard let value = dictionary["reason"] else { return .success(nil) }
        guard let reason = value as? String else { return .failure(BodyError(message: "reason must be a string")) }
        return .success(String(reason.prefix(200)))
    }
}

/// A bearer token, compared in time independent of where the first difference lies.
struct BearerToken: Sendable {
    private let bytes: [UInt8]

    init(_ token: String) { bytes = Array(token.utf8) }

    func matches(_ candidate: String) -> Bool {
        let other = Array(candidate.utf8)
        var difference = UInt8(truncatingIfNeeded: bytes.count ^ other.count)
        for index in 0..<bytes.count {
            difference |= bytes[index] ^ (index < other.count ? other[index] : 0)
        }
        return difference == 0 && bytes.count == other.count
    }
}
