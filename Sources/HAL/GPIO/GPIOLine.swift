/// A requested output line, driven in logical levels (active-low is applied below).
///
/// Obtained from `GPIOBackend.openOutput(_:)`, which drives the line to the board's safe
/// state from the first instant. Releasing (explicitly or when the last reference goes)
/// drives the safe state again, then gives the line up. Handles are not thread-safe: use
/// each from one thread (the real-time loop's).
package protocol GPIOOutputLine: AnyObject {
    /// The role the board gives this line.
    var role: GPIORole { get }
    /// The board's safe state: the level at open and after release.
    var safeState: LogicalLevel { get }
    /// Drives the line to `level`. Linux: `gpiod_line_set_value`.
    func set(_ level: LogicalLevel) throws(GPIOError)
    /// Reads back the level the line is driven to. Linux: `gpiod_line_get_value`.
    func read() throws(GPIOError) -> LogicalLevel
    /// Drives the safe state, then releases the line; afterwards every call throws
    /// `released`. The line is released even when driving the safe state failed, and that
    /// failure is thrown. Idempotent. Linux: `gpiod_line_set_value`, `gpiod_line_release`,
    /// `gpiod_chip_close`.
    func release() throws(GPIOError)
}

extension GPIOOutputLine {
    /// Drives the board's safe state without releasing the line.
    package func setSafeState() throws(GPIOError) {
        try set(safeState)
    }
}

/// A requested input line, read in logical levels, optionally with edge events.
///
/// Edge events queue in the backend (the kernel keeps 16 per line and drops newer ones
/// when full); drain them every tick with `pollEvents(into:)`, which never blocks or
/// allocates. Handles are not thread-safe: use each from one thread.
package protocol GPIOInputLine: AnyObject {
    /// The role the board gives this line.
    var role: GPIORole { get }
    /// Whether the line was requested with edge detection on both edges.
    var reportsEdges: Bool { get }
    /// The present logical level. Linux: `gpiod_line_get_value`.
    func read() throws(GPIOError) -> LogicalLevel
    /// Moves the edge events already queued into `buffer`, oldest first, until the buffer
    /// is full; returns how many were added. Never waits. Linux: `gpiod_line_event_wait`
    /// with a zero timeout, then `gpiod_line_event_read`.
    @discardableResult
    func pollEvents(into buffer: inout GPIOEdgeEventBuffer) throws(GPIOError) -> Int
    /// Waits at most `timeout` for the next edge event; nil when none came. Not for the
    /// real-time tick (it blocks). Linux: `gpiod_line_event_wait`, `gpiod_line_event_read`.
    func readEvent(timeout: Duration) throws(GPIOError) -> GPIOEdgeEvent?
    /// Releases the line; afterwards every call throws `released`. Idempotent.
    /// Linux: `gpiod_line_release`, `gpiod_chip_close`.
    func release()
}
