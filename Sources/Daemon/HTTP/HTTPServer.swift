import Foundation

/// A small HTTP/1.1 server on POSIX sockets: one listener thread that accepts a connection,
/// reads one request within a deadline and within size limits, answers it through the
/// handler, and closes the connection. No keep-alive, no TLS, no framework: enough for a
/// loopback status API that a monitor polls once a second, and small enough to audit.
///
/// A slow or silent client holds the thread for at most `requestTimeout`; a request that
/// breaks a limit is answered with its 4xx/5xx status; nothing a client sends can crash it.
public final class HTTPServer: Sendable {
    /// Limits and deadlines.
    public struct Limits: Sendable, Hashable {
        /// Longest request line plus headers.
        public var maximumHeaderBytes: Int
        /// Largest request body (a signed policy bundle must fit).
        public var maximumBodyBytes: Int
        /// Time to receive a whole request.
        public var requestTimeout: Duration
        /// Time to send the response.
        public var responseTimeout: Duration

        /// 8 KiB of headers, 8 MiB of body, 5 s to receive, 5 s to send.
        public init(
            maximumHeaderBytes: Int = 8 * 1024, maximumBodyBytes: Int = 8 << 20, requestTimeout: Duration = .seconds(5),
            responseTimeout: Duration = .seconds(5)
        ) {
            self.maximumHeaderBytes = maximumHeaderBytes
            self.maximumBodyBytes = maximumBodyBytes
            self.requestTimeout = requestTimeout
            self.responseTimeout = responseTimeout
        }
    }

    /// The address bound (with the kernel's port when 0 was asked for).
    public var address: ListenAddress { listener.address }

    private let listener: TCPListener
    private let limits: Limits
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let finished = DispatchSemaphore(value: 0)
    private let threadName: String

    /// Binds `address` (the caller checked whether a non-loopback address is allowed) and
    /// starts the listener thread.
    public init(
        address: ListenAddress, limits: Limits = Limits(), threadName: String = "utermd-http",
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) throws(SocketError) {
        listener = try TCPListener(address: address)
        self.limits = limits
        self.handler = handler
        self.threadName = threadName
        let thread = Thread { [self] in serve() }
        thread.name = threadName
        thread.start()
    }

    /// Stops accepting, lets a request in progress finish, and waits for the thread to end.
    public func stop() {
        listener.wake()
        finished.wait()
        finished.signal()
        listener.close()
    }

    private func serve() {
        defer { finished.signal() }
        while true {
            let event: TCPListener.Event
            do {
                event = try listener.accept(timeoutMilliseconds: -1)
            } catch {
                // A failing accept (EMFILE, ENOBUFS) must not spin: wait a little and retry.
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            switch event {
            case .woken: return
            case .timeout: continue
            case .connection(let descriptor): answer(SocketConnection(descriptor: descriptor))
            }
        }
    }

    private func answer(_ connection: SocketConnection) {
        var parser = HTTPRequestParser(maximumHeaderBytes: limits.maximumHeaderBytes, maximumBodyBytes: limits.maximumBodyBytes)
        let deadline = SocketConnection.deadline(after: limits.requestTimeout)
        var response: HTTPResponse?
        var method = "GET"
        reading: while response == nil {
            let read: SocketConnection.ReadResult
            do { read = try connection.read(until: deadline) } catch { return }
            switch read {
            case .closed:
                return
            case .timedOut:
                response = parser.hasHead ? .error(408, "the request did not arrive in time") : nil
                break reading
            case .bytes(let bytes):
                switch parser.append(bytes) {
                case .incomplete: continue
                case .failed(let failure): response = .error(failure.status, failure.message)
                case .complete(let request):
                    method = request.method
                    response = handler(request)
                }
            }
        }
        guard let response else { return }
        connection.write(
            response.serialised(includingBody: method != "HEAD"), until: SocketConnection.deadline(after: limits.responseTimeout))
        connection.shutdownWriting()
        connection.discardInput(until: SocketConnection.deadline(after: .milliseconds(500)))
    }
}
