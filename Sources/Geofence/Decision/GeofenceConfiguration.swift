/// Thresholds of the ``GeofenceEvaluator``.
public struct GeofenceConfiguration: Sendable, Equatable {
    /// A fix older than this (by the clock given to `decide(at:)`) fails closed.
    public var maximumFixAge: Duration
    /// Fastest the platform can move, m/s (300 m/s covers an airliner). A move between fixes
    /// faster than this, after subtracting both fixes' uncertainties, is an implausible jump
    /// (spoofing, multipath, a receiver reset).
    public var maximumSpeedMetresPerSecond: Double
    /// After an implausible jump, decisions fail closed until this long has passed since it
    /// with no further jump.
    public var jumpRecoveryDuration: Duration
    /// Hysteresis H, metres: a restriction is released only once the fix is H beyond the
    /// uncertainty margin outside the zone; an allowance starts only H inside it.
    public var hysteresisMetres: Double
    /// A fix less precise than this fails closed, metres.
    public var maximumUncertaintyMetres: Double
    /// The least restrictive action of a fail-closed decision; never `allow` (an `allow` here
    /// is raised to `receiveOnly`). The evaluator also keeps any stricter action the last good
    /// fix had, so losing the fix inside a noService zone stays noService.
    public var failClosedAction: ServiceAction
    /// Boundaries further than this are not reported in decisions, metres; larger values
    /// search further and cost a little time.
    public var reportingHorizonMetres: Double

    /// Defaults: 5 s age, 300 m/s, 10 s recovery, 100 m hysteresis, 10 km uncertainty limit,
    /// receive-only when failing closed, 10 km reporting horizon.
    public init(
        maximumFixAge: Duration = .seconds(5), maximumSpeedMetresPerSecond: Double = 300,
        jumpRecoveryDuration: Duration = .seconds(10), hysteresisMetres: Double = 100,
        maximumUncertaintyMetres: Double = 10_000, failClosedAction: ServiceAction = .receiveOnly,
        reportingHorizonMetres: Double = 10_000
    ) {
        self.maximumFixAge = maximumFixAge
        self.maximumSpeedMetresPerSecond = maximumSpeedMetresPerSecond
        self.jumpRecoveryDuration = jumpRecoveryDuration
        self.hysteresisMetres = max(hysteresisMetres, 0)
        self.maximumUncertaintyMetres = maximumUncertaintyMetres
        self.failClosedAction = max(failClosedAction, .receiveOnly)
        self.reportingHorizonMetres = max(reportingHorizonMetres, 0)
    }
}
