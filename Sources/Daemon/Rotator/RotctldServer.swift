import Foundation

/// A TCP endpoint speaking Hamlib's rotctld protocol (``RotctldProtocol``), so that
/// `rotctl -m 2 -r HOST:4533`, gpredict and SatNOGS can watch where the beam points.
///
/// One listener thread accepts; each client gets a thread of its own (gpredict keeps its
/// connection open and polls), at most `maximumClients` at once (more are closed at once),
/// and a client silent for `idleTimeout` is disconnected. Lines longer than 256 bytes are
/// refused with `RPRT -1` and the connection closed.
public final class RotctldServer: Sendable {
    /// Hamlib's rotctld default port.
    public static let defaultPort: UInt16 = 4533
    /// Longest accepted command line.
    static let maximumLineBytes = 256

    /// The address bound (with the kernel's port when 0 was asked for).
    public var address: ListenAddress { listener.address }

    private let listener: TCPListener
    private let protocolHandler: RotctldProtocol
    private let clients = ClientCount()
    private let maximumClients: Int
    private let idleTimeout: Duration
    private let finished = DispatchSemaphore(value: 0)

    /// Binds and starts listening.
    public init(
        address: ListenAddress, provider: RotatorProvider, maximumClients: Int = 8, idleTimeout: Duration = .seconds(300)
    ) throws(SocketError) {
        listener = try TCPListener(address: address)
        protocolHandler = RotctldProtocol(provider: provider)
        self.maximumClients = maximumClients
        self.idleTimeout = idleTimeout
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "utermd-rotctld"
        thread.start()
    }

    /// Stops accepting and waits for the listener thread (client threads end at their next
    /// read, within their idle timeout; they hold nothing but their socket).
    public func stop() {
        listener.wake()
        finished.wait()
        finished.signal()
        listener.close()
    }

    private func acceptLoop() {
        defer { finished.signal() }
        while true {
            let event: TCPListener.Event
            do { event = try listener.accept(timeoutMilliseconds: -1) } catch {
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            switch event {
            case .woken: return
            case .timeout: continue
            case .connection(let descriptor):
                guard clients.enter(limit: maximumClients) else {
                    SocketCalls.close(descriptor)
                    continue
                }
                let thread = Thread { [self] in
                    serve(SocketConnection(descriptor: descriptor))
                    clients.leave()
                }
                thread.name = "utermd-rotctl-c"
                thread.start()
            }
        }
    }

    private func serve(_ connection: SocketConnection) {
        var pending: [UInt8] = []
        while true {
            let read: SocketConnection.ReadResult
            do { read = try connection.read(until: SocketConnection.deadline(after: idleTimeout)) } catch { return }
            guard case .bytes(let bytes) = read else { return }
            pending += bytes
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                switch protocolHandler.reply(to: line) {
                case .close: return
                case .send(let text):
                    guard connection.write(Array(text.utf8), until: SocketConnection.deadline(after: .seconds(5))) else { return }
                }
            }
            if pending.count > Self.maximumLineBytes {
                connection.write(Array("RPRT -1\n".utf8), until: SocketConnection.deadline(after: .seconds(1)))
                return
            }
        }
    }
}

/// The number of connected clients, under a lock.
private final class ClientCount: @unchecked Sendable {
    // @unchecked: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0

    func enter(limit: Int) -> Bool {
        lock.withLock {
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() { lock.withLock { count -= 1 } }
}
