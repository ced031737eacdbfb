/// Thresholds of the ``GeofenceEvaluator``.
package struct GeofenceConfiguration: Sendable, Equatable {
    /// A fix older than this (by the clock given to `decide(at:)`) fails closed.
    package var maximumFixAge: Duration
    /// Fastest the platform can move, m/s (300 m/s covers an airliner). A move between fixes
    /// faster than this, after subtracting both fixes' uncertainties, is an implausible jump
    /// (spoofing, multipath, a receiver reset).
    package var maximumSpeedMetresPerSecond: Double
    /// After an implausible jump, decisions fail closed until this long has passed since it
    /// with no further jump.
    package var jumpRecoveryDuration: Duration
    /// Hysteresis H, metres: a restriction is released only once the fix is H beyond the
    /// uncertainty margin outside the zone; an allowance starts only H inside it.
    package var hysteresisMetres: Double
    /// A fix less precise than this fails closed, metres.
    package var maximumUncertaintyMetres: Double
    /// The least restrictive action of a fail-closed decision; never `allow` (an `allow` here
    /// is raised to `receiveOnly`). The evaluator also keeps any stricter action the last good
    /// fix had, so losing the fix inside a noService zone stays noService.
    package var failClosedAction: ServiceAction
    /// Boundaries further than this are not reported in decisions, metres; larger values
    /// search further and cost a little time.
    package var reportingHorizonMetres: Double
    /// The least speed the platform is assumed to move at while its position is not known
    /// afresh, m/s (its ``MobilityClass``'s floor by default). Between fixes and during an
    /// outage the uncertainty disc grows by the fix's age times the larger of this and the
    /// speed the recent fixes show (times ``speedMarginFactor``), so the decision turns
    /// restrictive as soon as the platform *could* have reached a restricted zone.
    package var minimumSpeedMetresPerSecond: Double
    /// Factor on the speed the recent fixes show (acceleration since the last fix, fixes that
    /// lag the true position), ≥ 1.
    package var speedMarginFactor: Double
    /// How long a speed seen in the fixes is remembered, seconds: the estimate is the largest
    /// implied speed, decaying by e over this time.
    package var speedMemorySeconds: Double

    /// Defaults: 5 s age, 300 m/s, 10 s recovery, 100 m hysteresis, 10 km uncertainty limit,
    /// receive-only when failing closed, 10 km reporting horizon, the `mobile` class's speed
    /// floor (40 m/s), speeds from the fixes × 1.5 remembered for 60 s.
    package init(
        maximumFixAge: Duration = .seconds(5), maximumSpeedMetresPerSecond: Double = 300,
        jumpRecoveryDuration: Duration = .seconds(10), hysteresisMetres: Double = 100,
        maximumUncertaintyMetres: Double = 10_000, failClosedAction: ServiceAction = .receiveOnly,
        reportingHorizonMetres: Double = 10_000,
        minimumSpeedMetresPerSecond: Double = MobilityClass.mobile.speedFloorMetresPerSecond,
        speedMarginFactor: Double = 1.5, speedMemorySeconds: Double = 60
    ) {
        self.minimumSpeedMetresPerSecond = minimumSpeedMetresPerSecond.isFinite ? max(minimumSpeedMetresPerSecond, 0) : 0
        self.speedMarginFactor = speedMarginFactor.isFinite ? max(speedMarginFactor, 1) : 1
        self.speedMemorySeconds = speedMemorySeconds.isFinite ? max(speedMemorySeconds, 1) : 60
        self.maximumFixAge = maximumFixAge
        self.maximumSpeedMetresPerSecond = maximumSpeedMetresPerSecond
        self.jumpRecoveryDuration = jumpRecoveryDuration
        self.hysteresisMetres = max(hysteresisMetres, 0)
        self.maximumUncertaintyMetres = maximumUncertaintyMetres
        self.failClosedAction = max(failClosedAction, .receiveOnly)
        self.reportingHorizonMetres = max(reportingHorizonMetres, 0)
    }
}
