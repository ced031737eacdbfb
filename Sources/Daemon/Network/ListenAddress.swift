#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a server listens: a numeric IPv4 or IPv6 address and a TCP port. Host names are not
/// resolved (a daemon that binds to whatever a resolver says is not a daemon one can audit);
/// `localhost` is taken as `127.0.0.1`.
package struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address family.
    package enum Family: Sendable, Hashable {
        /// IPv4, 4 bytes.
        case ipv4
        /// IPv6, 16 bytes.
        case ipv6
    }

    /// The address as written (after `localhost` → `127.0.0.1`).
    package let host: String
    /// The TCP port (0: any free port, for tests).
    package let port: UInt16
    /// IPv4 or IPv6.
    package let family: Family
    /// The address bytes in network order (4 or 16).
    package let bytes: [UInt8]

    /// Parses a numeric address; nil when `host` is not one.
    package init?(host: String, port: UInt16) {
        let text = host == "localhost" ? "127.0.0.1" : host
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            family = .ipv4
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            family = .ipv6
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
        self.host = text
        self.port = port
    }

    /// Whether only this machine can reach the address: 127.0.0.0/8 or ::1 (and ::ffff:127.x).
    package var isLoopback: Bool {
        switch family {
        case .ipv4:
            return bytes[0] == 127
        case .ipv6:
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]
            return Array(bytes[0..<12]) == mappedPrefix && bytes[12] == 127
        }
    }

    /// `127.0.0.1:9201`, `[::1]:9201`.
    package var description: String {
        family == .ipv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The same address with another port (the one the kernel chose for port 0).
    func with(port: UInt16) -> ListenAddress {
        ListenAddress(host: host, port: port) ?? self
    }

    /// Calls `body` with the `sockaddr` of this address.
    func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        switch family {
        case .ipv4:
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            #if canImport(Darwin)
                address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
            #endif
            withUnsafeMutableBytes(of: &address.sin_addr) { $0.copyBytes(from: bytes) }
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .ipv6:
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            #if canImport(Darwin)
                address.sin6_len = UInt8(MemoryLayout<sockaddr_in6>.size)
            #endif
            withUnsafeMutableBytes(of: &address.sin6_addr) { $0.copyBytes(from: bytes) }
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
    }
}
