/// Zones with actions, and a default for everywhere else: the content a signed policy bundle
/// carries.
///
/// Precedence: the action at a point is the most restrictive action of the zones containing
/// it (noService > receiveOnly > allow), or ``defaultAction`` where no zone contains it. So a
/// zone overrides the default in either direction (an `allow` zone opens a licensed country in
/// a `noService` world; a `noService` zone closes a country in an `allow` world), and among
/// overlapping zones restriction wins (a `noService` exclusion inside a licensed country holds).
///
/// Position uncertainty: the decision is the worst action over the disc of radius m (the
/// fix's uncertainty) round the fix. A zone counts as reachable when the fix is within m of it
/// (signed distance ≤ m), and the default counts unless some zone contains the whole disc
/// (signed distance ≤ −m). Hence a zone more restrictive than the default grows by m and one
/// less restrictive shrinks by m: "possibly inside" counts as inside for restrictions, and an
/// allowance needs the fix surely inside. ``GeofenceEvaluator`` adds hysteresis on top.
///
/// Built once (it indexes every part of every zone in an STR-packed R-tree of
/// longitude/latitude boxes grown by the zone's buffer); evaluation allocates nothing.
public struct GeofencePolicy: Sendable {
    /// The rules, in the order given; decisions name rules by this index.
    package let rules: [ZoneRule]
    /// The action where no zone applies (open ocean, unlisted countries).
    package let defaultAction: ServiceAction

    let index: PolicyIndex

    /// Indexes the zones.
    public init(rules: [ZoneRule], defaultAction: ServiceAction) {
        self.rules = rules
        self.defaultAction = defaultAction
        index = PolicyIndex(rules: rules)
    }

    /// The decision for a single position without history (no hysteresis, no fix checks):
    /// for tools, tests and benchmarks. Terminals use ``GeofenceEvaluator``.
    public func assess(
        _ coordinate: GeodeticCoordinate, uncertaintyMetres: Double = 0, reportingHorizonMetres: Double = 10_000
    ) -> GeofenceDecision {
        var memory = NoZoneMemory()
        return evaluate(
            QueryPoint(coordinate), marginMetres: max(uncertaintyMetres, 0), hysteresisMetres: 0,
            reportingHorizonMetres: reportingHorizonMetres, memory: &memory)
    }
}

/// The parts of all zones of a policy, with the rule each belongs to, under one R-tree.
final class PolicyIndex: Sendable {
    let parts: [ZonePart]
    let partRule: [Int32]
    let partBufferMetres: [Double]
    let ruleAction: [ServiceAction]
    let ruleConstellations: [ConstellationSet]
    let tree: PackedRTree<LonLatBox>
    let extent: LonLatBox?
    let grid: CandidateGrid

    init(rules: [ZoneRule]) {
        var parts: [ZonePart] = []
        var partRule: [Int32] = []
        var buffers: [Double] = []
        var boxes: [LonLatBox] = []
        for (ruleIndex, rule) in rules.enumerated() {
            for part in rule.zone.parts {
                parts.append(part)
                partRule.append(Int32(ruleIndex))
                buffers.append(rule.zone.bufferMetres)
                boxes.append(part.bounds.grown(byMetres: rule.zone.bufferMetres))
            }
        }
        self.parts = parts
        self.partRule = partRule
        partBufferMetres = buffers
        ruleAction = rules.map(\.action)
        ruleConstellations = rules.map(\.constellations)
        tree = PackedRTree(boxes: boxes)
        extent = boxes.dropFirst().reduce(boxes.first) { $0?.union($1) }
        grid = CandidateGrid(bounds: parts.map(\.bounds), bufferMetres: buffers)
    }

    /// Calls `visit` with every part whose box, grown by its buffer, comes within
    /// `reachMetres` of the query point (and possibly a few more): from the ``CandidateGrid``
    /// when the reach allows, otherwise from the R-tree, trying the query at λ, λ + 360° and
    /// λ − 360° so that boxes of unwrapped rings and boxes grown across ±180° are found.
    func forEachCandidate(near query: QueryPoint, reachMetres: Double, _ visit: (Int) -> Void) {
        let latitude = query.coordinate.latitudeDegrees
        let longitude = query.coordinate.longitudeDegrees
        if reachMetres <= CandidateGrid.precomputedReachMetres {
            grid.forEachCandidate(latitudeDegrees: latitude, longitudeDegrees: longitude, visit)
            return
        }
        guard let extent else { return }
        let window = LonLatBox(west: longitude, south: latitude, east: longitude, north: latitude).grown(
            byMetres: reachMetres)
        let wraps = window.east - window.west >= 360
        for step in 0..<(wraps ? 1 : 3) {
            let shift = step == 0 ? 0 : (step == 1 ? 360.0 : -360.0)
            let shifted = LonLatBox(
                west: window.west + shift, south: window.south, east: window.east + shift, north: window.north)
            guard shifted.intersects(extent) else { continue }
            tree.forEachItem(where: { $0.intersects(shifted) }) { visit(Int($0)) }
        }
    }
}
