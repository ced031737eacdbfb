import HAL
import SystemPackage

/// A fault of the transmit-enable line itself, found by the interlock. Latched until
/// `TransmitInterlock.clearLineFault(atNanoseconds:utc:)`.
package enum TransmitLineFault: Sendable, Hashable, CustomStringConvertible {
    /// The sense input read `sensed` for consecutive ticks while the line was commanded to
    /// `commanded`: a stuck driver, a broken wire, or a relay welded shut.
    case senseDisagrees(commanded: LogicalLevel, sensed: LogicalLevel)
    /// The sense input could not be read (`errno`).
    case senseUnreadable(errno: Errno?)
    /// Driving the line failed (`errno`).
    case writeFailed(errno: Errno?)
    /// Reading back the level the line is driven to failed (`errno`): the chip no longer
    /// answers, so the line may not follow a command to go off.
    case readbackFailed(errno: Errno?)

    /// What happened, in words.
    package var description: String {
        switch self {
        case .senseDisagrees(let commanded, let sensed):
            "transmit_enable commanded \(commanded.rawValue) but transmit_enable_sense reads \(sensed.rawValue)"
        case .senseUnreadable(let code): "transmit_enable_sense unreadable (errno \(code.recordedNumber))"
        case .writeFailed(let code): "transmit_enable write failed (errno \(code.recordedNumber))"
        case .readbackFailed(let code): "transmit_enable read-back failed (errno \(code.recordedNumber))"
        }
    }
}
