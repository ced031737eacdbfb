import Orbit

/// From `instant` on, only `constellations` are permitted (the geofence's answer at a fix of a
/// moving terminal): one step of a route through zones with different service rules.
package struct PermittedConstellationsChange: Sendable, Hashable {
    /// When the change takes effect (UTC): slots starting at or after it are decided with it.
    package var instant: JulianDate
    /// The networks permitted from then on.
    package var constellations: Set<Constellation>

    /// A change from its parts.
    package init(instant: JulianDate, constellations: Set<Constellation>) {
        self.instant = instant
        self.constellations = constellations
    }
}

extension HandoverScheduler {
    /// The decisions for every slot starting in `[start, end)` while the permitted networks
    /// change at the given instants (in any order; one at or before `start` applies from the
    /// start). Each stretch between changes is scheduled in turn, the network state carried
    /// across, so a change that rules out the network in use costs its acquisition outage in
    /// the first slot starting after it.
    package mutating func schedule(
        from start: JulianDate, to end: JulianDate, permittedChanges: [PermittedConstellationsChange]
    ) -> HandoverSchedule {
        let changes = permittedChanges.sorted { $0.instant < $1.instant }
        var decisions: [SlotDecision] = []
        var from = start
        var first: HandoverSchedule?
        var last: HandoverSchedule?
        for change in changes where change.instant <= start { permittedConstellations = change.constellations }
        for change in changes where change.instant > start && change.instant < end {
            let part = schedule(from: from, to: change.instant)
            decisions += part.decisions
            first = first ?? part
            permittedConstellations = change.constellations
            from = change.instant
        }
        let part = schedule(from: from, to: end)
        decisions += part.decisions
        first = first ?? part
        last = part
        return HandoverSchedule(
            observer: observer, policy: policy, constraints: constraints, decisions: decisions,
            statistics: ScheduleStatistics(decisions: decisions), exclusions: last?.exclusions ?? exclusions,
            ephemerisAge: first?.ephemerisAge ?? ephemeris.ageReport(at: start, thresholdDays: ephemerisAgeThresholdDays))
    }
}
