#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The socket calls of the daemon's servers and of the systemd notifier, in one place: the
/// raw C calls with EINTR retried, platform differences (`SOCK_STREAM`'s type on Glibc,
/// `MSG_NOSIGNAL` against `SO_NOSIGPIPE`) hidden, and failures as ``SocketError``.
enum SocketCalls {
    /// `socket(2)` for a stream socket of `family`, close-on-exec.
    static func streamSocket(family: Int32) throws(SocketError) -> Int32 {
        #if canImport(Glibc)
            let descriptor = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(family, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw SocketError(operation: "socket", errno: errno) }
        prepare(descriptor)
        return descriptor
    }

    /// `socket(2)` for an `AF_UNIX` datagram socket, close-on-exec.
    static func unixDatagramSocket() throws(SocketError) -> Int32 {
        #if canImport(Glibc)
            let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        #else
            let descriptor = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard descriptor >= 0 else { throw SocketError(operation: "socket AF_UNIX", errno: errno) }
        prepare(descriptor)
        return descriptor
    }

    /// Close-on-exec, and on Darwin no SIGPIPE on a peer that went away (Linux uses
    /// `MSG_NOSIGNAL` per send instead).
    static func prepare(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// `fcntl(O_NONBLOCK)`.
    static func setNonBlocking(_ descriptor: Int32) throws(SocketError) {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw SocketError(operation: "fcntl O_NONBLOCK", errno: errno)
        }
    }

    /// `setsockopt(SOL_SOCKET, option, 1)`.
    static func enable(_ option: Int32, on descriptor: Int32) {
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, option, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// `close(2)` (an EINTR from close is not retried: the descriptor is gone either way).
    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }

    /// `poll(2)` on one descriptor for `events`, EINTR retried within the same budget; the
    /// returned `revents` (0 on timeout).
    static func poll(_ descriptor: Int32, events: Int16, timeoutMilliseconds: Int32) throws(SocketError) -> Int16 {
        var entries = [pollfd(fd: descriptor, events: events, revents: 0)]
        return try poll(&entries, timeoutMilliseconds: timeoutMilliseconds) > 0 ? entries[0].revents : 0
    }

    /// `poll(2)` on several descriptors; the number ready (0 on timeout).
    static func poll(_ entries: inout [pollfd], timeoutMilliseconds: Int32) throws(SocketError) -> Int32 {
        while true {
            #if canImport(Glibc)
                let ready = Glibc.poll(&entries, nfds_t(entries.count), timeoutMilliseconds)
            #else
                let ready = Darwin.poll(&entries, nfds_t(entries.count), timeoutMilliseconds)
            #endif
            if ready >= 0 { return ready }
            guard errno == EINTR else { throw SocketError(operation: "poll", errno: errno) }
        }
    }

    /// `read(2)` into `buffer`, EINTR retried: bytes read (0 at end of stream); EAGAIN → nil.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            #if canImport(Glibc)
                let count = Glibc.read(descriptor, base, buffer.count)
            #else
                let count = Darwin.read(descriptor, base, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw SocketError(operation: "read", errno: errno)
        }
    }

    /// `send(2)` without SIGPIPE, EINTR retried: bytes sent; EAGAIN → nil.
    static func send(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Int? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        while true {
            #if canImport(Glibc)
                let count = Glibc.send(descriptor, base, bytes.count, flags)
            #else
                let count = Darwin.send(descriptor, base, bytes.count, flags)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw SocketError(operation: "send", errno: errno)
        }
    }

    /// `accept(2)`, EINTR retried; nil when no connection is pending (non-blocking listener)
    /// or when the peer gave up before it was accepted.
    static func accept(_ listener: Int32) throws(SocketError) -> Int32? {
        while true {
            #if canImport(Glibc)
                let descriptor = Glibc.accept(listener, nil, nil)
            #else
                let descriptor = Darwin.accept(listener, nil, nil)
            #endif
            if descriptor >= 0 {
                prepare(descriptor)
                return descriptor
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK, ECONNABORTED, EPROTO: return nil
            default: throw SocketError(operation: "accept", errno: errno)
            }
        }
    }

    /// A pipe whose write end wakes a `poll` on its read end (the self-pipe of a server's
    /// stop), both ends non-blocking and close-on-exec.
    static func wakePipe() throws(SocketError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SocketError(operation: "pipe", errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        return (ends[0], ends[1])
    }

    /// Writes one byte to a wake pipe (a full pipe already wakes its reader).
    static func wake(_ descriptor: Int32) {
        var byte: UInt8 = 1
        #if canImport(Glibc)
            _ = Glibc.write(descriptor, &byte, 1)
        #else
            _ = Darwin.write(descriptor, &byte, 1)
        #endif
    }
}

/// A failed socket call: the operation and its `errno`.
public struct SocketError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The call, e.g. `bind 127.0.0.1:9201`.
    public var operation: String
    /// The `errno` it set.
    public var errno: Int32

    /// Builds an error.
    public init(operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    /// `bind 127.0.0.1:9201: Address already in use (errno 98)`.
    public var description: String { "\(operation): \(String(cString: strerror(errno))) (errno \(errno))" }
}
