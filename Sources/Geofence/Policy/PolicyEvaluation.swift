/// Per-rule memory of the previous evaluation, for hysteresis.
protocol ZoneMemory {
    /// The rule was reachable (signed distance ≤ margin) last time.
    func wasPossible(_ rule: Int) -> Bool
    /// The rule contained the whole uncertainty disc last time.
    func wasSure(_ rule: Int) -> Bool
    mutating func markPossible(_ rule: Int)
    mutating func markSure(_ rule: Int)
}

/// No memory: a single-shot assessment.
struct NoZoneMemory: ZoneMemory {
    func wasPossible(_ rule: Int) -> Bool { false }
    func wasSure(_ rule: Int) -> Bool { false }
    mutating func markPossible(_ rule: Int) {}
    mutating func markSure(_ rule: Int) {}
}

extension GeofencePolicy {
    /// The worst-case action over the uncertainty disc (see ``GeofencePolicy``), with
    /// hysteresis H from `memory`: a rule reachable last time stays reachable until the fix is
    /// more than m + H outside it; a rule that did not contain the disc last time must contain
    /// it with H to spare (signed distance ≤ −m − H) before it displaces the default.
    ///
    /// Per candidate part the work is one point-in-polygon scan of a latitude band and one
    /// bounded nearest-edge search; nothing is allocated.
    func evaluate<Memory: ZoneMemory>(
        _ query: QueryPoint, marginMetres margin: Double, hysteresisMetres hysteresis: Double,
        reportingHorizonMetres horizon: Double, memory: inout Memory
    ) -> GeofenceDecision {
        var worst = -1
        var worstRule = -1
        var worstSigned = Double.infinity
        var covered = false
        var nominallyInsideRule = -1
        var nominallyInsideSigned = Double.infinity
        // Nearest reported boundary per action (allow, receiveOnly, noService).
        var nearest: (Double, Double, Double) = (.infinity, .infinity, .infinity)
        // Constellations a reachable zone forbids transmitting; those a zone permitting it
        // covers (the disc surely inside).
        var forbidden: ConstellationSet = []
        var coveredPermitting: ConstellationSet = []
        // The same for receiving: a reachable no-service zone forbids it; a covering zone of
        // another action permits it.
        var forbiddenReceive: ConstellationSet = []
        var coveredReceiving: ConstellationSet = []
        let index = self.index
        index.forEachCandidate(near: query, reachMetres: margin + hysteresis + horizon) { partIndex in
            let rule = Int(index.partRule[partIndex])
            let action = index.ruleAction[rule]
            let buffer = index.partBufferMetres[partIndex]
            let grow = margin + (memory.wasPossible(rule) ? hysteresis : 0)
            let shrink = margin + (memory.wasSure(rule) ? 0 : hysteresis)
            let radius = buffer + max(grow, shrink) + horizon
            let signed =
                index.parts[partIndex].signedDistanceMetres(at: query, searchRadiusMetres: radius) - buffer
            if abs(signed) <= horizon {
                switch action {
                case .allow: nearest.0 = min(nearest.0, abs(signed))
                case .receiveOnly: nearest.1 = min(nearest.1, abs(signed))
                case .noService: nearest.2 = min(nearest.2, abs(signed))
                }
            }
            guard signed <= grow else { return }
            memory.markPossible(rule)
            let binds = index.ruleConstellations[rule]
            if !action.permitsTransmit { forbidden.formUnion(binds) }
            if !action.permitsReceive { forbiddenReceive.formUnion(binds) }
            if action.rawValue > worst || (action.rawValue == worst && signed < worstSigned) {
                worst = action.rawValue
                worstRule = rule
                worstSigned = signed
            }
            if signed <= -shrink {
                memory.markSure(rule)
                covered = true
                if action.permitsTransmit { coveredPermitting.formUnion(binds) }
                if action.permitsReceive { coveredReceiving.formUnion(binds) }
            } else if signed <= 0 && action < defaultAction && signed < nominallyInsideSigned {
                nominallyInsideRule = rule
                nominallyInsideSigned = signed
            }
        }
        let zoneDecides = worstRule >= 0 && (covered || worst >= defaultAction.rawValue)
        // Per constellation, the same precedence over the zones that bind it.
        var permitted = ConstellationSet.all.subtracting(forbidden)
        if !defaultAction.permitsTransmit { permitted.formIntersection(coveredPermitting) }
        var receiving = ConstellationSet.all.subtracting(forbiddenReceive)
        if !defaultAction.permitsReceive { receiving.formIntersection(coveredReceiving) }
        let action = zoneDecides ? index.ruleAction[worstRule] : defaultAction
        var boundary = Double.infinity
        if action != .allow { boundary = min(boundary, nearest.0) }
        if action != .receiveOnly { boundary = min(boundary, nearest.1) }
        if action != .noService { boundary = min(boundary, nearest.2) }
        if zoneDecides {
            // Leaving the deciding zone matters only if the default beyond it differs.
            if abs(worstSigned) <= horizon && action != defaultAction { boundary = min(boundary, abs(worstSigned)) }
            let reason: GeofenceReason =
                worstSigned <= 0 ? .insideZone : (worstSigned <= margin ? .withinUncertaintyOfZone : .leavingZone)
            return GeofenceDecision(
                action: action, reason: reason, ruleIndex: worstRule, zoneName: rules[worstRule].zone.name,
                boundaryDistanceMetres: boundary.isFinite ? boundary : nil, transmitPermittedConstellations: permitted,
                receivePermittedConstellations: receiving)
        }
        if nominallyInsideRule >= 0 {
            return GeofenceDecision(
                action: action, reason: .notSurelyInsideZone, ruleIndex: nominallyInsideRule,
                zoneName: rules[nominallyInsideRule].zone.name,
                boundaryDistanceMetres: min(boundary, abs(nominallyInsideSigned)), transmitPermittedConstellations: permitted,
                receivePermittedConstellations: receiving)
        }
        return GeofenceDecision(
            action: action, reason: .defaultAction, ruleIndex: nil, zoneName: nil,
            boundaryDistanceMetres: boundary.isFinite ? boundary : nil, transmitPermittedConstellations: permitted,
                receivePermittedConstellations: receiving)
    }
}
