import Foundation

/// Reads one HTTP/1.1 request from bytes as they arrive, within limits: the request line and
/// headers at most `maximumHeaderBytes`, the body at most `maximumBodyBytes` and only with a
/// `Content-Length` (no chunked uploads). Anything else is a typed ``HTTPRequestParser/Failure``
/// with the status code to answer, never a crash.
public struct HTTPRequestParser: Sendable {
    /// Why a request was refused, with the status code to answer.
    public struct Failure: Error, Sendable, Hashable {
        /// 400, 411, 413, 431, 501, 505.
        public var status: Int
        /// What was wrong, for the response body.
        public var message: String
    }

    /// What the bytes so far amount to.
    public enum Outcome: Sendable {
        /// Not a whole request yet.
        case incomplete
        /// A whole request (bytes after it are ignored: one request per connection).
        case complete(HTTPRequest)
        /// A request that must be refused.
        case failed(Failure)
    }

    /// Longest request line plus headers.
    public let maximumHeaderBytes: Int
    /// Largest body.
    public let maximumBodyBytes: Int

    private var bytes: [UInt8] = []
    private var head: (request: HTTPRequest, bodyStart: Int, bodyLength: Int)?

    /// A parser with the given limits.
    public init(maximumHeaderBytes: Int = 8 * 1024, maximumBodyBytes: Int = 1 << 20) {
        self.maximumHeaderBytes = maximumHeaderBytes
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Adds bytes and says whether a request is complete.
    public mutating func append<C: Collection>(_ more: C) -> Outcome where C.Element == UInt8 {
        bytes.append(contentsOf: more)
        if head == nil {
            guard let end = Self.endOfHead(bytes) else {
                if bytes.count > maximumHeaderBytes {
                    return .failed(Failure(status: 431, message: "request line and headers exceed \(maximumHeaderBytes) bytes"))
                }
                return .incomplete
            }
            guard end <= maximumHeaderBytes else {
                return .failed(Failure(status: 431, message: "request line and headers exceed \(maximumHeaderBytes) bytes"))
            }
            switch parseHead(bytes[0..<end]) {
            case .success(let parsed): head = (parsed.request, end + 4, parsed.bodyLength)
            case .failure(let failure): return .failed(failure)
            }
        }
        guard let head else { return .incomplete }
        guard bytes.count - head.bodyStart >= head.bodyLength else { return .incomplete }
        var request = head.request
        request.body = Array(bytes[head.bodyStart..<(head.bodyStart + head.bodyLength)])
        return .complete(request)
    }

    /// Whether the request line and headers have been read (the body may still be coming).
    public var hasHead: Bool { head != nil }

    private static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func parseHead(_ raw: ArraySlice<UInt8>) -> Result<(request: HTTPRequest, bodyLength: Int), Failure> {
        guard let text = String(bytes: raw, encoding: .utf8) else {
            return .failure(Failure(status: 400, message: "the request head is not UTF-8"))
        }
        let lines = text.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, requestLine[1].hasPrefix("/") else {
            return .failure(Failure(status: 400, message: "malformed request line"))
        }
        guard requestLine[2] == "HTTP/1.1" || requestLine[2] == "HTTP/1.0" else {
            return .failure(Failure(status: 505, message: "only HTTP/1.0 and HTTP/1.1 are served"))
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                !line[line.startIndex..<colon].contains(where: { $0 == " " || $0 == "\t" })
            else {
                return .failure(Failure(status: 400, message: "malformed header line"))
            }
            let name = line[line.startIndex..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            headers.append((name, value))
        }
        if headers.contains(where: { $0.name == "transfer-encoding" }) {
            return .failure(Failure(status: 501, message: "Transfer-Encoding is not supported; send Content-Length"))
        }
        let lengths = headers.filter { $0.name == "content-length" }.map(\.value)
        var bodyLength = 0
        if let first = lengths.first {
            guard Set(lengths).count == 1, let length = Int(first), length >= 0, first.allSatisfy(\.isASCIIDigit) else {
                return .failure(Failure(status: 400, message: "invalid Content-Length"))
            }
            guard length <= maximumBodyBytes else {
                return .failure(Failure(status: 413, message: "the body exceeds \(maximumBodyBytes) bytes"))
            }
            bodyLength = length
        }
        let target = String(requestLine[1])
        let path: String
        let query: String
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = String(target[target.index(after: mark)...])
        } else {
            path = target
            query = ""
        }
        let request = HTTPRequest(method: String(requestLine[0]), path: path, query: query, headers: headers)
        return .success((request, bodyLength))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
