import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A listening TCP socket with a wake pipe: `accept(timeoutMilliseconds:)` waits for a
/// connection or for `wake()`, so a server thread blocked in it stops at once.
///
/// Owns both descriptors and closes them in `deinit`.
final class TCPListener: @unchecked Sendable {
    // @unchecked: the descriptors are immutable after init; `wake()` only writes to the pipe,
    // which is safe from any thread; `accept` is called from the server's one thread, and
    // `close()` only after that thread has ended; `isClosed` is guarded by `lock`.

    /// The address bound, with the port the kernel chose when 0 was asked for.
    let address: ListenAddress
    private let descriptor: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let lock = NSLock()
    private var isClosed = false

    /// `socket`, `SO_REUSEADDR`, `bind`, `listen`, non-blocking.
    init(address requested: ListenAddress, backlog: Int32 = 16) throws(SocketError) {
        let family = requested.family == .ipv4 ? AF_INET : AF_INET6
        let descriptor = try SocketCalls.streamSocket(family: family)
        do throws(SocketError) {
            SocketCalls.enable(SO_REUSEADDR, on: descriptor)
            if requested.family == .ipv6 {
                var one: Int32 = 1
                setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, socklen_t(MemoryLayout<Int32>.size))
            }
            let bound = requested.withSocketAddress { bind(descriptor, $0, $1) }
            guard bound == 0 else { throw SocketError(operation: "bind \(requested)", errno: errno) }
            guard listen(descriptor, backlog) == 0 else { throw SocketError(operation: "listen \(requested)", errno: errno) }
            try SocketCalls.setNonBlocking(descriptor)
            let pipe = try SocketCalls.wakePipe()
            wakeRead = pipe.read
            wakeWrite = pipe.write
        } catch {
            SocketCalls.close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        address = requested.with(port: Self.boundPort(descriptor) ?? requested.port)
    }

    deinit { close() }

    /// Closes the listening socket and the wake pipe (once; the port is free afterwards).
    /// Call only when no thread is in `accept`.
    func close() {
        let first = lock.withLock {
            defer { isClosed = true }
            return !isClosed
        }
        guard first else { return }
        SocketCalls.close(descriptor)
        SocketCalls.close(wakeRead)
        SocketCalls.close(wakeWrite)
    }

    /// What `accept` saw.
    enum Event {
        /// A connected socket (blocking, close-on-exec); the caller owns it.
        case connection(Int32)
        /// Nothing within the timeout.
        case timeout
        /// `wake()` was called.
        case woken
    }

    /// Waits up to `timeoutMilliseconds` (−1: forever) for a connection or a wake-up.
    func accept(timeoutMilliseconds: Int32) throws(SocketError) -> Event {
        var entries = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        guard try SocketCalls.poll(&entries, timeoutMilliseconds: timeoutMilliseconds) > 0 else { return .timeout }
        if entries[1].revents != 0 { return .woken }
        guard let connection = try SocketCalls.accept(descriptor) else { return .timeout }
        // An accepted socket does not inherit O_NONBLOCK on Linux but does on BSD: clear it,
        // the connection code waits with poll and reads in blocking mode.
        _ = fcntl(connection, F_SETFL, fcntl(connection, F_GETFL) & ~O_NONBLOCK)
        return .connection(connection)
    }

    /// Wakes a thread blocked in `accept` (from any thread); it stays woken.
    func wake() {
        lock.withLock { if !isClosed { SocketCalls.wake(wakeWrite) } }
    }

    private static func boundPort(_ descriptor: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        return withUnsafePointer(to: &storage) { pointer -> UInt16 in
            if Int32(pointer.pointee.ss_family) == AF_INET {
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
        }
    }
}
