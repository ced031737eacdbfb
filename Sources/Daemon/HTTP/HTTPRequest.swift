/// One HTTP/1.1 request as the status API reads it: method, path, query, headers, body.
package struct HTTPRequest: Sendable {
    /// `GET`, `POST`, ... (as sent; methods are case-sensitive in HTTP).
    package var method: String
    /// The path, without the query (`/status`).
    package var path: String
    /// The query after `?`, undecoded (`""` when none).
    package var query: String
    /// Header fields, names lower-cased, in arrival order.
    package var headers: [(name: String, value: String)]
    /// The body (empty when none).
    package var body: [UInt8]

    /// Builds a request.
    package init(
        method: String, path: String, query: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of a header (name case-insensitive).
    package func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name == lowered }?.value
    }

    /// The value of `key` in the query (`limit=60`), undecoded.
    package func queryValue(_ key: String) -> String? {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.first.map(String.init) == key { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }
}
