import SystemPackage
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The socket calls of the systemd notifier (the daemon's TCP servers are on swift-nio): the
/// raw C calls, platform differences (`SOCK_DGRAM`'s type on Glibc, `SO_NOSIGPIPE` on Darwin)
/// hidden, and failures as ``SocketError``.
enum SocketCalls {
    /// `socket(2)` for an `AF_UNIX` datagram socket, close-on-exec.
    static func unixDatagramSocket() throws(SocketError) -> Int32 {
        #if canImport(Glibc)
            let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        #else
            let descriptor = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard descriptor >= 0 else { throw SocketError(operation: "socket AF_UNIX", errno: .last) }
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

    /// `close(2)` (an EINTR from close is not retried: the descriptor is gone either way).
    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }
}

/// A failed socket call: the operation and its `errno`.
package struct SocketError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The call, e.g. `bind 127.0.0.1:9201`.
    package var operation: String
    /// The `errno` it set.
    package var errno: Errno

    /// Builds an error.
    package init(operation: String, errno: Errno) {
        self.operation = operation
        self.errno = errno
    }

    /// `bind 127.0.0.1:9201: Address already in use (errno 98)`.
    package var description: String { "\(operation): \(errno.report)" }
}
