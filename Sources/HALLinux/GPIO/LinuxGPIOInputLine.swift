import HAL

/// An input line held through libgpiod, with edge events when requested so. Released when
/// `release()` is called or the last reference goes away.
package final class LinuxGPIOInputLine: GPIOInputLine {
    /// The role the board gives this line.
    package let role: GPIORole
    /// Whether the line was requested with edge detection on both edges.
    package let reportsEdges: Bool
    #if os(Linux)
        private var request: GPIODLineRequest?

        init(role: GPIORole, reportsEdges: Bool, request: consuming GPIODLineRequest) {
            self.role = role
            self.reportsEdges = reportsEdges
            self.request = .some(request)
        }
    #else
        // Without libgpiod no line is ever opened; this only completes the type.
        private init(role: GPIORole, reportsEdges: Bool) {
            self.role = role
            self.reportsEdges = reportsEdges
        }
    #endif

    /// The logical level (`gpiod_line_get_value`; 2.x: `gpiod_line_request_get_value`).
    package func read() throws(GPIOError) -> LogicalLevel {
        #if os(Linux)
            guard let level = try request?.get() else { throw released("read") }
            return level
        #else
            throw released("read")
        #endif
    }

    /// An event wait with a zero timeout and an event read (1.x: `gpiod_line_event_wait`,
    /// `gpiod_line_event_read`; 2.x: `gpiod_line_request_wait_edge_events`, `_read_edge_events`), repeated
    /// until no event is ready or `buffer` is full. Allocates nothing.
    @discardableResult
    package func pollEvents(into buffer: inout GPIOEdgeEventBuffer) throws(GPIOError) -> Int {
        try requireEdges("poll events of")
        #if os(Linux)
            var added = 0
            while !buffer.isFull, try request?.waitForEvent(timeout: .zero) == true {
                guard let event = try request?.readEvent() else { break }
                buffer.append(event)
                added += 1
            }
            return added
        #else
            return 0
        #endif
    }

    /// An event wait up to `timeout` (retried on EINTR), then an event read (as `pollEvents`).
    package func readEvent(timeout: Duration) throws(GPIOError) -> GPIOEdgeEvent? {
        try requireEdges("read event of")
        #if os(Linux)
            guard try request?.waitForEvent(timeout: timeout) == true else { return nil }
            return try request?.readEvent()
        #else
            return nil
        #endif
    }

    /// The line released (`gpiod_line_release`; 2.x: `gpiod_line_request_release`), then `gpiod_chip_close`.
    package func release() {
        #if os(Linux)
            request = nil
        #endif
    }

    private func requireEdges(_ operation: String) throws(GPIOError) {
        #if os(Linux)
            guard request != nil else { throw released(operation) }
        #endif
        guard reportsEdges else {
            throw GPIOError(
                kind: .edgesNotRequested, operation: "\(operation) \(role.rawValue)",
                reason: "the line was opened without edge events")
        }
    }

    private func released(_ operation: String) -> GPIOError {
        GPIOError(kind: .released, operation: "\(operation) \(role.rawValue)", reason: "the line was released")
    }
}
