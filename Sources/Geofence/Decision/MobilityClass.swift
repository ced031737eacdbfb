/// How a terminal moves, for the growth of its position's uncertainty while no fresh fix
/// says where it is (see ``GeofenceConfiguration/minimumSpeedMetresPerSecond``).
package enum MobilityClass: String, Sendable, Hashable, CaseIterable {
    /// Fixed installation (a house, a mast).
    case stationary
    /// Moved between sites, used at rest (a campervan at a pitch, a field kit).
    case nomadic
    /// Used while moving on land or at sea (vehicles, vessels).
    case mobile
    /// Used in flight.
    case aviation

    /// The least speed assumed while the position is not known, m/s: the uncertainty disc grows
    /// at least this fast with the fix's age, whatever the recent fixes suggest.
    ///
    /// stationary 0.5 m/s (GNSS wander, a mast that is in fact on a trailer); nomadic 2 m/s (set
    /// down and picked up on foot); mobile 40 m/s (144 km/h: a car on a motorway, a fast ferry's
    /// 35–40 kn is 18–21 m/s); aviation 280 m/s (an airliner's cruise, ~545 kn).
    package var speedFloorMetresPerSecond: Double {
        switch self {
        case .stationary: 0.5
        case .nomadic: 2
        case .mobile: 40
        case .aviation: 280
        }
    }
}
