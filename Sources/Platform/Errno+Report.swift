import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Errno {
    /// The C library's text and the number, e.g. `Permission denied (errno 13)`: how every
    /// error of the firmware that carries an `Errno` shows it.
    package var report: String { "\(description) (errno \(rawValue))" }

    /// The `errno` the last failed C call left on this thread (read it at once, before any
    /// other call can change it).
    package static var last: Errno { Errno(rawValue: errno) }
}
