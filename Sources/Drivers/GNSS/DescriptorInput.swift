import Platform
import SystemPackage
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A readable file descriptor: waits with `poll(2)`, reads with `read(2)`, retries EINTR.
struct DescriptorInput {
    let descriptor: Int32

    enum Outcome {
        case bytes(Int)
        case nothingYet
        case endOfInput
    }

    /// Waits at most `timeout` for input, then reads what is there into `buffer`.
    func read(into buffer: UnsafeMutableRawBufferPointer, timeout: Duration) throws(GNSSError) -> Outcome {
        var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = timeout.pollMilliseconds
        switch SystemCall.retryingOnInterrupt({ poll(&pollDescriptor, 1, milliseconds) }) {
        case .failure(let failure): throw .system(operation: "poll", errno: failure)
        case .success(0): return .nothingYet
        case .success: break
        }
        switch SystemCall.retryingOnInterrupt({ systemRead(descriptor, buffer.baseAddress, buffer.count) }) {
        case .success(let count): return count == 0 ? .endOfInput : .bytes(count)
        case .failure(let failure):
            let code = failure.rawValue
            if code == EAGAIN || code == EWOULDBLOCK { return .nothingYet }
            // A USB-CDC receiver that went away reads EIO: the input has ended.
            if code == EIO { return .endOfInput }
            throw .system(operation: "read", errno: Errno(rawValue: code))
        }
    }
}

/// `read(2)` under one name on both platforms (the module's own `read` methods shadow it).
@inline(__always)
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
    #else
        Darwin.read(descriptor, buffer, count)
    #endif
}
