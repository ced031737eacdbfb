#if os(Linux)
    import HAL

    /// One requested line and the chip it lives on, owned: when this value ends, an output
    /// is driven to its safe state first, then the line is released, then the chip closed.
    struct GPIODLineRequest: ~Copyable {
        private let calls: GPIODCalls
        private let chip: GPIOChipHandle
        private let line: GPIODLineHandle
        /// For messages: `transmit_enable (pinctrl-rp1 line 17)`.
        let name: String
        /// The logical value written before release (outputs only).
        private let safeValue: Int32?
        /// Set once the safe state was written on the way out, so `deinit` does not write it twice.
        private var safeStateWritten = false

        /// Finds the chip labelled as the board says among `deviceDirectory/gpiochip*`, then
        /// requests the line for `mode` with the board's flags, consumer `utermd`.
        init(_ resolved: ResolvedGPIOLine, mode: GPIODRequestMode, deviceDirectory: String, calls: GPIODCalls) throws(GPIOError) {
            let assignment = resolved.assignment
            let name = "\(resolved.role.rawValue) (\(assignment.chipLabel) line \(assignment.offset))"
            let chip = try Self.openChip(of: assignment, for: "open \(name)", in: deviceDirectory, calls: calls)
            let flags = LibGPIOD.requestFlags(activeLow: assignment.activeLow, bias: assignment.bias)
            var safeValue: Int32?
            if case .output(let safeState) = mode { safeValue = safeState == .active ? 1 : 0 }
            let (requested, status) = calls.requestLine(
                chip.chip, UInt32(assignment.offset), LibGPIOD.consumer, mode, flags)
            guard let line = requested else { throw calls.error("request \(name)", status) }
            self.calls = calls
            self.chip = chip
            self.line = line
            self.name = name
            self.safeValue = safeValue
        }

        /// The chip of `assignment`, opened, with the assignment's offset checked against its
        /// lines (`lineOutOfRange`, naming `operation`, when beyond them).
        static func openChip(of assignment: GPIOLineAssignment, for operation: String, in directory: String, calls: GPIODCalls)
            throws(GPIOError) -> GPIOChipHandle
        {
            let chip = try openChip(labelled: assignment.chipLabel, in: directory, calls: calls)
            let lineCount = calls.chipLineCount(chip.chip)
            guard assignment.offset >= 0, assignment.offset < lineCount else {
                throw GPIOError(
                    kind: .lineOutOfRange, operation: operation, reason: "chip \(chip.path) has lines 0...\(lineCount - 1)")
            }
            return chip
        }

        /// Opens each `gpiochip*` in turn and keeps the first whose `gpiod_chip_label` matches.
        /// Chips that cannot be opened are skipped, but if the label is not found and one could
        /// not be opened, that failure is thrown: the missing chip may be the unreadable one.
        static func openChip(labelled label: String, in directory: String, calls: GPIODCalls) throws(GPIOError)
            -> GPIOChipHandle
        {
            var firstFailure: GPIOError?
            var labelsSeen: [String] = []
            for path in LibGPIOD.chipPaths(deviceDirectory: directory) {
                do throws(GPIOError) {
                    let chip = try GPIOChipHandle(path: path, calls: calls)
                    let chipLabel = calls.chipLabel(chip.chip)
                    if chipLabel == label { return chip }
                    labelsSeen.append(chipLabel)
                } catch {
                    firstFailure = firstFailure ?? error
                }
            }
            if let firstFailure { throw firstFailure }
            let seen =
                labelsSeen.isEmpty ? "no GPIO chip in \(directory)" : "chips present: " + labelsSeen.joined(separator: ", ")
            throw GPIOError(kind: .chipNotFound, operation: "find chip \"\(label)\"", reason: seen)
        }

        /// Drives a logical level (`gpiod_line_set_value` / `gpiod_line_request_set_value`).
        func set(_ level: LogicalLevel) throws(GPIOError) {
            let status = calls.lineSetValue(line, level == .active ? 1 : 0)
            guard status.value == 0 else { throw calls.error("set \(name)", status) }
        }

        /// Reads the logical level (`gpiod_line_get_value` / `gpiod_line_request_get_value`).
        func get() throws(GPIOError) -> LogicalLevel {
            let status = calls.lineGetValue(line)
            guard status.value >= 0 else { throw calls.error("get \(name)", status) }
            return status.value == 0 ? .inactive : .active
        }

        /// Waits for an edge event (`gpiod_line_event_wait` / `gpiod_line_request_wait_edge_events`), retried on EINTR with the time that remains. Whether an
        /// event is ready.
        func waitForEvent(timeout: Duration) throws(GPIOError) -> Bool {
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: timeout)
            while true {
                let remaining = (deadline - clock.now).clampedNanoseconds
                let status = calls.lineEventWait(line, remaining)
                if status.wasInterrupted { continue }
                guard status.value >= 0 else { throw calls.error("wait for event on \(name)", status) }
                return status.value > 0
            }
        }

        /// The next edge event (call only when one is ready; it blocks otherwise).
        func readEvent() throws(GPIOError) -> GPIOEdgeEvent {
            let (status, event) = calls.lineEventRead(line)
            guard status.value == 0 else { throw calls.error("read event of \(name)", status) }
            return GPIOEdgeEvent(edge: event.rising ? .rising : .falling, timestampNanoseconds: event.timestampNanoseconds)
        }

        /// Drives the safe state now, ahead of the release; `deinit` then does not write it again.
        mutating func writeSafeState() throws(GPIOError) {
            guard let safeValue else { return }
            let status = calls.lineSetValue(line, safeValue)
            guard status.value == 0 else { throw calls.error("set \(name) to its safe state", status) }
            safeStateWritten = true
        }

        deinit {
            // Safe state first, then release: a released line keeps its last level on most
            // chips, so the order is what makes "released" mean "safe".
            if let safeValue, !safeStateWritten { _ = calls.lineSetValue(line, safeValue) }
            calls.lineRelease(line)
            // The chip member closes after this body (gpiod_chip_close).
        }
    }
#endif
