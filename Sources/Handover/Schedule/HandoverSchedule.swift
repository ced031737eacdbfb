import Orbit

/// The serving satellite for every slot of a horizon, with its statistics and the data
/// problems met on the way.
public struct HandoverSchedule: Sendable {
    /// The observer (terminal position).
    public var observer: GeodeticPosition
    /// The policy that chose.
    public var policy: HandoverPolicy
    /// The constraints in force.
    public var constraints: CandidateConstraints
    /// One decision per slot, in time order.
    public var decisions: [SlotDecision]
    /// Coverage, outages and handovers.
    public var statistics: ScheduleStatistics
    /// Satellites left out because SGP4 failed (each once).
    public var exclusions: [PropagationExclusion]
    /// Element sets older than the scheduler's threshold at the horizon's start.
    public var ephemerisAge: EphemerisAgeReport
}
