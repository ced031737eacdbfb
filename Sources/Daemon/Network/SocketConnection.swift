#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One accepted TCP connection: reads that wait at most until a deadline, writes that send
/// everything or give up at the deadline. Owns the descriptor and closes it in `deinit`.
/// Use from one thread.
final class SocketConnection {
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 4096)

    /// Takes ownership of a connected socket.
    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { SocketCalls.close(descriptor) }

    /// What a read returned.
    enum ReadResult {
        /// Some bytes.
        case bytes(ArraySlice<UInt8>)
        /// The peer closed its side.
        case closed
        /// The deadline passed with nothing to read.
        case timedOut
    }

    /// Waits until `deadline` (monotonic nanoseconds) for bytes.
    func read(until deadline: UInt64) throws(SocketError) -> ReadResult {
        let remaining = Self.millisecondsUntil(deadline)
        guard remaining > 0 else { return .timedOut }
        let events = try SocketCalls.poll(descriptor, events: Int16(POLLIN), timeoutMilliseconds: remaining)
        guard events != 0 else { return .timedOut }
        let outcome = buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(SocketError) in try SocketCalls.read(descriptor, into: bytes) }
        }
        guard let count = try outcome.get() else { return .timedOut }
        return count == 0 ? .closed : .bytes(buffer[0..<count])
    }

    /// Sends all of `bytes`, waiting for room until `deadline`; false if it could not.
    @discardableResult
    func write(_ bytes: [UInt8], until deadline: UInt64) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let outcome = bytes.withUnsafeBytes { all in
                Result { () throws(SocketError) in
                    try SocketCalls.send(descriptor, UnsafeRawBufferPointer(rebasing: all[offset...]))
                }
            }
            guard case .success(let sent) = outcome else { return false }
            if let sent, sent > 0 {
                offset += sent
                continue
            }
            let remaining = Self.millisecondsUntil(deadline)
            guard remaining > 0,
                let events = try? SocketCalls.poll(descriptor, events: Int16(POLLOUT), timeoutMilliseconds: remaining),
                events != 0
            else { return false }
        }
        return true
    }

    /// Stops sending (`shutdown(SHUT_WR)`), so the peer reads the end of the stream.
    func shutdownWriting() { _ = shutdown(descriptor, Int32(SHUT_WR)) }

    /// Reads and discards what the peer still sends until it closes or `deadline` passes (a
    /// "lingering close": closing with unread bytes would reset the connection and could
    /// destroy the response before the peer read it).
    func discardInput(until deadline: UInt64) {
        while case .bytes = (try? read(until: deadline)) ?? .closed {}
    }

    /// Monotonic now, nanoseconds.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// `now() + duration`.
    static func deadline(after duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return now() + UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    private static func millisecondsUntil(_ deadline: UInt64) -> Int32 {
        let current = now()
        guard deadline > current else { return 0 }
        return Int32(clamping: (deadline - current + 999_999) / 1_000_000)
    }
}
