import Orbit

/// The serving satellite for every slot of a horizon, with its statistics and the data
/// problems met on the way.
public struct HandoverSchedule: Sendable {
    /// The observer (terminal position).
    package var observer: GeodeticPosition
    /// The policy that chose.
    package var policy: HandoverPolicy
    /// The constraints in force.
    package var constraints: CandidateConstraints
    /// One decision per slot, in time order.
    package var decisions: [SlotDecision]
    /// Coverage, outages and handovers.
    package var statistics: ScheduleStatistics
    /// Satellites left out because SGP4 failed (each once).
    package var exclusions: [PropagationExclusion]
    /// Element sets older than the scheduler's threshold at the horizon's start.
    package var ephemerisAge: EphemerisAgeReport
}
