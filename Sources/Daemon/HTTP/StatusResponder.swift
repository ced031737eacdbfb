import HTTPTypes
import Hummingbird
import NIOCore

/// Hummingbird's side of the status API: turns a Hummingbird request into an ``HTTPRequest``
/// (the body collected up to the limit), asks the handler, and turns its ``HTTPResponse``
/// back (for `HEAD`, the headers of the `GET` answer and no body).
struct StatusResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    let maximumBodyBytes: Int

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let tooLarge = HTTPResponse.error(413, "the body is larger than \(maximumBodyBytes) bytes")
        let includingBody = request.method != .head
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumBodyBytes {
            return Self.response(tooLarge, includingBody: includingBody)
        }
        let answer: HTTPResponse
        do {
            let body = try await request.collectBody(upTo: maximumBodyBytes)
            answer = handler(Self.statusRequest(request, body: body))
        } catch is NIOTooManyBytesError {
            answer = tooLarge
        } catch let error as HTTPError where error.status == .contentTooLarge {
            answer = tooLarge
        }
        return Self.response(answer, includingBody: includingBody)
    }

    /// The status API's view of a request: method, path, undecoded query, lower-cased header
    /// names in arrival order, body bytes.
    static func statusRequest(_ request: Request, body: ByteBuffer) -> HTTPRequest {
        HTTPRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: request.headers.map { (name: $0.name.canonicalName, value: $0.value) },
            body: Array(body.readableBytesView))
    }

    /// The wire response: status, `Content-Type`, `Content-Length`, `Cache-Control: no-store`,
    /// `Connection: close` and the response's own headers.
    static func response(_ answer: HTTPResponse, includingBody: Bool) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = answer.contentType
        fields[.contentLength] = "\(answer.body.count)"
        fields[.connection] = "close"
        fields[.cacheControl] = "no-store"
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        guard includingBody else { return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody()) }
        return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
