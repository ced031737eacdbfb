import Platform
import SystemPackage
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The socket calls of the gpsd client, in one place.
enum TCPConnection {
    /// A connected, non-blocking TCP socket to `host:port` (IPv4), within `timeout`:
    /// `socket`, `fcntl(O_NONBLOCK)`, `connect` (EINPROGRESS), `poll(POLLOUT)`, `SO_ERROR`.
    static func connect(host: String, port: UInt16, timeout: Duration) throws(GNSSError) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw .invalidAddress(host) }
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw .system(operation: "socket", errno: .last) }
        do {
            try configure(descriptor)
            try connect(descriptor, to: &address, named: "\(host):\(port)", timeout: timeout)
        } catch {
            systemClose(descriptor)
            throw error
        }
        return descriptor
    }

    private static func configure(_ descriptor: Int32) throws(GNSSError) {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw .system(operation: "fcntl O_NONBLOCK", errno: .last)
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    private static func connect(_ descriptor: Int32, to address: inout sockaddr_in, named name: String, timeout: Duration)
        throws(GNSSError)
    {
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result == 0 { return }
        guard errno == EINPROGRESS || errno == EINTR else { throw .system(operation: "connect \(name)", errno: .last) }
        var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        let milliseconds = timeout.pollMilliseconds
        switch SystemCall.retryingOnInterrupt({ poll(&pollDescriptor, 1, milliseconds) }) {
        case .failure(let failure): throw .system(operation: "poll connect \(name)", errno: failure)
        case .success(0): throw .connectTimedOut(name)
        case .success: break
        }
        var failure: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length) == 0 else {
            throw .system(operation: "getsockopt SO_ERROR", errno: .last)
        }
        guard failure == 0 else { throw .system(operation: "connect \(name)", errno: Errno(rawValue: failure)) }
    }

    /// Sends all of `bytes` (waiting for room with `poll` when the socket is full).
    static func send(_ bytes: [UInt8], on descriptor: Int32) throws(GNSSError) {
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        var offset = 0
        var waits = 0
        while offset < bytes.count {
            let start = offset
            let result = bytes.withUnsafeBytes { buffer in
                SystemCall.retryingOnInterrupt {
                    systemSend(descriptor, buffer.baseAddress.map { $0 + start }, buffer.count - start, flags)
                }
            }
            switch result {
            case .success(let sent): offset += sent
            case .failure(let failure):
                let code = failure.rawValue
                guard code == EAGAIN || code == EWOULDBLOCK, waits < 5 else { throw .system(operation: "send", errno: Errno(rawValue: code)) }
                waits += 1
                var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&pollDescriptor, 1, 1000)
            }
        }
    }
}

@inline(__always)
private func systemConnect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    #if canImport(Glibc)
        Glibc.connect(descriptor, address, length)
    #else
        Darwin.connect(descriptor, address, length)
    #endif
}

@inline(__always)
private func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
    #if canImport(Glibc)
        Glibc.send(descriptor, bytes, count, flags)
    #else
        Darwin.send(descriptor, bytes, count, flags)
    #endif
}
