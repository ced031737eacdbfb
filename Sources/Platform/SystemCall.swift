import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The package's one `EINTR` loop, with swift-system's `Errno` for the failure.
package enum SystemCall {
    /// Calls `call` (a C call that fails by returning a negative value and setting `errno`)
    /// again while it fails with `EINTR`: its value, or the `Errno` of its failure.
    @inlinable
    package static func retryingOnInterrupt<Value: FixedWidthInteger & SignedInteger>(
        _ call: () -> Value
    ) -> Result<Value, Errno> {
        while true {
            let value = call()
            if value >= 0 { return .success(value) }
            let code = errno
            if code != EINTR { return .failure(Errno(rawValue: code)) }
        }
    }

    /// Writes all of `bytes` to `descriptor` (a short write continues where it stopped, an
    /// interrupted one is retried); nil, or the `Errno` of the failure.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Errno? {
        var offset = 0
        while offset < bytes.count {
            let remaining = bytes.count - offset
            switch retryingOnInterrupt({ write(descriptor, bytes.baseAddress.map { $0 + offset }, remaining) }) {
            case .success(0): return Errno(rawValue: EIO)  // no progress: never loop on it
            case .success(let written): offset += written
            case .failure(let error): return error
            }
        }
        return nil
    }
}
