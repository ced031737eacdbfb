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
/// The value keeps caches and is meant to be owned by one task; asking for slots in time order
/// is the fast path (an earlier slot only restarts the sweep).
public struct HandoverScheduler: Sendable {
    /// The satellites to choose from.
    public let ephemeris: ConstellationEphemeris
    /// The terminal's position.
    public let observer: GeodeticPosition
    /// The slot grid.
    public let slotClock: SlotClock
    /// How visibility intervals are searched ahead for incremental use, seconds (a horizon
    /// given to `schedule(from:to:)` is searched in one go).
    public var lookaheadSeconds: Double
    /// Element sets older than this many days at a schedule's start are reported.
    public var ephemerisAgeThresholdDays: Double
    /// Satellites excluded because SGP4 failed, each once, in the order met.
    public private(set) var exclusions: [PropagationExclusion]

    /// The policy; changing it takes effect at the next decision.
    public var policy: HandoverPolicy {
        didSet { forgetPerSatelliteResults() }
    }

    /// The constraints; changing them (a new obstruction observation, a new boresight) takes
    /// effect at the next decision.
    public var constraints: CandidateConstraints {
        didSet {
            evaluator = CandidateEvaluator(constraints: constraints, arc: arc)
            if cache?.thresholdDegrees != constraints.visibilityThresholdDegrees { cache = nil }
            forgetPerSatelliteResults()
        }
    }

    let predictor: PassPredictor
    let arc: GeostationaryArc
    private var evaluator: CandidateEvaluator
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
    private var previousServing: (slotIndex: Int64, catalogNumber: Int)?
    private var windowScratch: [Int] = []
    private var candidateScratch: [SlotCandidate] = []

    /// A scheduler for a terminal at `observer`.
    public init(
        ephemeris: ConstellationEphemeris, observer: GeodeticPosition, constraints: CandidateConstraints = .init(),
        policy: HandoverPolicy = .highestElevation, slotClock: SlotClock = .starlink, lookaheadSeconds: Double = 3_600,
        ephemerisAgeThresholdDays: Double = EphemerisAgeReport.defaultThresholdDays,
        earthOrientation: EarthOrientation = .none
    ) {
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
    public mutating func nextDecision(
        after instant: JulianDate, assignedTerminals: (Int) -> Int = { _ in 0 }, isRestricted: Bool = false
    ) -> SlotDecision {
        decision(
            for: slotClock.firstSlot(startingAtOrAfter: instant), assignedTerminals: assignedTerminals,
            isRestricted: isRestricted)
    }

    /// The decision for `slot` (see `nextDecision(after:assignedTerminals:isRestricted:)`).
    public mutating func decision(
        for slot: ReconfigurationSlot, assignedTerminals: (Int) -> Int = { _ in 0 }, isRestricted: Bool = false
    ) -> SlotDecision {
        if isRestricted {
            previousServing = nil
            return SlotDecision(slot: slot, serving: nil, runnerUp: nil, outage: .restricted, candidateCount: 0)
        }
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
            let track = SkyTrack(propagator: ephemeris.reference(at: index), geometry: geometry)
            var boundary = boundarySamples.carried(index, atSeconds: start)
            defer { if let boundary { boundarySamples.keep(boundary, of: index) } }
            do {
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
                    candidateScratch.append(candidate)
                case .obstructedOnly: obstructedOnly = true
                case .rejected: break
                }
            } catch {
                exclude(index, error: error.error, at: geometry.base.adding(seconds: error.seconds))
            }
        }
        let (serving, runnerUp) = choose(for: slot)
        previousServing = serving.map { (slot.index, $0.catalogNumber) }
        return SlotDecision(
            slot: slot, serving: serving, runnerUp: runnerUp,
            outage: serving != nil ? nil : (obstructedOnly ? .obstructed : .noSatellite),
            candidateCount: candidateScratch.count)
    }

    /// The serving satellite and runner-up among `candidateScratch`: the policy's best two, except
    /// that `longestVisibility` keeps the previous slot's satellite while it qualifies.
    private func choose(for slot: ReconfigurationSlot) -> (SlotCandidate?, SlotCandidate?) {
        if policy == .longestVisibility, let previous = previousServing, previous.slotIndex == slot.index - 1,
            let incumbent = candidateScratch.first(where: { $0.catalogNumber == previous.catalogNumber })
        {
            return (incumbent, policy.bestTwo(candidateScratch, excludingCatalogNumber: incumbent.catalogNumber).0)
        }
        return policy.bestTwo(candidateScratch)
    }

    /// Every candidate of `slot`, ordered by the policy's ranking (for inspection and tests;
    /// the scheduler itself only keeps the best two). Does not count as a decision for
    /// `longestVisibility`'s memory.
    public mutating func rankedCandidates(
        for slot: ReconfigurationSlot, assignedTerminals: (Int) -> Int = { _ in 0 }
    ) -> [SlotCandidate] {
        let remembered = previousServing
        defer { previousServing = remembered }
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
                base: firstSlot.start, durationSeconds: slotClock.slot(index: last - 1).end.seconds(since: firstSlot.start))
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
        if let cache,
            cache.covers(startSeconds: slot.start.seconds(since: cache.base), endSeconds: slot.end.seconds(since: cache.base))
        {
            return cache.geometry
        }
        return rebuildWindows(base: slot.start, durationSeconds: max(lookaheadSeconds, slot.durationSeconds))
    }

    /// Searches the visibility windows afresh and forgets what was learnt against the old ones.
    @discardableResult
    private mutating func rebuildWindows(base: JulianDate, durationSeconds: Double) -> ObserverGeometry {
        let cache = VisibilityWindowCache(
            ephemeris: ephemeris, predictor: predictor, thresholdDegrees: constraints.visibilityThresholdDegrees,
            base: base, durationSeconds: durationSeconds, excluded: &excluded, exclusions: &exclusions)
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
