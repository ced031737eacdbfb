import HAL
import SystemPackage

/// A board's GPIO lines in memory: deterministic, driven by a virtual clock, recording
/// every write.
///
/// At construction every line takes its power-on level: outputs their safe state, inputs
/// the level their bias gives (pull-up: high; otherwise low), wired inputs the level of
/// their output. Opened lines behave as through the kernel: one holder per line (`busy`
/// otherwise), outputs start at and return to the safe state, inputs queue at most 16 edge
/// events (further ones are dropped and counted, as the GPIO character device does).
///
/// ```swift
/// let clock = ManualSimulationClock()
/// let gpio = try SimulatedGPIO(board: board, clock: clock,
///                              wires: [GPIOWire(from: .transmitEnable, to: .transmitEnableSense)])
/// let transmit = try gpio.openOutput(.transmitEnable)
/// try gpio.injectEdge(.rising, on: .faultIn, atNanoseconds: 5_000_000)
/// ```
package final class SimulatedGPIO: GPIOBackend {
    /// The board being simulated.
    package let board: BoardProfile
    /// The virtual time source.
    package let clock: any SimulationClock
    /// The bench wiring between outputs and inputs.
    package let wires: [GPIOWire]
    /// Every successful write to an output, in order, with its virtual time.
    package private(set) var writes: [GPIOWriteRecord] = []
    /// Edge events an input queues before it drops new ones (the kernel's v1 FIFO size).
    package static let eventQueueCapacity = 16

    /// Physical level of every line of the board (true = high).
    private var physicallyHigh: [GPIORole: Bool] = [:]
    /// Lines currently requested.
    private var held: Set<GPIORole> = []
    /// Queued edge events of inputs requested with edge detection.
    private var eventQueues: [GPIORole: [GPIOEdgeEvent]] = [:]
    private var droppedEvents: [GPIORole: Int] = [:]
    /// Input level changes still in the future (injected, or travelling down a wire),
    /// ordered by time, then by when they were scheduled.
    private var pending: [PendingLevel] = []
    private var nextSequence: UInt64 = 0
    private var failures: [GPIORole: GPIOError] = [:]

    private struct PendingLevel {
        var timeNanoseconds: UInt64
        var sequence: UInt64
        var input: GPIORole
        var physicallyHigh: Bool
    }

    /// Simulates `board` (which must pass `validate()`), with `wires` from outputs to inputs.
    package init(board: BoardProfile, clock: any SimulationClock = ManualSimulationClock(), wires: [GPIOWire] = [])
        throws(GPIOError)
    {
        try board.requireValid()
        self.board = board
        self.clock = clock
        self.wires = wires
        var wiredInputs: Set<GPIORole> = []
        for wire in wires {
            _ = try board.resolveLine(wire.output, as: .output)
            _ = try board.resolveLine(wire.input, as: .input)
            guard wiredInputs.insert(wire.input).inserted else {
                throw GPIOError(
                    kind: .invalidBoard, operation: "wire \(wire.output.rawValue) to \(wire.input.rawValue)",
                    reason: "\(wire.input.rawValue) is already driven by another wire")
            }
        }
        for (role, line) in board.lines {
            physicallyHigh[role] =
                role.direction == .output
                ? (line.safeState ?? .inactive).isPhysicallyHigh(activeLow: line.activeLow) : line.bias == .pullUp
        }
        for wire in wires {
            physicallyHigh[wire.input] = (physicallyHigh[wire.output] ?? false) != wire.inverted
        }
    }

    /// Simulates `board` on a time source read through `now` (nanoseconds).
    package convenience init(board: BoardProfile, now: @escaping () -> UInt64, wires: [GPIOWire] = []) throws(GPIOError) {
        try self.init(board: board, clock: ExternalSimulationClock(now), wires: wires)
    }

    // MARK: GPIOBackend

    /// Requests `role`'s output line; it is written to the safe state (recorded as `open`).
    package func openOutput(_ role: GPIORole) throws(GPIOError) -> SimulatedGPIOOutputLine {
        let resolved = try acquire(role, as: .output)
        let safeState = resolved.safeState ?? .inactive
        do {
            try write(role, safeState, cause: .open)
        } catch {
            held.remove(role)
            throw error
        }
        return SimulatedGPIOOutputLine(role: role, safeState: safeState, simulator: self)
    }

    /// Requests `role`'s input line, queueing its edge events when `edgeEvents` is true.
    package func openInput(_ role: GPIORole, edgeEvents: Bool) throws(GPIOError) -> SimulatedGPIOInputLine {
        _ = try acquire(role, as: .input)
        if let failure = failures[role] {
            held.remove(role)
            throw failure
        }
        if edgeEvents { eventQueues[role] = [] }
        return SimulatedGPIOInputLine(role: role, reportsEdges: edgeEvents, simulator: self)
    }

    // MARK: Looking at the bench

    /// The logical level of `role`'s line now (after any change due by now), or nil when the
    /// board has no such line.
    package func level(of role: GPIORole) -> LogicalLevel? {
        settle()
        guard let line = board.lines[role], let high = physicallyHigh[role] else { return nil }
        return LogicalLevel(physicallyHigh: high, activeLow: line.activeLow)
    }

    /// Whether `role`'s line is physically high now, or nil when the board has no such line.
    package func isPhysicallyHigh(_ role: GPIORole) -> Bool? {
        settle()
        return physicallyHigh[role]
    }

    /// Whether a handle holds `role`'s line.
    package func isHeld(_ role: GPIORole) -> Bool { held.contains(role) }

    /// The writes to `role`'s line, in order.
    package func writes(of role: GPIORole) -> [GPIOWriteRecord] { writes.filter { $0.role == role } }

    /// Edge events of `role` dropped because its queue was full.
    package func droppedEventCount(of role: GPIORole) -> Int { droppedEvents[role] ?? 0 }

    // MARK: Injecting

    /// Drives input `role` to the logical `level` at `atNanoseconds` (now when nil), as the
    /// outside world would. An edge event is queued only if the level changes.
    package func driveInput(_ role: GPIORole, to level: LogicalLevel, atNanoseconds time: UInt64? = nil) throws(GPIOError) {
        let line = try board.resolveLine(role, as: .input).assignment
        schedule(role, physicallyHigh: level.isPhysicallyHigh(activeLow: line.activeLow), at: time ?? clock.nowNanoseconds)
        settle()
    }

    /// Injects `edge` on input `role` at `atNanoseconds` (now when nil): the line goes to the
    /// level after the edge. E.g. a power-amplifier fault: `injectEdge(.rising, on: .faultIn, ...)`.
    package func injectEdge(_ edge: GPIOEdge, on role: GPIORole, atNanoseconds time: UInt64? = nil) throws(GPIOError) {
        try driveInput(role, to: edge.levelAfter, atNanoseconds: time)
    }

    /// Makes every further request, write and read of `role` fail with `errno` (as a
    /// failing chip would), until `clearFailure(on:)`.
    package func injectFailure(on role: GPIORole, errno: Errno, reason: String = "injected failure") {
        failures[role] = GPIOError(kind: .system, operation: "simulated \(role.rawValue)", errno: errno, reason: reason)
    }

    /// Ends an injected failure.
    package func clearFailure(on role: GPIORole) {
        failures[role] = nil
    }

    // MARK: For the line handles

    private func acquire(_ role: GPIORole, as direction: GPIODirection) throws(GPIOError) -> ResolvedGPIOLine {
        let resolved = try board.resolveLine(role, as: direction)
        guard held.insert(role).inserted else {
            throw GPIOError(kind: .busy, operation: "open \(role.rawValue)", reason: "the line is already requested")
        }
        return resolved
    }

    /// Writes `level` to output `role` at the present virtual time, records it, and sends it
    /// down the wires.
    func write(_ role: GPIORole, _ level: LogicalLevel, cause: GPIOWriteRecord.Cause) throws(GPIOError) {
        settle()
        if let failure = failures[role] { throw failure }
        guard let line = board.lines[role] else { return }
        let now = clock.nowNanoseconds
        let high = level.isPhysicallyHigh(activeLow: line.activeLow)
        physicallyHigh[role] = high
        writes.append(GPIOWriteRecord(now, role, level, cause))
        for wire in wires where wire.output == role {
            let (arrival, overflow) = now.addingReportingOverflow(wire.delayNanoseconds)
            schedule(wire.input, physicallyHigh: high != wire.inverted, at: overflow ? .max : arrival)
        }
        settle()
    }

    /// The logical level of a held line, or its injected failure.
    func read(_ role: GPIORole) throws(GPIOError) -> LogicalLevel {
        if let failure = failures[role] { throw failure }
        return level(of: role) ?? .inactive
    }

    /// Lets go of `role`'s line and its event queue.
    func unhold(_ role: GPIORole) {
        held.remove(role)
        eventQueues[role] = nil
    }

    /// Moves queued events of `role` into `buffer` until it is full.
    func takeEvents(of role: GPIORole, into buffer: inout GPIOEdgeEventBuffer) -> Int {
        settle()
        var added = 0
        while !buffer.isFull, let event = eventQueues[role]?.first {
            eventQueues[role]?.removeFirst()
            buffer.append(event)
            added += 1
        }
        return added
    }

    /// The next event of `role`, waiting (in virtual time, if the clock can move) at most `timeout`.
    func nextEvent(of role: GPIORole, timeout: Duration) -> GPIOEdgeEvent? {
        settle()
        let start = clock.nowNanoseconds
        let (sum, overflow) = start.addingReportingOverflow(timeout.clampedNanoseconds)
        let deadline = overflow ? UInt64.max : sum
        while eventQueues[role]?.isEmpty == true {
            let now = clock.nowNanoseconds
            guard now < deadline else { break }
            clock.advance(toNanoseconds: min(pending.first?.timeNanoseconds ?? deadline, deadline))
            guard clock.nowNanoseconds > now else { break }  // a clock driven from elsewhere: no waiting
            settle()
        }
        guard let event = eventQueues[role]?.first else { return nil }
        eventQueues[role]?.removeFirst()
        return event
    }

    // MARK: Time

    private func schedule(_ input: GPIORole, physicallyHigh high: Bool, at time: UInt64) {
        let change = PendingLevel(timeNanoseconds: time, sequence: nextSequence, input: input, physicallyHigh: high)
        nextSequence += 1
        let index = pending.firstIndex { ($0.timeNanoseconds, $0.sequence) > (time, change.sequence) } ?? pending.endIndex
        pending.insert(change, at: index)
    }

    /// Applies every pending change due by now, in order.
    private func settle() {
        let now = clock.nowNanoseconds
        while let change = pending.first, change.timeNanoseconds <= now {
            pending.removeFirst()
            apply(change)
        }
    }

    private func apply(_ change: PendingLevel) {
        guard let line = board.lines[change.input], physicallyHigh[change.input] != change.physicallyHigh else { return }
        physicallyHigh[change.input] = change.physicallyHigh
        guard let queued = eventQueues[change.input]?.count else { return }
        guard queued < Self.eventQueueCapacity else {
            droppedEvents[change.input, default: 0] += 1
            return
        }
        let level = LogicalLevel(physicallyHigh: change.physicallyHigh, activeLow: line.activeLow)
        eventQueues[change.input]?.append(
            GPIOEdgeEvent(edge: level == .active ? .rising : .falling, timestampNanoseconds: change.timeNanoseconds))
    }
}
