import HAL

/// One write to a simulated output line, at the virtual time it happened. `SimulatedGPIO`
/// records every successful write in order, so tests can compare the whole trace exactly.
public struct GPIOWriteRecord: Sendable, Hashable, CustomStringConvertible {
    /// Why the line was written.
    public enum Cause: String, Sendable, Hashable {
        /// The line was requested: it starts at the board's safe state.
        case open
        /// The firmware set it.
        case set
        /// The line was released: the safe state is written first.
        case release
    }

    /// When, in virtual nanoseconds.
    public var timeNanoseconds: UInt64
    /// Which line.
    public var role: GPIORole
    /// The logical level written.
    public var level: LogicalLevel
    /// Why.
    public var cause: Cause

    /// Builds a record; written positionally so that expected traces read as a table.
    public init(_ timeNanoseconds: UInt64, _ role: GPIORole, _ level: LogicalLevel, _ cause: Cause = .set) {
        self.timeNanoseconds = timeNanoseconds
        self.role = role
        self.level = level
        self.cause = cause
    }

    /// `15250000ns transmit_enable=inactive (set)`.
    public var description: String { "\(timeNanoseconds)ns \(role.rawValue)=\(level.rawValue) (\(cause.rawValue))" }
}
