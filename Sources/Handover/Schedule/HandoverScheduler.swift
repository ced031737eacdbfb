import Orbit

/// Chooses the serving satellite slot by slot, for a whole horizon (`schedule(from:to:)`) or
/// incrementally as a terminal runs (`nextDecision(after:)`, `decision(for:)`).
///
/// For each slot the scheduler takes the satellites above the visibility threshold for the
/// whole slot (from visibility intervals found by root finding, `PassPredictor`, searched
/// `lookaheadSeconds` ahead at a time and reused while slots stay inside them), checks the scan
/// cone, GSO separation and obstruction map at `CandidateConstraints.samplesPerSlot` instants
/// across the slot, and lets the policy rank what is left. A satellite whose propagation fails
/// is excluded from then on and reported once in `exclusions`; nothing traps.
///
/// Several networks: only satellites of the networks the hardware can use
/// (`usableConstellations`, from the board) and that are permitted now
/// (`permittedConstellations`, from the geofence) are considered, each network changing
/// satellite on its own cadence, and a change of network costs an acquisition outage
/// (`NetworkSelection`, `Constellation.reconfigurationClock`, `OutageReason.networkSwitch`).
///
/// The value keeps caches and is meant to be owned by one task; asking for slots in time order
/// is the fast path (an earlier slot only restarts the sweep). The network state (attached
/// network, held satellite) follows the slots as decided, so slots should be decided in time
/// order; deciding the last slot again repeats its decision.
public struct HandoverScheduler: Sendable {
    /// The satellites to choose from.
    package let ephemeris: ConstellationEphemeris
    /// The terminal's position.
    package let observer: GeodeticPosition
    /// The slot grid.
    package let slotClock: SlotClock
    /// How visibility intervals are searched ahead for incremental use, seconds (a horizon
    /// given to `schedule(from:to:)` is searched in one go).
    package var lookaheadSeconds: Double
    /// Element sets older than this many days at a schedule's start are reported.
    package var ephemerisAgeThresholdDays: Double
    /// Satellites excluded because SGP4 failed, each once, in the order met.
    package private(set) var exclusions: [PropagationExclusion]
    /// The networks the terminal's hardware can use (the board's `constellations`): the only
    /// satellites whose visibility is searched.
    package let usableConstellations: Set<Constellation>

    /// The networks permitted now (from the geofence decision); the scheduler considers those
    /// also in `usableConstellations`. A change applies from the next slot decided: a terminal
    /// on a network no longer permitted switches there, with the acquisition outage.
    package var permittedConstellations: Set<Constellation> {
        didSet { networks.permit(permittedConstellations) }
    }

    /// The network the terminal is attached to (nil before the first is chosen). Set it when
    /// a new scheduler takes over from one already in service (a moved terminal), so that a
    /// change of network still costs its outage.
    package var attachedConstellation: Constellation? {
        get { networks.state.attached }
        set { networks.state.attached = newValue }
    }

    /// The policy; changing it takes effect at the next decision.
    package var policy: HandoverPolicy {
        didSet { forgetPerSatelliteResults() }
    }

    /// The constraints; changing them (a new obstruction observation, a new boresight) takes
    /// effect at the next decision.
    package var constraints: CandidateConstraints {
        didSet {
            evaluator = CandidateEvaluator(constraints: constraints, arc: arc)
            if cache?.thresholdDegrees != constraints.visibilityThresholdDegrees { cache = nil }
            forgetPerSatelliteResults()
        }
    }

    let predictor: PassPredictor
    let arc: GeostationaryArc
    private var evaluator: CandidateEvaluator
    var networks: NetworkSelection
    private var cache: VisibilityWindowCache?
    private var excluded: [Bool]
    /// Per satellite: the constraints were found to hold from `remainingFrom` to
    /// `remainingUntil` (seconds after the cache's base); NaN when unknown.
    private var remainingFrom: [Double]
    private var remainingUntil: [Double]
    /// The satellites evaluated in the last slot and their samples at the end of that slot,
    /// which is the start of the next (`BoundarySamples`: only the few satellites in view have
    /// one, and deciding a slot allocates nothing).
    private var boundarySamples = BoundarySamples()
    /// The satellite chosen for the last slot decided, for `longestVisibility`'s first rule.
    var previousServing: (slotIndex: Int64, catalogNumber: Int)?
    private var windowScratch: [Int] = []
    var candidateScratch: [SlotCandidate] = []
    /// The candidates of the attached network, for the choice that keeps to it.
    var networkScratch: [SlotCandidate] = []

    /// A scheduler for a terminal at `observer`, able to use the networks `constellations`
    /// (default: all), all permitted until `permittedConstellations` says otherwise.
    public init(
        ephemeris: ConstellationEphemeris, observer: GeodeticPosition, constraints: CandidateConstraints = .init(),
        policy: HandoverPolicy = .highestElevation, slotClock: SlotClock = .starlink, lookaheadSeconds: Double = 3_600,
        ephemerisAgeThresholdDays: Double = EphemerisAgeReport.defaultThresholdDays,
        earthOrientation: EarthOrientation = .none, constellations: Set<Constellation> = Set(Constellation.allCases)
    ) {
        usableConstellations = constellations
        permittedConstellations = Set(Constellation.allCases)
        networks = NetworkSelection(
            slotClock: slotClock, usable: constellations.intersection(ephemeris.constellations),
            permitted: Set(Constellation.allCases))
        self.ephemeris = ephemeris
        self.observer = observer
        self.slotClock = slotClock
        self.lookaheadSeconds = lookaheadSeconds
        self.ephemerisAgeThresholdDays = ephemerisAgeThresholdDays
        self.policy = policy
        self.constraints = constraints
        predictor = PassPredictor(
            observer: observer, minimumElevationDegrees: constraints.visibilityThresholdDegrees,
            earthOrientation: earthOrientation)
        arc = GeostationaryArc(observer: observer)
        evaluator = CandidateEvaluator(constraints: constraints, arc: arc)
        exclusions = ephemeris.exclusions
        excluded = Array(repeating: false, count: ephemeris.count)
        remainingFrom = Array(repeating: .nan, count: ephemeris.count)
        remainingUntil = Array(repeating: .nan, count: ephemeris.count)
    }

    /// The decision for the first slot starting at or after `instant`: what the terminal must
    /// prepare for next.
    /// - Parameters:
    ///   - assignedTerminals: terminals already assigned to a satellite (by catalogue number)
    ///     for that slot, for `loadBalanced` in fleet runs.
    ///   - isRestricted: service is restricted for the slot (from the geofence).
    package mutating func nextDecision(
        after instant: JulianDate, assignedTerminals: (Int) -> Int = { _ in 0 }, isRestricted: Bool = false
    ) -> SlotDecision {
        decision(
            for: slotClock.firstSlot(startingAtOrAfter: instant), assignedTerminals: assignedTerminals,
            isRestricted: isRestricted)
    }

    /// The decision for `slot` (see `nextDecision(after:assignedTerminals:isRestricted:)`).
    package mutating func decision(
        for slot: ReconfigurationSlot, assignedTerminals: (Int) -> Int = { _ in 0 }, isRestricted: Bool = false
    ) -> SlotDecision {
        networks.begin(slotIndex: slot.index)
        if isRestricted {
            previousServing = nil
            networks.release()
            return SlotDecision(slot: slot, serving: nil, runnerUp: nil, outage: .restricted, candidateCount: 0)
        }
        let held = networks.held(at: slot.index)
        var heldCandidate: SlotCandidate?
        let geometry = windows(covering: slot)
        let start = slot.start.seconds(since: geometry.base)
        let end = slot.end.seconds(since: geometry.base)
        cache?.windowsContaining(startSeconds: start, endSeconds: end, into: &windowScratch)
        candidateScratch.removeAll(keepingCapacity: true)
        boundarySamples.beginSlot()
        var obstructedOnly = false
        for windowIndex in windowScratch {
            guard let found = cache?.windows[windowIndex], !excluded[found.satelliteIndex] else { continue }
            let index = found.satelliteIndex
            let satellite = ephemeris.satellites[index]
            let network = satellite.constellation
            // A held terminal changes satellite only at its network's boundaries.
            let isHeld = held == satellite.catalogNumber
            guard networks.considers(network), isHeld || held == nil || networks.isBoundary(slot.index, of: network)
            else { continue }
            let track = SkyTrack(propagator: ephemeris.reference(at: index), geometry: geometry)
            var boundary = boundarySamples.carried(index, atSeconds: start)
            defer { if let boundary { boundarySamples.keep(boundary, of: index) } }
            do {
                if !isHeld && networks.cadenceSlots[network.ordinal] > 1 {
                    // Chosen now, it must qualify until its network's next boundary.
                    let periodEnd = slotClock.slot(index: networks.lastSlotOfPeriod(containing: slot.index, of: network)).end
                        .seconds(since: geometry.base)
                    if periodEnd > end {
                        guard found.setSeconds >= periodEnd else { continue }
                        var unused: TrackSample?
                        switch try evaluator.evaluate(
                            track: track, satellite: satellite, startSeconds: start, endSeconds: periodEnd,
                            assignedTerminals: 0, boundary: &unused)
                        {
                        case .qualifies: break
                        case .obstructedOnly:
                            obstructedOnly = true
                            continue
                        case .rejected: continue
                        }
                    }
                }
                switch try evaluator.evaluate(
                    track: track, satellite: satellite, startSeconds: start, endSeconds: end,
                    assignedTerminals: assignedTerminals(satellite.catalogNumber), boundary: &boundary)
                {
                case .qualifies(var candidate):
                    if policy == .longestVisibility {
                        candidate.remainingVisibilitySeconds =
                            try remainingVisibility(
                                of: index, track: track, startSeconds: start, endSeconds: end, setSeconds: found.setSeconds)
                            - start
                    }
                    if isHeld { heldCandidate = candidate }
                    candidateScratch.append(candidate)
                case .obstructedOnly: obstructedOnly = true
                case .rejected: break
                }
            } catch {
                exclude(index, error: error.error, at: geometry.base.adding(seconds: error.seconds))
            }
        }
        return decideAcrossNetworks(slot, heldCandidate: heldCandidate, obstructedOnly: obstructedOnly)
    }

    /// Every candidate of `slot`, ordered by the policy's ranking (for inspection and tests;
    /// the scheduler itself only keeps the best two). Does not count as a decision for
    /// `longestVisibility`'s memory.
    package mutating func rankedCandidates(
        for slot: ReconfigurationSlot, assignedTerminals: (Int) -> Int = { _ in 0 }
    ) -> [SlotCandidate] {
        let remembered = previousServing
        let rememberedNetworks = networks
        defer {
            previousServing = remembered
            networks = rememberedNetworks
        }
        _ = decision(for: slot, assignedTerminals: assignedTerminals)
        return policy.ranked(candidateScratch)
    }

    /// The decisions for every slot starting in `[start, end)`.
    /// - Parameters:
    ///   - assignedTerminals: terminals already assigned to a satellite (catalogue number) in a
    ///     slot, for `loadBalanced`.
    ///   - isRestricted: whether service is restricted in a slot (from the geofence).
    public mutating func schedule(
        from start: JulianDate, to end: JulianDate,
        assignedTerminals: (ReconfigurationSlot, Int) -> Int = { _, _ in 0 },
        isRestricted: (ReconfigurationSlot) -> Bool = { _ in false }
    ) -> HandoverSchedule {
        let first = slotClock.firstSlot(startingAtOrAfter: start).index
        let last = slotClock.firstSlot(startingAtOrAfter: end).index
        var decisions: [SlotDecision] = []
        if last > first {
            let firstSlot = slotClock.slot(index: first)
            rebuildWindows(
                base: firstSlot.start,
                durationSeconds: slotClock.slot(index: last - 1).end.seconds(since: firstSlot.start)
                    + networks.longestPeriodBeyondSlotSeconds)
            decisions.reserveCapacity(Int(last - first))
            for index in first..<last {
                let slot = slotClock.slot(index: index)
                decisions.append(
                    decision(
                        for: slot, assignedTerminals: { assignedTerminals(slot, $0) }, isRestricted: isRestricted(slot)))
            }
        }
        return HandoverSchedule(
            observer: observer, policy: policy, constraints: constraints, decisions: decisions,
            statistics: ScheduleStatistics(decisions: decisions), exclusions: exclusions,
            ephemerisAge: ephemeris.ageReport(at: start, thresholdDays: ephemerisAgeThresholdDays))
    }

    /// Makes sure the window cache contains `slot` (rebuilding it from the slot's start when it
    /// does not), and returns its geometry.
    private mutating func windows(covering slot: ReconfigurationSlot) -> ObserverGeometry {
        // A satellite chosen at a slower network's boundary must stay in view for its whole
        // period, beyond the slot: the windows must reach that far.
        let beyond = networks.longestPeriodBeyondSlotSeconds
        if let cache,
            cache.covers(
                startSeconds: slot.start.seconds(since: cache.base), endSeconds: slot.end.seconds(since: cache.base) + beyond)
        {
            return cache.geometry
        }
        return rebuildWindows(base: slot.start, durationSeconds: max(lookaheadSeconds, slot.durationSeconds + beyond))
    }

    /// Searches the visibility windows afresh and forgets what was learnt against the old ones.
    @discardableResult
    private mutating func rebuildWindows(base: JulianDate, durationSeconds: Double) -> ObserverGeometry {
        let cache = VisibilityWindowCache(
            ephemeris: ephemeris, predictor: predictor, thresholdDegrees: constraints.visibilityThresholdDegrees,
            base: base, durationSeconds: durationSeconds, usable: networks.usable, excluded: &excluded,
            exclusions: &exclusions)
        self.cache = cache
        forgetPerSatelliteResults()
        return cache.geometry
    }

    /// When satellite `index` stops satisfying the constraints, seconds after the cache's base,
    /// reusing what an earlier slot found (slots share the sample grid: a period is a whole
    /// number of sample spacings).
    private mutating func remainingVisibility(
        of index: Int, track: SkyTrack, startSeconds: Double, endSeconds: Double, setSeconds: Double
    ) throws(TrackFailure) -> Double {
        if remainingFrom[index] <= startSeconds && remainingUntil[index] >= endSeconds {
            return remainingUntil[index]
        }
        let spacing = (endSeconds - startSeconds) / Double(evaluator.sampleCount - 1)
        let until = try evaluator.lastSatisfyingSeconds(
            track: track, fromSeconds: endSeconds, spacingSeconds: spacing, untilSeconds: setSeconds)
        remainingFrom[index] = startSeconds
        remainingUntil[index] = until
        return until
    }

    /// Forgets the per-satellite results that depend on the window cache or the constraints.
    private mutating func forgetPerSatelliteResults() {
        for index in remainingFrom.indices {
            remainingFrom[index] = .nan
            remainingUntil[index] = .nan
        }
        boundarySamples.removeAll()
    }

    private mutating func exclude(_ index: Int, error: SGP4Error, at instant: JulianDate) {
        guard !excluded[index] else { return }
        excluded[index] = true
        let satellite = ephemeris.satellites[index]
        exclusions.append(
            PropagationExclusion(catalogNumber: satellite.catalogNumber, name: satellite.name, error: error, instant: instant))
    }
}
