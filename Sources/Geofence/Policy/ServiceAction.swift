/// What the terminal may do at a place, ordered from least to most restrictive.
public enum ServiceAction: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Transmit and receive.
    case allow = 0
    /// Receive only: transmission inhibited (emission control).
    case receiveOnly = 1
    /// Neither transmit nor receive.
    case noService = 2

    /// Whether the transmit chain may be enabled.
    public var permitsTransmit: Bool { self == .allow }
    /// Whether the receive chain may run.
    public var permitsReceive: Bool { self != .noService }

    /// Orders by restrictiveness: allow < receiveOnly < noService.
    public static func < (lhs: ServiceAction, rhs: ServiceAction) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `allow`, `receiveOnly` or `noService`.
    public var description: String {
        switch self {
        case .allow: return "allow"
        case .receiveOnly: return "receiveOnly"
        case .noService: return "noService"
        }
    }
}

/// A zone and the action that applies inside it.
public struct ZoneRule: Sendable {
    /// The zone.
    public var zone: Zone
    /// The action inside it.
    public var action: ServiceAction

    /// Creates a rule.
    public init(zone: Zone, action: ServiceAction) {
        self.zone = zone
        self.action = action
    }
}
