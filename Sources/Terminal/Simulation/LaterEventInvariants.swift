/// The safety invariants of the campaign's later events (clock steps, policy pushes, restarts),
/// judged against the truth the harness knows, beside `ExpectationTracker`'s:
/// - the time: transmit-enable is low within one tick of a fix whose UTC disagrees with the
///   terminal's clock by more than the limit, and stays low until a fix agrees again;
/// - restarts: transmit-enable low throughout the time the terminal is down, and after it is
///   up again until every transmit condition holds; the audit log whole across the restart
///   (every record before it still there, the chain continuing from the same head);
/// - loop overruns: transmit-enable low at the tick after one (the loop reports it unhealthy),
///   and the loop counted every overrun injected;
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

    private var restarts = 0
    private var downUntil: Int64?
    private var awaitingAllConditions = false
    private var restartViolationTicks = 0
    private var restartProblems: [String] = []

    private var pushes = 0
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

    /// A fix published at `now`, whose UTC differs from the terminal's clock by
    /// `disagreementNanoseconds` (fix minus clock, both at `now`).
    mutating func fixPublished(atNanoseconds now: Int64, disagreementNanoseconds: Int64) {
        invariantChecks += 1
        if disagreementNanoseconds.magnitude > clockLimitNanoseconds.magnitude {
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

    /// One tick, after the terminal's (or in its place while it is down).
    mutating func tick(atNanoseconds now: Int64, lineHigh: Bool, conditionsHeld: Bool) {
        invariantChecks += 3
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
                detail: "\(restarts) restarts, \(restartViolationTicks) ticks on while down or not ready"
                    + (restartProblems.isEmpty ? "" : "; " + restartProblems.joined(separator: "; "))),
            .init(
                expectation: "invariant: transmit off the tick after a loop overrun; every overrun counted",
                passed: overrunViolationTicks == 0 && (reportedOverruns ?? UInt64(overrunTicks)) >= UInt64(overrunTicks),
                detail: "\(overrunTicks) ticks overran, the loop counted \(reportedOverruns.map(String.init) ?? "?"), "
                    + "\(overrunViolationTicks) ticks on after one"),
            .init(
                expectation: "invariant: only a newer, valid, signed policy accepted; every push audited",
                passed: pushProblems.isEmpty,
                detail: "\(pushes) pushes" + (pushProblems.isEmpty ? "" : "; " + pushProblems.joined(separator: "; "))),
        ]
    }
}
