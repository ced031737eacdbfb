import Terminal

/// The safety invariants of the campaign's later events (clock steps, policy pushes, restarts),
/// judged against the truth the harness knows, beside `ExpectationTracker`'s:
/// - the time: transmit-enable is low within one tick of the last fix's UTC disagreeing with
///   the terminal's clock by more than the limit (a step of the clock, or a fix with a wrong
///   time), and stays low while it does;
/// - restarts: transmit-enable low throughout the time the terminal is down, and after it is
///   up again until every transmit condition holds; the audit log whole across the restart
///   (every record before it still there, the chain continuing from the same head);
/// - loop overruns: transmit-enable low at the tick after one (the loop reports it unhealthy),
///   and the loop counted every overrun injected;
/// - bridge garbage: once the driver has read a garbage reply, transmit-enable low from the
///   next tick while the garbage lasts, and no steering confirmed as applied meanwhile;
/// - policy pushes: only a newer, valid, correctly signed bundle is accepted, every push is in
///   the audit log (accepted or refused), and the terminal's policy is the one in force (the
///   restriction invariants judge the truth against the policy the keeper accepted).
struct LaterEventInvariants {
    /// The loop period, nanoseconds.
    let periodNanoseconds: Int64
    /// The clock disagreement beyond which the time is not trusted, nanoseconds (the firmware's
    /// configured limit at assembly, before any deliberately broken path changed it).
    let clockLimitNanoseconds: Int64
    /// Invariant checks made.
    private(set) var invariantChecks = 0
    /// Virtual time of the first tick that broke one of these invariants.
    private(set) var firstViolationNanoseconds: Int64?

    private var clockSteps = 0
    private var untrustedSince: Int64?
    private var untrustedEpisodes = 0
    private var clockViolationTicks = 0
    private var lastFix: (utc: Int64, receivedAt: Int64)?

    private var restarts = 0
    private var downUntil: Int64?
    private var awaitingAllConditions = false
    private var restartViolationTicks = 0
    private var restartProblems: [String] = []
    private var refusedStarts = 0

    private var pushes = 0
    private var garbagePeriods = 0
    private var garbageSince: Int64?
    private var garbageRepliesSeen = 0
    private var unconfirmedSince: Int64?
    private var garbageViolationTicks = 0
    private var garbageConfirmations = 0
    private var overrunTicks = 0
    private var overranThisTick = false
    private var previousTickOverran = false
    private var overrunViolationTicks = 0
    private var reportedOverruns: UInt64?
    private var pushProblems: [String] = []

    init(periodNanoseconds: Int64, clockLimitNanoseconds: Int64) {
        self.periodNanoseconds = periodNanoseconds
        self.clockLimitNanoseconds = clockLimitNanoseconds
    }

    private mutating func violated(at now: Int64) {
        if firstViolationNanoseconds == nil { firstViolationNanoseconds = now }
    }

    mutating func clockStepped() { clockSteps += 1 }

    /// The tick being run overran its period (injected compute time).
    mutating func tickOverran() {
        overrunTicks += 1
        overranThisTick = true
    }

    /// The overruns the loop itself counted over the run.
    mutating func loopReported(overruns: UInt64, atNanoseconds now: Int64) {
        invariantChecks += 1
        reportedOverruns = overruns
        if overruns < UInt64(overrunTicks) { violated(at: now) }
    }

    /// A fix published at `receivedAtNanoseconds` with UTC `utcNanoseconds`: from now on the
    /// time is judged against it (as the tick judges its last fix).
    mutating func fixPublished(utcNanoseconds: Int64, receivedAtNanoseconds: Int64) {
        lastFix = utcNanoseconds == .min ? nil : (utcNanoseconds, receivedAtNanoseconds)
    }

    /// A restarted terminal has no fix yet.
    mutating func forgetFix() { lastFix = nil }

    /// Whether the time is trusted at `now`, given the terminal's clock then (`clockUTC`,
    /// nanoseconds since the Unix epoch, nil while unknown): the last fix's UTC against the
    /// clock at the moment it was received, so that a clock step is judged at once, on the fix
    /// already there, and a correction as soon as it is made.
    private mutating func judgeTime(atNanoseconds now: Int64, clockUTC: Int64?) {
        guard let fix = lastFix, let clockUTC else { return }
        let clockAtFix = clockUTC &- (now &- fix.receivedAt)
        let disagreement = fix.utc &- clockAtFix
        if disagreement.magnitude > clockLimitNanoseconds.magnitude {
            if untrustedSince == nil {
                untrustedSince = now
                untrustedEpisodes += 1
            }
        } else {
            untrustedSince = nil
        }
    }

    /// The terminal stopped at `now` and is down until `until`.
    mutating func restartBegan(atNanoseconds now: Int64, downUntil until: Int64) {
        restarts += 1
        downUntil = until
        awaitingAllConditions = true
    }

    /// A restarted terminal that could not be assembled (a GPIO line failing): it stays down,
    /// as a daemon that refuses to start, and is tried again.
    mutating func restartRefused() { refusedStarts += 1 }

    /// Something went wrong with a restart (a record lost, the terminal not assembled again).
    mutating func restartProblem(atNanoseconds now: Int64, _ problem: String) {
        invariantChecks += 1
        restartProblems.append(problem)
        violated(at: now)
    }

    /// One push and what came of it; `expectedAccepted`: whether it should have been.
    mutating func pushed(
        atNanoseconds now: Int64, kind: PolicyPushKind, accepted: Bool, expectedAccepted: Bool, auditProblem: String?
    ) {
        pushes += 1
        invariantChecks += 2
        if accepted != expectedAccepted {
            pushProblems.append("\(kind.rawValue) \(accepted ? "accepted" : "refused")")
            violated(at: now)
        }
        if let auditProblem {
            pushProblems.append("\(kind.rawValue) not audited: \(auditProblem)")
            violated(at: now)
        }
    }

    /// At the end: the policy records in the log against the pushes made.
    mutating func pushesFoundInLog(_ records: Int, atNanoseconds now: Int64) {
        invariantChecks += 1
        if records < pushes {
            pushProblems.append("\(pushes) pushes, \(records) in the audit log")
            violated(at: now)
        }
    }

    /// The bridge starts answering garbage at `now` (`repliesSoFar`: garbage replies sent before).
    mutating func bridgeGarbageBegan(atNanoseconds now: Int64, repliesSoFar: Int) {
        garbagePeriods += 1
        garbageSince = now
        garbageRepliesSeen = repliesSoFar
        unconfirmedSince = nil
    }

    /// The bridge answers properly again.
    mutating func bridgeGarbageEnded() {
        garbageSince = nil
        unconfirmedSince = nil
    }

    /// One tick while the bridge answers garbage: once the driver has been answered with it,
    /// the bridge is not confirmed, so transmit-enable must be low from the next tick; and no
    /// steering may count as applied (`appliedAtNanoseconds`, the driver's health) since.
    mutating func bridgeTick(atNanoseconds now: Int64, garbageReplies: Int, appliedAtNanoseconds: UInt64, lineHigh: Bool) {
        guard let since = garbageSince else { return }
        invariantChecks += 2
        if garbageReplies > garbageRepliesSeen, unconfirmedSince == nil { unconfirmedSince = now }
        garbageRepliesSeen = garbageReplies
        if appliedAtNanoseconds > 0, Int64(clamping: appliedAtNanoseconds) >= since {
            garbageConfirmations += 1
            violated(at: now)
        }
        if let unconfirmed = unconfirmedSince, lineHigh, now - unconfirmed >= periodNanoseconds {
            garbageViolationTicks += 1
            violated(at: now)
        }
    }

    /// One tick, after the terminal's (or in its place while it is down).
    mutating func tick(atNanoseconds now: Int64, clockUTC: Int64?, lineHigh: Bool, conditionsHeld: Bool) {
        invariantChecks += 3
        judgeTime(atNanoseconds: now, clockUTC: clockUTC)
        if previousTickOverran, lineHigh {
            overrunViolationTicks += 1
            violated(at: now)
        }
        previousTickOverran = overranThisTick
        overranThisTick = false
        if let since = untrustedSince, lineHigh, now - since >= periodNanoseconds {
            clockViolationTicks += 1
            violated(at: now)
        }
        if let until = downUntil {
            if now < until {
                if lineHigh {
                    restartViolationTicks += 1
                    violated(at: now)
                }
                return
            }
            downUntil = nil
        }
        if awaitingAllConditions {
            if conditionsHeld {
                awaitingAllConditions = false
            } else if lineHigh {
                restartViolationTicks += 1
                violated(at: now)
            }
        }
    }

    /// Whether the terminal is down at `now`.
    func isDown(atNanoseconds now: Int64) -> Bool { downUntil.map { now < $0 } ?? false }

    /// One verdict per invariant.
    func verdicts() -> [SimulationResult.Verdict] {
        [
            .init(
                expectation: "invariant: transmit off within one tick of a fix whose time disagrees with the clock",
                passed: clockViolationTicks == 0,
                detail: "\(clockSteps) clock steps, \(untrustedEpisodes) times untrusted, \(clockViolationTicks) ticks on while untrusted"),
            .init(
                expectation: "invariant: transmit off across a restart until every condition holds; nothing audited lost",
                passed: restartViolationTicks == 0 && restartProblems.isEmpty,
                detail: "\(restarts) restarts (\(refusedStarts) starts refused), \(restartViolationTicks) ticks on while down or not ready"
                    + (restartProblems.isEmpty ? "" : "; " + restartProblems.joined(separator: "; "))),
            .init(
                expectation: "invariant: transmit off the tick after a loop overrun; every overrun counted",
                passed: overrunViolationTicks == 0 && (reportedOverruns ?? UInt64(overrunTicks)) >= UInt64(overrunTicks),
                detail: "\(overrunTicks) ticks overran, the loop counted \(reportedOverruns.map(String.init) ?? "?"), "
                    + "\(overrunViolationTicks) ticks on after one"),
            .init(
                expectation: "invariant: no beam applied from a bridge answering garbage; transmit off once it has",
                passed: garbageViolationTicks == 0 && garbageConfirmations == 0,
                detail: "\(garbagePeriods) garbage periods, \(garbageConfirmations) ticks with steering confirmed from garbage, "
                    + "\(garbageViolationTicks) ticks on while unconfirmed"),
            .init(
                expectation: "invariant: only a newer, valid, signed policy accepted; every push audited",
                passed: pushProblems.isEmpty,
                detail: "\(pushes) pushes" + (pushProblems.isEmpty ? "" : "; " + pushProblems.joined(separator: "; "))),
        ]
    }
}
