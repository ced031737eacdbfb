import Testing

@testable import Daemon

/// The request parser: whole requests in any chunking, and every limit as its 4xx/5xx.
@Suite struct HTTPRequestParserTests {
    func parse(_ text: String, maximumBody: Int = 1024, chunk: Int = .max) -> HTTPRequestParser.Outcome {
        var parser = HTTPRequestParser(maximumHeaderBytes: 512, maximumBodyBytes: maximumBody)
        let bytes = Array(text.utf8)
        var outcome = HTTPRequestParser.Outcome.incomplete
        var index = 0
        while index < bytes.count {
            let end = min(bytes.count, index + chunk)
            outcome = parser.append(bytes[index..<end])
            if case .incomplete = outcome { index = end } else { return outcome }
        }
        return outcome
    }

    func failure(_ outcome: HTTPRequestParser.Outcome) -> Int? {
        if case .failed(let failure) = outcome { return failure.status }
        return nil
    }

    @Test func getWithQueryAndHeaders() throws {
        let outcome = parse("GET /history?limit=60 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc\r\n\r\n")
        guard case .complete(let request) = outcome else { throw TestFailure("not complete: \(outcome)") }
        #expect(request.method == "GET")
        #expect(request.path == "/history")
        #expect(request.queryValue("limit") == "60")
        #expect(request.header("AUTHORIZATION") == "Bearer abc")
        #expect(request.body.isEmpty)
    }

    @Test(arguments: [1, 2, 7, 1000]) func bodyInAnyChunking(chunk: Int) throws {
        let outcome = parse("POST /policy HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", chunk: chunk)
        guard case .complete(let request) = outcome else { throw TestFailure("not complete: \(outcome)") }
        #expect(request.body == Array("hello".utf8))
    }

    @Test func incompleteUntilTheBodyArrives() {
        guard case .incomplete = parse("POST /stow HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc") else {
            Issue.record("a short body must wait")
            return
        }
    }

    @Test func limitsAndMalformedRequests() {
        #expect(failure(parse("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 600) + "\r\n\r\n")) == 431)
        #expect(failure(parse("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 600))) == 431, "no end of head in sight")
        #expect(failure(parse("POST / HTTP/1.1\r\nContent-Length: 2048\r\n\r\n")) == 413)
        #expect(failure(parse("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")) == 400)
        #expect(failure(parse("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n")) == 400)
        #expect(failure(parse("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")) == 400)
        #expect(failure(parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")) == 501)
        #expect(failure(parse("GET /\r\n\r\n")) == 400)
        #expect(failure(parse("GET nothing HTTP/1.1\r\n\r\n")) == 400)
        #expect(failure(parse("GET / HTTP/2.0\r\n\r\n")) == 505)
        #expect(failure(parse("GET / HTTP/1.1\r\nno colon here\r\n\r\n")) == 400)
        #expect(failure(parse("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n")) == 400)
        var parser = HTTPRequestParser()
        if case .failed(let failure) = parser.append([0x47, 0x45, 0x54, 0x20, 0xFF, 0xFE, 13, 10, 13, 10]) {
            #expect(failure.status == 400)
        } else {
            Issue.record("invalid UTF-8 must be refused")
        }
    }
}
