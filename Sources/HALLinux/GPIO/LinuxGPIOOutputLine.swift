import HAL

/// An output line held through libgpiod. Driven to the safe state at the request and again
/// before release (explicit `release()` or the last reference going away).
package final class LinuxGPIOOutputLine: GPIOOutputLine {
    /// The role the board gives this line.
    package let role: GPIORole
    /// The board's safe state.
    package let safeState: LogicalLevel
    #if os(Linux)
        private var request: GPIODLineRequest?

        init(role: GPIORole, safeState: LogicalLevel, request: consuming GPIODLineRequest) {
            self.role = role
            self.safeState = safeState
            self.request = .some(request)
        }
    #else
        // Without libgpiod no line is ever opened; this only completes the type.
        private init(role: GPIORole, safeState: LogicalLevel) {
            self.role = role
            self.safeState = safeState
        }
    #endif

    /// Drives the logical level (`gpiod_line_set_value`; 2.x: `gpiod_line_request_set_value`;
    /// the kernel applies active-low).
    package func set(_ level: LogicalLevel) throws(GPIOError) {
        #if os(Linux)
            guard request != nil else { throw released("set") }
            try request?.set(level)
        #else
            throw released("set")
        #endif
    }

    /// The logical level the line is driven to (`gpiod_line_get_value`; 2.x: `gpiod_line_request_get_value`).
    package func read() throws(GPIOError) -> LogicalLevel {
        #if os(Linux)
            guard let level = try request?.get() else { throw released("read") }
            return level
        #else
            throw released("read")
        #endif
    }

    /// The safe value set, then the line released and the chip closed (1.x or 2.x). The line
    /// is released even when the safe write fails; that failure is thrown.
    package func release() throws(GPIOError) {
        #if os(Linux)
            // Taken out of the handle, the request ends with this scope (released, chip closed),
            // whether or not the safe write below throws.
            guard var owned = request.take() else { return }
            try owned.writeSafeState()
        #endif
    }

    private func released(_ operation: String) -> GPIOError {
        GPIOError(kind: .released, operation: "\(operation) \(role.rawValue)", reason: "the line was released")
    }
}
