import Geofence
import Handover
import Orbit

/// The scheduler side of the terminal (not real-time): asks the `Handover` scheduler for the
/// slot in force and the next one, and turns the decisions into the `ServingAssignment` the
/// tick reads (satellites as tracker indices).
///
/// The scheduler is built for one observer position. A moving terminal (a vessel) gets a new
/// scheduler when it has moved more than `rebuildDistanceKilometres` (default 5 km: at
/// 550 km altitude that shifts a satellite's elevation by well under a degree, far inside the
/// margins of a 25° mask and a 50° scan cone; the tick itself always points from the
/// latest fix).
package struct ScheduleService: Sendable {
    /// The satellites the scheduler and the tracker share (same propagators, same indices).
    package private(set) var ephemeris: ConstellationEphemeris
    /// The policy choosing among candidates; a change applies from the next slot decided.
    package var policy: HandoverPolicy {
        didSet { scheduler?.policy = policy }
    }
    /// The constraints (mask, scan cone, GSO, obstruction); a change (a newly learned
    /// obstruction) applies from the next slot decided.
    package var constraints: CandidateConstraints {
        didSet { scheduler?.constraints = constraints }
    }
    /// How far the terminal may move before the scheduler is rebuilt, kilometres.
    package var rebuildDistanceKilometres = 5.0
    /// The slot grid.
    package let slotClock: SlotClock
    /// The networks the board's hardware can use.
    package let usableConstellations: Set<Constellation>
    /// The networks permitted now (`permitConstellations(_:from:)`; all until told otherwise).
    package private(set) var permittedConstellations = Set(Constellation.allCases)
    private var scheduler: HandoverScheduler?
    private var builtAt: GeodeticPosition?
    /// The attached network of a scheduler dropped by `replaceEphemeris`, for the next one.
    private var carriedAttachment: Constellation?
    /// The networks last passed to `follow(_:from:)` (nil: never).
    private var followedNetworks: ConstellationSet?
    /// The most recent slot decisions (up to 256), in time order.
    package private(set) var decisions: [SlotDecision] = []

    /// A service over the tracker's ephemeris (shared, not copied): a decision's satellite is
    /// published as the tracker index the tick uses.
    /// `constellations` are the networks the board can use (default: all); `primary`, the one
    /// the terminal attaches to at start (the board's first listed that it is subscribed to):
    /// it stays on it while it has a satellite and is permitted, as a multi-network terminal
    /// keeps to its primary network and fails over to another (nil: the best first satellite's).
    package init(
        tracker: SatelliteTracker, policy: HandoverPolicy = .highestElevation,
        constraints: CandidateConstraints = CandidateConstraints(), slotClock: SlotClock = .starlink,
        constellations: Set<Constellation> = Set(Constellation.allCases), primary: Constellation? = nil
    ) {
        usableConstellations = constellations
        carriedAttachment = primary
        ephemeris = tracker.ephemeris
        self.policy = policy
        self.constraints = constraints
        self.slotClock = slotClock
    }

    /// The assignment for the slot containing `instant` and the one after, seen from
    /// `position`; `restricted` marks both slots restricted (the geofence forbids service).
    package mutating func assignment(at instant: JulianDate, position: GeodeticPosition, restricted: Bool) -> ServingAssignment {
        let current = slotClock.slot(containing: instant)
        let next = slotClock.slot(index: current.index + 1)
        let now = decide(current, position: position, restricted: restricted)
        let then = decide(next, position: position, restricted: restricted)
        return ServingAssignment(
            slotStartUnixNanoseconds: Self.unixNanoseconds(current.start), satelliteIndex: index(of: now),
            nextSlotStartUnixNanoseconds: Self.unixNanoseconds(next.start), nextSatelliteIndex: index(of: then),
            outageCause: Self.cause(now)?.rawValue ?? 255, nextOutageCause: Self.cause(then)?.rawValue ?? 255)
    }

    /// Puts refreshed element sets in use (the same satellites, in the same order:
    /// `EphemerisRefresh`): the slots that start after `instant` are decided again with them,
    /// and the slot in force keeps its satellite, so the link is not dropped. An ephemeris of
    /// another satellite count is not used; returns whether it was.
    @discardableResult
    package mutating func replaceEphemeris(_ refreshed: ConstellationEphemeris, keepingSlotsStartedBy instant: JulianDate) -> Bool {
        guard refreshed.count == ephemeris.count else { return false }
        ephemeris = refreshed
        carriedAttachment = scheduler?.attachedConstellation ?? carriedAttachment
        scheduler = nil
        decisions.removeAll { $0.slot.start > instant }
        return true
    }

    /// Sets the networks permitted from `instant` on (the integrator feeds it from the geofence
    /// decision at each fix): the slots starting after `instant` are decided again, and a
    /// terminal on a network no longer permitted switches at the first of them — within one
    /// slot of the fix — with the acquisition outage (`OutageReason.networkSwitch`). The slot
    /// in force keeps its satellite. Returns whether the set changed.
    @discardableResult
    package mutating func permitConstellations(_ permitted: Set<Constellation>, from instant: JulianDate) -> Bool {
        guard permitted != permittedConstellations else { return false }
        permittedConstellations = permitted
        scheduler?.permittedConstellations = permitted
        decisions.removeAll { $0.slot.start > instant }
        return true
    }

    /// Follows the networks the terminal's geofence permits here (`TerminalSnapshot
    /// .schedulingNetworks`, published by the tick): as `permitConstellations(_:from:)`. The
    /// daemon's scheduler thread and the simulator both call it; returns whether the set
    /// changed (then the slots must be decided again now).
    package mutating func follow(_ networks: ConstellationSet, from instant: JulianDate) -> Bool {
        // The simulator calls this every tick: compare the bit mask before building a set.
        guard networks != followedNetworks else { return false }
        followedNetworks = networks
        return permitConstellations(networks.constellations, from: instant)
    }

    /// The network the terminal is attached to, as of the last slot decided.
    package var attachedConstellation: Constellation? { scheduler?.attachedConstellation }

    private mutating func decide(_ slot: ReconfigurationSlot, position: GeodeticPosition, restricted: Bool) -> SlotDecision {
        if let known = decisions.last(where: { $0.slot.index == slot.index }), !restricted, known.outage != .restricted {
            return known
        }
        if scheduler == nil || moved(from: builtAt, to: position) {
            let attached = scheduler?.attachedConstellation ?? carriedAttachment
            scheduler = HandoverScheduler(
                ephemeris: ephemeris, observer: position, constraints: constraints, policy: policy, slotClock: slotClock,
                lookaheadSeconds: 1_800, constellations: usableConstellations)
            scheduler?.permittedConstellations = permittedConstellations
            scheduler?.attachedConstellation = attached
            builtAt = position
        }
        // Decided in place: a copy of the scheduler would copy its per-satellite arrays at the
        // first write (0.7 MB for 10,000 satellites, at every decision).
        guard let decision = scheduler?.decision(for: slot, isRestricted: restricted) else {
            return SlotDecision(slot: slot, serving: nil, runnerUp: nil, outage: .noSatellite, candidateCount: 0)
        }
        decisions.removeAll { $0.slot.index == slot.index }
        decisions.append(decision)
        // A daemon decides 5,760 slots a day: keep the recent ones only.
        if decisions.count > 256 { decisions.removeFirst(decisions.count - 128) }
        return decision
    }

    private func moved(from built: GeodeticPosition?, to position: GeodeticPosition) -> Bool {
        guard let built else { return true }
        let distance = (built.ecefPositionKilometres - position.ecefPositionKilometres)
        return (distance * distance).sum().squareRoot() > rebuildDistanceKilometres
    }

    /// The tracker index of the decision's satellite: a search, twice per slot (about 10 µs over
    /// 10,000 satellites), rather than a table kept for the daemon's whole life.
    private func index(of decision: SlotDecision) -> Int32 {
        guard let serving = decision.serving,
            let index = ephemeris.satellites.firstIndex(where: { $0.catalogNumber == serving.catalogNumber })
        else { return -1 }
        return Int32(index)
    }

    static func cause(_ decision: SlotDecision) -> OutageCause? {
        switch decision.outage {
        case .none: nil
        case .noSatellite: .noSatellites
        case .obstructed: .obstructed
        case .restricted: .restricted
        // The dish's word for "no schedule from the network yet", which is what acquiring a
        // new network amounts to.
        case .networkSwitch: .noSchedule
        }
    }

    static func unixNanoseconds(_ date: JulianDate) -> Int64 {
        let days = date.day - JulianDate.unixEpoch.day
        return Int64((days * 86_400).rounded()) * 1_000_000_000 + Int64((date.fraction * 86_400e9).rounded())
    }
}
