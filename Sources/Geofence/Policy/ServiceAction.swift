/// What the terminal may do at a place, ordered from least to most restrictive.
public enum ServiceAction: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Transmit and receive.
    case allow = 0
    /// Receive only: transmission inhibited (emission control).
    case receiveOnly = 1
    /// Neither transmit nor receive.
    case noService = 2

    /// Whether the transmit chain may be enabled.
    package var permitsTransmit: Bool { self == .allow }
    /// Whether the receive chain may run.
    package var permitsReceive: Bool { self != .noService }

    /// Orders by restrictiveness: allow < receiveOnly < noService.
    public static func < (lhs: ServiceAction, rhs: ServiceAction) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The action named `allow`, `receiveOnly` or `noService` (the ``description``).
    package init?(name: String) {
        guard let action = Self.allCases.first(where: { $0.description == name }) else { return nil }
        self = action
    }

    /// `allow`, `receiveOnly` or `noService`.
    public var description: String {
        switch self {
        case .allow: return "allow"
        case .receiveOnly: return "receiveOnly"
        case .noService: return "noService"
        }
    }
}

/// Encoded by name (`"noService"`), so that policy files and signed bundles read clearly.
extension ServiceAction: Codable {
    /// Decodes a name; anything else is a `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let action = ServiceAction(name: name) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown service action \"\(name)\"")
        }
        self = action
    }

    /// Encodes the name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A zone, the action that applies inside it, and the constellations that action binds.
public struct ZoneRule: Sendable {
    /// The zone.
    package var zone: Zone
    /// The action inside it.
    package var action: ServiceAction
    /// The constellations the action binds (all by default). A constellation outside the set
    /// is spared: for it the zone is as if absent (a state's ban on a foreign operator binds
    /// `starlink` and spares the domestic `guowang` and `qianfan`). See
    /// ``GeofenceDecision/transmitPermittedConstellations``.
    package var constellations: ConstellationSet

    /// Creates a rule.
    public init(zone: Zone, action: ServiceAction, constellations: ConstellationSet = .all) {
        self.zone = zone
        self.action = action
        self.constellations = constellations
    }
}
