/// The terminal's state, as the dish reports its own (boot → locating → searching →
/// tracking ⇄ handover → restricted / fault / stowed).
package enum TerminalState: UInt8, Sendable, Hashable, CaseIterable, Codable, BitwiseCopyable, CustomStringConvertible {
    /// Starting: no tick has run yet.
    case boot
    /// No usable position or no UTC yet: nothing can be scheduled.
    case locating
    /// Position and UTC known, but no satellite is being tracked.
    case searching
    /// Steering toward the serving satellite.
    case tracking
    /// Within the first tick(s) after a slot boundary changed the serving satellite.
    case handover
    /// The geofence forbids service here (noService), or allows receive only.
    case restricted
    /// A hardware fault is latched (PA fault, over-temperature, stuck transmit line, beamformer).
    case fault
    /// Shut down on request: transmit off, PA off, lines at their safe states.
    case stowed

    package var description: String {
        switch self {
        case .boot: "BOOT"
        case .locating: "LOCATING"
        case .searching: "SEARCHING"
        case .tracking: "TRACKING"
        case .handover: "HANDOVER"
        case .restricted: "RESTRICTED"
        case .fault: "FAULT"
        case .stowed: "STOWED"
        }
    }

    /// The state that the inputs of one tick imply. Precedence: stowed, fault, locating,
    /// restricted (noService only: receive-only still tracks), then tracking/handover/searching.
    package static func derive(
        stowed: Bool, fault: Bool, utcKnown: Bool, positionUsable: Bool, serviceForbidden: Bool, steered: Bool,
        switchedSatellite: Bool
    ) -> TerminalState {
        if stowed { return .stowed }
        if fault { return .fault }
        if !utcKnown || !positionUsable { return .locating }
        if serviceForbidden { return .restricted }
        if steered { return switchedSatellite ? .handover : .tracking }
        return .searching
    }
}

/// Why the terminal is not in service, in the dish's vocabulary where it has one.
package enum OutageCause: UInt8, Sendable, Hashable, CaseIterable, Codable, BitwiseCopyable, CustomStringConvertible {
    /// No satellite scheduled for the slot (`NO_SCHEDULE`).
    case noSchedule
    /// No satellite qualifies in the sky (`NO_SATS`).
    case noSatellites
    /// Satellites only in obstructed sky (`OBSTRUCTED`).
    case obstructed
    /// The geofence forbids service here (`RESTRICTED`).
    case restricted
    /// A hardware fault (`FAULT`).
    case fault
    /// No usable position fix (`NO_FIX`).
    case noFix
    /// UTC unknown (`NO_UTC`).
    case noUTC
    /// The beamformer bridge is not applying the steering (`BEAMFORMER`).
    case beamformer
    /// The serving satellite left the scan cone or the sky (`OUT_OF_SCAN`).
    case outOfScan

    package var description: String {
        switch self {
        case .noSchedule: "NO_SCHEDULE"
        case .noSatellites: "NO_SATS"
        case .obstructed: "OBSTRUCTED"
        case .restricted: "RESTRICTED"
        case .fault: "FAULT"
        case .noFix: "NO_FIX"
        case .noUTC: "NO_UTC"
        case .beamformer: "BEAMFORMER"
        case .outOfScan: "OUT_OF_SCAN"
        }
    }
}
