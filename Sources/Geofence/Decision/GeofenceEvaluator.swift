import Foundation

/// The geofence of a running terminal: the current policy, the last fix, and hysteresis state.
///
/// Feed it fixes with ``update(fix:)`` and ask ``decide(at:)`` once per tick. It fails closed
/// (transmission inhibited, reason given) when there is no usable fix, when the fix is older
/// than ``GeofenceConfiguration/maximumFixAge``, when consecutive fixes imply a speed beyond
/// ``GeofenceConfiguration/maximumSpeedMetresPerSecond`` (until
/// ``GeofenceConfiguration/jumpRecoveryDuration`` has passed without another jump), and when the
/// uncertainty is beyond ``GeofenceConfiguration/maximumUncertaintyMetres``. Otherwise it takes
/// the policy's worst-case decision over the uncertainty disc (see ``GeofencePolicy``) with
/// hysteresis.
///
/// The disc is the fix's own uncertainty *grown by its age*: between fixes (1 Hz) and during
/// an outage the platform moves on, so the radius is `u + age × v`, with v the larger of the
/// configured floor (``GeofenceConfiguration/minimumSpeedMetresPerSecond``, by mobility class)
/// and the speed the recent fixes show (× ``GeofenceConfiguration/speedMarginFactor``). A vessel
/// crossing into a banned sea while GNSS is out is therefore restricted as soon as it could
/// have crossed, not when its last (outside) fix goes stale.
///
/// Neither `update(fix:)` nor `decide(at:)` allocates (the per-rule hysteresis flags are
/// preallocated and reused); keep one evaluator rather than copies of it, since a copy shares
/// those flags and the first decision of a copy duplicates them once.
package struct GeofenceEvaluator: Sendable {
    /// The policy in force.
    package private(set) var policy: GeofencePolicy
    /// Thresholds.
    package var configuration: GeofenceConfiguration
    /// The last usable fix taken (nil before the first).
    package private(set) var lastFix: PositionFix?

    private var lastQuery: QueryPoint?
    private var lastFixWasInvalid = false
    private var jumpHoldUntil: Duration?
    private var lastGeometricAction: ServiceAction?
    private var memory: HysteresisMemory
    /// The largest speed implied by consecutive fixes, decaying (m/s), and when it was set.
    private var recentSpeedMetresPerSecond = 0.0

    /// Creates an evaluator with no fix yet (its decisions fail closed with ``GeofenceReason/noFix``).
    package init(policy: GeofencePolicy, configuration: GeofenceConfiguration = GeofenceConfiguration()) {
        self.policy = policy
        self.configuration = configuration
        memory = HysteresisMemory(ruleCount: policy.rules.count)
    }

    /// Installs a new policy; it applies from the next decision. Hysteresis state is reset (so a
    /// restriction the new policy keeps is re-derived from the fix without carry-over).
    package mutating func replacePolicy(_ newPolicy: GeofencePolicy) {
        policy = newPolicy
        memory = HysteresisMemory(ruleCount: newPolicy.rules.count)
    }

    /// Takes a new fix, checking it against the previous one.
    ///
    /// A move of d metres in Δt seconds between fixes with uncertainties u₁, u₂ is implausible
    /// when d − u₁ − u₂ > v_max Δt (d from Earth-centred chords, within 1 cm of the geodesic
    /// at these ranges).
    @discardableResult
    package mutating func update(fix: PositionFix) -> FixAssessment {
        guard fix.isUsable else {
            lastFixWasInvalid = true
            return .invalid
        }
        let query = QueryPoint(fix.coordinate)
        var assessment = FixAssessment.accepted
        if let last = lastFix, let lastQuery {
            if fix.monotonicTime < last.monotonicTime { return .outOfOrder }
            let chord = (query.earthCentred - lastQuery.earthCentred).lengthSquared.squareRoot()
            let distance = ChordToArc.arcMetres(chordMetres: chord, radiusMetres: query.radiusMetres)
            let seconds = Self.seconds(fix.monotonicTime - last.monotonicTime)
            let unexplained = distance - last.horizontalUncertaintyMetres - fix.horizontalUncertaintyMetres
            if unexplained > 0 && unexplained > configuration.maximumSpeedMetresPerSecond * seconds {
                jumpHoldUntil = fix.monotonicTime + configuration.jumpRecoveryDuration
                assessment = .implausibleJump(impliedSpeedMetresPerSecond: seconds > 0 ? distance / seconds : .infinity)
            } else if seconds > 0 {
                let decayed = recentSpeedMetresPerSecond * exp(-seconds / configuration.speedMemorySeconds)
                recentSpeedMetresPerSecond = max(decayed, min(distance / seconds, configuration.maximumSpeedMetresPerSecond))
            }
        }
        lastFix = fix
        lastQuery = query
        lastFixWasInvalid = false
        return assessment
    }

    /// The decision at monotonic time `now` (the clock of ``PositionFix/monotonicTime``).
    package mutating func decide(at now: Duration) -> GeofenceDecision {
        guard let fix = lastFix, let query = lastQuery else { return failClosed(.noFix) }
        if lastFixWasInvalid { return failClosed(.invalidFix) }
        let age = now - fix.monotonicTime
        if age > configuration.maximumFixAge || age < .zero - configuration.maximumFixAge {
            return failClosed(.staleFix)
        }
        if let hold = jumpHoldUntil {
            if now < hold { return failClosed(.implausibleJump) }
            jumpHoldUntil = nil
        }
        let margin = grownUncertaintyMetres(of: fix, at: now)
        if margin > configuration.maximumUncertaintyMetres {
            return failClosed(.uncertaintyTooLarge)
        }
        memory.begin()
        let decision = policy.evaluate(
            query, marginMetres: margin, hysteresisMetres: configuration.hysteresisMetres,
            reportingHorizonMetres: configuration.reportingHorizonMetres, memory: &memory)
        memory.commit()
        lastGeometricAction = decision.action
        return decision
    }

    /// The speed assumed for the platform now, m/s: the configured floor, or the recent fixes'
    /// speed with its margin if larger.
    package var assumedSpeedMetresPerSecond: Double {
        max(configuration.minimumSpeedMetresPerSecond, recentSpeedMetresPerSecond * configuration.speedMarginFactor)
    }

    /// The last fix's uncertainty grown by its age at ``assumedSpeedMetresPerSecond``, metres.
    package func grownUncertaintyMetres(at now: Duration) -> Double? {
        lastFix.map { grownUncertaintyMetres(of: $0, at: now) }
    }

    private func grownUncertaintyMetres(of fix: PositionFix, at now: Duration) -> Double {
        let age = max(0, Self.seconds(now - fix.monotonicTime))
        return fix.horizontalUncertaintyMetres + age * assumedSpeedMetresPerSecond
    }

    private mutating func failClosed(_ reason: GeofenceReason) -> GeofenceDecision {
        memory.forgetContainment()
        let floor = max(configuration.failClosedAction, .receiveOnly)
        return GeofenceDecision(action: max(floor, lastGeometricAction ?? floor), reason: reason)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// Per-rule flags of the previous and the current evaluation, swapped after each one.
struct HysteresisMemory: ZoneMemory, Sendable {
    private var previousPossible: [Bool]
    private var previousSure: [Bool]
    private var currentPossible: [Bool]
    private var currentSure: [Bool]

    /// Four separate buffers: copies of one array would share storage and the first write to
    /// each would copy it (an allocation in the decision path).
    init(ruleCount: Int) {
        previousPossible = Array(repeating: false, count: ruleCount)
        previousSure = Array(repeating: false, count: ruleCount)
        currentPossible = Array(repeating: false, count: ruleCount)
        currentSure = Array(repeating: false, count: ruleCount)
    }

    func wasPossible(_ rule: Int) -> Bool { previousPossible[rule] }
    func wasSure(_ rule: Int) -> Bool { previousSure[rule] }
    mutating func markPossible(_ rule: Int) { currentPossible[rule] = true }
    mutating func markSure(_ rule: Int) { currentSure[rule] = true }

    mutating func begin() {
        for rule in currentPossible.indices {
            currentPossible[rule] = false
            currentSure[rule] = false
        }
    }

    mutating func commit() {
        swap(&previousPossible, &currentPossible)
        swap(&previousSure, &currentSure)
    }

    /// After a fail-closed decision an allowance must be re-earned with hysteresis; restrictions
    /// remembered as reachable stay so.
    mutating func forgetContainment() {
        for rule in previousSure.indices { previousSure[rule] = false }
    }
}
