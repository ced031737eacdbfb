import HAL

/// One write to a simulated output line, at the virtual time it happened. `SimulatedGPIO`
/// records every successful write in order, so tests can compare the whole trace exactly.
package struct GPIOWriteRecord: Sendable, Hashable, CustomStringConvertible {
    /// Why the line was written.
    package enum Cause: String, Sendable, Hashable {
        /// The line was requested: it starts at the board's safe state.
        case open
        /// The firmware set it.
        case set
        /// The line was released: the safe state is written first.
        case release
    }

    /// When, in virtual nanoseconds.
    package var timeNanoseconds: UInt64
    /// Which line.
    package var role: GPIORole
    /// The logical level written.
    package var level: LogicalLevel
    /// Why.
    package var cause: Cause

    /// Builds a record; written positionally so that expected traces read as a table.
    package init(_ timeNanoseconds: UInt64, _ role: GPIORole, _ level: LogicalLevel, _ cause: Cause = .set) {
        self.timeNanoseconds = timeNanoseconds
        self.role = role
        self.level = level
        self.cause = cause
    }

    /// `15250000ns transmit_enable=inactive (set)`.
    package var description: String { "\(timeNanoseconds)ns \(role.rawValue)=\(level.rawValue) (\(cause.rawValue))" }
}
