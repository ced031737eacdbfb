/// What a backend needs to request one role's line, checked against the board.
package struct ResolvedGPIOLine: Sendable, Hashable {
    /// The role.
    package var role: GPIORole
    /// Where the line is and how it behaves.
    package var assignment: GPIOLineAssignment
    /// The safe state (outputs only).
    package var safeState: LogicalLevel?
}

extension BoardProfile {
    /// Fails with `invalidBoard` when `validate()` finds problems, naming them all.
    package func requireValid() throws(GPIOError) {
        let issues = validate()
        guard !issues.isEmpty else { return }
        throw GPIOError(
            kind: .invalidBoard, operation: "check board \(name)",
            reason: issues.map(\.description).joined(separator: "; "))
    }

    /// The line of `role`, checked to exist and to have the `direction` asked for.
    package func resolveLine(_ role: GPIORole, as direction: GPIODirection) throws(GPIOError) -> ResolvedGPIOLine {
        let operation = "open \(role.rawValue) as \(direction.rawValue)"
        guard let assignment = lines[role] else {
            throw GPIOError(kind: .roleNotOnBoard, operation: operation, reason: "board \(name) has no \(role.rawValue) line")
        }
        guard role.direction == direction else {
            throw GPIOError(
                kind: .wrongDirection, operation: operation, reason: "\(role.rawValue) is an \(role.direction.rawValue)")
        }
        if direction == .output, assignment.safeState == nil {
            throw GPIOError(kind: .invalidBoard, operation: operation, reason: "output without a safe state")
        }
        return ResolvedGPIOLine(role: role, assignment: assignment, safeState: assignment.safeState)
    }
}

extension LogicalLevel {
    /// The physical level (true = high) of this logical level on a line that is active-low or not.
    package func isPhysicallyHigh(activeLow: Bool) -> Bool {
        (self == .active) != activeLow
    }

    /// The logical level of a physical level (true = high) on a line that is active-low or not.
    package init(physicallyHigh: Bool, activeLow: Bool) {
        self = physicallyHigh != activeLow ? .active : .inactive
    }
}
