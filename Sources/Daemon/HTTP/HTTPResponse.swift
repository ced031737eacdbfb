import Foundation

/// One HTTP response: status, content type, extra headers, body. Every response closes its
/// connection (`Connection: close`), so the server needs no keep-alive bookkeeping.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// `Content-Type`.
    public var contentType: String
    /// Further header fields.
    public var headers: [String: String]
    /// The body.
    public var body: [UInt8]

    /// Builds a response.
    public init(
        status: Int, contentType: String = "text/plain; charset=utf-8", headers: [String: String] = [:], body: [UInt8] = []
    ) {
        self.status = status
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }

    /// A plain-text response (a line, newline added).
    public static func text(_ status: Int, _ message: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array((message + "\n").utf8))
    }

    /// A JSON response of an `Encodable` value (sorted keys; NaN and infinities become null
    /// through the documents' own encoding).
    public static func json<T: Encodable>(_ value: T, status: Int = 200) -> HTTPResponse {
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
    public static func error(_ status: Int, _ message: String, headers: [String: String] = [:]) -> HTTPResponse {
        var response = json(["error": message], status: status)
        response.headers = headers
        return response
    }

    /// The status line's reason phrase.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }

    /// The bytes on the wire: status line, headers (with `Content-Length` and
    /// `Connection: close`), blank line, body; for `HEAD`, the body is left out.
    public func serialised(includingBody: Bool = true) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        head += "Content-Type: \(contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n"
        head += "Connection: close\r\n"
        head += "Cache-Control: no-store\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if includingBody { bytes += body }
        return bytes
    }
}
