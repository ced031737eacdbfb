/// Coverage and outage figures of a schedule.
package struct ScheduleStatistics: Sendable, Hashable {
    /// Slots in the schedule.
    package var slotCount: Int
    /// Slots with a serving satellite.
    package var servedSlotCount: Int
    /// `servedSlotCount / slotCount` (0 for an empty schedule).
    package var coverageFraction: Double
    /// Outage slots by reason (every reason present, possibly 0).
    package var outageSlotCounts: [OutageReason: Int]
    /// Outages: maximal runs of consecutive slots without a serving satellite.
    package var outageCount: Int
    /// The longest of them, seconds.
    package var longestOutageSeconds: Double
    /// Changes of serving satellite between two consecutive served slots (an outage in between
    /// is a loss of service, not a handover).
    package var handoverCount: Int
    /// Changes of network: runs of `networkSwitch` outage slots.
    package var networkSwitchCount: Int
    /// Distinct satellites that served.
    package var servingSatelliteCount: Int
    /// Mean elevation of the serving satellite at the middle of its slots, degrees (0 when
    /// nothing served).
    package var meanServingElevationDegrees: Double

    /// The figures of `decisions`, taken as consecutive slots.
    package init(decisions: [SlotDecision]) {
        slotCount = decisions.count
        var counts = Dictionary(uniqueKeysWithValues: OutageReason.allCases.map { ($0, 0) })
        var served = 0
        var outages = 0
        var handovers = 0
        var switches = 0
        var longest = 0.0
        var run = 0.0
        var elevationSum = 0.0
        var satellites = Set<Int>()
        var previous: SlotDecision?
        for decision in decisions {
            if let serving = decision.serving {
                served += 1
                elevationSum += serving.middleElevationDegrees
                satellites.insert(serving.catalogNumber)
                if let before = previous?.serving, before.catalogNumber != serving.catalogNumber { handovers += 1 }
                run = 0
            } else {
                if let reason = decision.outage { counts[reason, default: 0] += 1 }
                if decision.outage == .networkSwitch && previous?.outage != .networkSwitch { switches += 1 }
                if previous == nil || previous?.serving != nil { outages += 1 }
                run += decision.slot.durationSeconds
                longest = max(longest, run)
            }
            previous = decision
        }
        servedSlotCount = served
        coverageFraction = decisions.isEmpty ? 0 : Double(served) / Double(decisions.count)
        outageSlotCounts = counts
        outageCount = outages
        longestOutageSeconds = longest
        handoverCount = handovers
        networkSwitchCount = switches
        servingSatelliteCount = satellites.count
        meanServingElevationDegrees = served > 0 ? elevationSum / Double(served) : 0
    }
}
