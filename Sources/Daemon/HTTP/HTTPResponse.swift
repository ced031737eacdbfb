import Foundation

/// One HTTP response as the status API gives it: status, content type, extra headers, body.
/// ``StatusHTTPServer`` writes it (with `Content-Length`, `Cache-Control: no-store` and
/// `Connection: close`).
package struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    package var status: Int
    /// `Content-Type`.
    package var contentType: String
    /// Further header fields.
    package var headers: [String: String]
    /// The body.
    package var body: [UInt8]

    /// Builds a response.
    package init(
        status: Int, contentType: String = "text/plain; charset=utf-8", headers: [String: String] = [:], body: [UInt8] = []
    ) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// A plain-text response (a line, newline added).
    package static func text(_ status: Int, _ message: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array((message + "\n").utf8))
    }

    /// A JSON response of an `Encodable` value (sorted keys; NaN and infinities become null
    /// through the documents' own encoding).
    package static func json<T: Encodable>(_ value: T, status: Int = 200) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            var body = Array(try encoder.encode(value))
            body.append(0x0A)
            return HTTPResponse(status: status, contentType: "application/json", body: body)
        } catch {
            return .text(500, "cannot encode the response: \(error)")
        }
    }

    /// A JSON error body `{"error": "..."}`.
    package static func error(_ status: Int, _ message: String, headers: [String: String] = [:]) -> HTTPResponse {
        var response = json(["error": message], status: status)
        response.headers = headers
        return response
    }
}
