import HAL

/// An output line of a `SimulatedGPIO`. Every write lands in the simulator's trace;
/// release (explicit or when the last reference goes) writes the safe state first.
package final class SimulatedGPIOOutputLine: GPIOOutputLine {
    /// The role the board gives this line.
    package let role: GPIORole
    /// The board's safe state.
    package let safeState: LogicalLevel
    private var simulator: SimulatedGPIO?

    init(role: GPIORole, safeState: LogicalLevel, simulator: SimulatedGPIO) {
        self.role = role
        self.safeState = safeState
        self.simulator = simulator
    }

    deinit { try? release() }

    /// Writes `level` (recorded as `set`).
    package func set(_ level: LogicalLevel) throws(GPIOError) {
        guard let simulator else { throw released("set") }
        try simulator.write(role, level, cause: .set)
    }

    /// The level the line is driven to.
    package func read() throws(GPIOError) -> LogicalLevel {
        guard let simulator else { throw released("read") }
        return try simulator.read(role)
    }

    /// Writes the safe state (recorded as `release`), then lets the line go, even if the
    /// write failed (an injected failure), in which case the failure is thrown.
    package func release() throws(GPIOError) {
        guard let simulator else { return }
        self.simulator = nil
        defer { simulator.unhold(role) }
        try simulator.write(role, safeState, cause: .release)
    }

    private func released(_ operation: String) -> GPIOError {
        GPIOError(kind: .released, operation: "\(operation) \(role.rawValue)", reason: "the line was released")
    }
}

/// An input line of a `SimulatedGPIO`, with the events injected into it or arriving down a wire.
package final class SimulatedGPIOInputLine: GPIOInputLine {
    /// The role the board gives this line.
    package let role: GPIORole
    /// Whether edge events are queued for this line.
    package let reportsEdges: Bool
    private var simulator: SimulatedGPIO?

    init(role: GPIORole, reportsEdges: Bool, simulator: SimulatedGPIO) {
        self.role = role
        self.reportsEdges = reportsEdges
        self.simulator = simulator
    }

    deinit { release() }

    /// The logical level now.
    package func read() throws(GPIOError) -> LogicalLevel {
        guard let simulator else { throw released("read") }
        return try simulator.read(role)
    }

    /// Moves the events due by now into `buffer`, oldest first; never waits or allocates
    /// beyond the buffer.
    @discardableResult
    package func pollEvents(into buffer: inout GPIOEdgeEventBuffer) throws(GPIOError) -> Int {
        try withEdges("poll events of").takeEvents(of: role, into: &buffer)
    }

    /// The next event, waiting at most `timeout` of virtual time (a manual clock moves to the
    /// event or to the deadline; a clock driven from elsewhere is not waited for).
    package func readEvent(timeout: Duration) throws(GPIOError) -> GPIOEdgeEvent? {
        try withEdges("read event of").nextEvent(of: role, timeout: timeout)
    }

    /// Lets the line go. Idempotent.
    package func release() {
        simulator?.unhold(role)
        simulator = nil
    }

    private func withEdges(_ operation: String) throws(GPIOError) -> SimulatedGPIO {
        guard let simulator else { throw released(operation) }
        guard reportsEdges else {
            throw GPIOError(
                kind: .edgesNotRequested, operation: "\(operation) \(role.rawValue)",
                reason: "the line was opened without edge events")
        }
        return simulator
    }

    private func released(_ operation: String) -> GPIOError {
        GPIOError(kind: .released, operation: "\(operation) \(role.rawValue)", reason: "the line was released")
    }
}
