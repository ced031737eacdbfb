/// Why service is disabled (or `OKAY`), modelled on the dish's `disablement_code`
/// (`SpaceX.API.Satellites.Network.UtDisablementCode`); the raw values are the names the dish
/// writes. Ordered by precedence: when several rules apply the decision reports the first of
///
/// 1. `UNKNOWN_LOCATION` — no usable fix (the geofence fails closed);
/// 2. `BLOCKED_COUNTRY` — a `noService` zone binds the terminal's constellations;
/// 3. `BLOCKED_AREA` — a `receiveOnly` zone binds them (emission control);
/// 4. `MOVING_TOO_FAST_FOR_POLICY` — the fixes show a speed over the plan's limit;
/// 5. `TOO_FAR_FROM_SERVICE_ADDRESS` — a stationary plan moved from its registered place;
/// 6. `IN_OCEAN` — beyond the coastal band without an ocean plan;
/// 7. `ROAM_RESTRICTED` — abroad too long, or in coastal waters too many days;
/// 8. `OKAY`.
///
/// Location first (nothing else can be judged without it), then the state's and operator's
/// zones (law), then the plan's rules from the immediate (speed) to the accumulated (days).
/// Every code but `OKAY` turns transmit off.
package enum DisablementCode: String, Sendable, Hashable, CaseIterable, BitwiseCopyable, CustomStringConvertible {
    /// No usable position.
    case unknownLocation = "UNKNOWN_LOCATION"
    /// In a zone where the terminal's constellations get no service.
    case blockedCountry = "BLOCKED_COUNTRY"
    /// In a zone where the terminal's constellations may not transmit.
    case blockedArea = "BLOCKED_AREA"
    /// Faster than the plan allows.
    case movingTooFastForPolicy = "MOVING_TOO_FAST_FOR_POLICY"
    /// A stationary plan away from its service address.
    case tooFarFromServiceAddress = "TOO_FAR_FROM_SERVICE_ADDRESS"
    /// Beyond the coastal band without an ocean plan.
    case inOcean = "IN_OCEAN"
    /// Roaming limits exceeded (days abroad, coastal days).
    case roamRestricted = "ROAM_RESTRICTED"
    /// Service permitted.
    case okay = "OKAY"

    /// Position in the precedence list (0 wins).
    package var precedence: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    /// Whether transmission may be enabled under this code.
    package var permitsTransmit: Bool { self == .okay }

    /// The code as the dish writes it.
    package var description: String { rawValue }

    /// The code of higher precedence.
    package static func first(_ lhs: DisablementCode, _ rhs: DisablementCode) -> DisablementCode {
        lhs.precedence <= rhs.precedence ? lhs : rhs
    }
}
