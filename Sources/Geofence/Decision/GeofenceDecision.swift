/// Why a decision came out as it did.
package enum GeofenceReason: Sendable, Equatable, CustomStringConvertible {
    /// The action of the named zone: the fix lies inside it.
    case insideZone
    /// The action of the named zone: the fix lies outside it, but by less than its
    /// horizontal uncertainty, so it may be inside.
    case withinUncertaintyOfZone
    /// The action of the named zone: the fix left it, but by less than the hysteresis
    /// distance (plus uncertainty), so the restriction holds a little longer.
    case leavingZone
    /// The default action: no zone applies.
    case defaultAction
    /// The default action although the fix is nominally inside the named, less restrictive
    /// zone: the uncertainty disc (or the hysteresis on entry) reaches its edge.
    case notSurelyInsideZone
    /// Fail closed: no position fix has been received.
    case noFix
    /// Fail closed: the last fix is older than the configured maximum age (or from the future).
    case staleFix
    /// Fail closed: the last fix was unusable (NaN, out of range, bad uncertainty).
    case invalidFix
    /// Fail closed: a fix implied a speed beyond the platform's maximum; held until fixes have
    /// been consistent for the recovery time.
    case implausibleJump
    /// Fail closed: the fix's horizontal uncertainty exceeds the configured maximum.
    case uncertaintyTooLarge

    /// Whether the decision came from a failed or missing position rather than geometry.
    package var isFailClosed: Bool {
        switch self {
        case .noFix, .staleFix, .invalidFix, .implausibleJump, .uncertaintyTooLarge: return true
        default: return false
        }
    }

    /// A short camel-case name, stable for logs.
    package var description: String {
        switch self {
        case .insideZone: return "insideZone"
        case .withinUncertaintyOfZone: return "withinUncertaintyOfZone"
        case .leavingZone: return "leavingZone"
        case .defaultAction: return "defaultAction"
        case .notSurelyInsideZone: return "notSurelyInsideZone"
        case .noFix: return "noFix"
        case .staleFix: return "staleFix"
        case .invalidFix: return "invalidFix"
        case .implausibleJump: return "implausibleJump"
        case .uncertaintyTooLarge: return "uncertaintyTooLarge"
        }
    }
}

/// The outcome of one geofence check: what the terminal may do and why.
public struct GeofenceDecision: Sendable, Equatable, CustomStringConvertible {
    /// The action in force.
    package var action: ServiceAction
    /// Why.
    package var reason: GeofenceReason
    /// Index into ``GeofencePolicy/rules`` of the zone named by the reason, if any.
    package var ruleIndex: Int?
    /// Name of that zone.
    package var zoneName: String?
    /// Distance to the nearest relevant boundary, metres: the nearest edge of a zone whose action
    /// differs from this one, or the edge of the deciding zone when its action differs from the
    /// default; nil when none lies within the reporting horizon (or the decision failed closed).
    package var boundaryDistanceMetres: Double?
    /// The constellations that may transmit here: for each, the same precedence as
    /// ``action`` over only the zones whose ``ZoneRule/constellations`` bind it. ``action``
    /// itself is the action for a constellation every zone binds (a terminal of one
    /// constellation no zone spares); a fail-closed decision permits none.
    package var transmitPermittedConstellations: ConstellationSet
    /// The constellations that may receive here (pointing at their satellites): the same
    /// precedence over the zones that bind each, where only `noService` forbids. Always holds
    /// ``transmitPermittedConstellations``. A fail-closed decision permits all or none, as its
    /// ``action`` (the fail-closed action) permits receiving.
    package var receivePermittedConstellations: ConstellationSet

    /// Creates a decision; `transmitPermittedConstellations` defaults to all when `action`
    /// permits transmitting, none otherwise, and `receivePermittedConstellations` likewise
    /// (widened to hold the transmit set).
    package init(
        action: ServiceAction, reason: GeofenceReason, ruleIndex: Int? = nil, zoneName: String? = nil,
        boundaryDistanceMetres: Double? = nil, transmitPermittedConstellations: ConstellationSet? = nil,
        receivePermittedConstellations: ConstellationSet? = nil
    ) {
        let transmit = reason.isFailClosed ? [] : (transmitPermittedConstellations ?? (action.permitsTransmit ? .all : []))
        self.transmitPermittedConstellations = transmit
        let receive: ConstellationSet =
            reason.isFailClosed
            ? (action.permitsReceive ? .all : [])
            : (receivePermittedConstellations ?? (action.permitsReceive ? .all : []))
        self.receivePermittedConstellations = receive.union(transmit)
        self.action = action
        self.reason = reason
        self.ruleIndex = ruleIndex
        self.zoneName = zoneName
        self.boundaryDistanceMetres = boundaryDistanceMetres
    }

    /// Whether transmission may be enabled.
    package var permitsTransmit: Bool { action.permitsTransmit }

    /// E.g. `noService (insideZone "Russia + 12 nm", boundary 1234 m)`.
    public var description: String {
        var text = "\(action) (\(reason)"
        if let zoneName { text += " \"\(zoneName)\"" }
        if let boundaryDistanceMetres { text += ", boundary \(Int(boundaryDistanceMetres.rounded())) m" }
        return text + ")"
    }
}
