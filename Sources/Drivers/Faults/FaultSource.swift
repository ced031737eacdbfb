import HAL
import SystemPackage

/// A hardware input that reports a fault, by the board role of its line.
package enum FaultSource: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The power amplifier's fault output (`fault_in`, active = fault).
    case powerAmplifier
    /// The over-temperature alarm (`over_temperature`, active = too hot).
    case overTemperature

    /// The board role of the input line.
    package var role: GPIORole {
        switch self {
        case .powerAmplifier: .faultIn
        case .overTemperature: .overTemperature
        }
    }

    /// The role's name, e.g. `fault_in`.
    package var description: String { role.rawValue }
}

/// Why a fault source is in fault.
package enum FaultCause: Sendable, Hashable, CustomStringConvertible {
    /// A rising edge (the line became active), at the kernel's timestamp.
    case edge(timestampNanoseconds: UInt64)
    /// The line read active (at start-up, or after edge events were lost).
    case level
    /// The line could not be read (`errno`); an input that cannot be read is taken as a
    /// fault (fail closed).
    case unreadable(errno: Errno?)

    /// `edge@123ns`, `level`, `unreadable (errno 5)`.
    package var description: String {
        switch self {
        case .edge(let time): "edge@\(time)ns"
        case .level: "level"
        case .unreadable(let code): "unreadable (errno \(code.recordedNumber))"
        }
    }
}
