import Audit
import Terminal

/// Watches a simulated run tick by tick and judges the scenario's expectations against the
/// truth: the true position's zone and the transmit-enable level read back on the wire.
///
/// Each reaction (a fix inside a restricted zone, a fault, an unplug → transmit-enable read
/// low by the bench) is timed twice: in the loop's time (ticks, virtual time), which the
/// limits judge, and on the wall clock (`CLOCK_MONOTONIC` of the machine running the loop),
/// which is reported. Where a real device's timing decides (the VM bench's unplug), the run
/// follows the wall clock, so loop time never runs ahead of it; the VM's emulated CPU is
/// tens of times slower than the target's, so its wall-clock figures are not judged.
struct ExpectationTracker {
    /// A pending reaction: when its cause happened.
    private struct Pending {
        var kind: SimulationResult.Reaction.Kind
        var virtual: Int64
        var wall: UInt64
    }

    let expectations: [Scenario.Expectation]
    let periodNanoseconds: Int64
    /// Fix age after which the geofence fails closed (GeofenceConfiguration's default), plus a tick.
    var staleAfterNanoseconds: Int64 = 5_000_000_000

    private var pending: [Pending] = []
    /// Every reaction measured, in order.
    private(set) var reactions: [SimulationResult.Reaction] = []
    private var restrictionEntries = 0
    private var faults = 0
    private var truthRestrictedSince: Int64?
    private var violationTicks = 0
    private var graceNanoseconds: Int64 = 0
    private var outages: [(from: Int64, to: Int64)] = []
    private var outageViolations = 0
    private var unplugs = 0
    private var reconnects = 0
    private var awaitingReconnect = false
    private var lastFixShowedRestriction = false
    private var gpioFailures = 0
    private var gpioFailuresShown = 0
    private var gpioFailurePending: (virtual: Int64, wall: UInt64)?
    private var gpioFailureAwaitingFault = false
    private var gpioReactionNanoseconds: [Int64] = []
    private var unsafeTicks = 0
    private var stowedSince: Int64?
    private var stows = 0
    private var stowViolations = 0
    private var lastTickNanoseconds: Int64 = 0
    /// Whether the reactions may be judged on emission (transmit-enable and the PA supply both
    /// on) while transmit-enable's own line has failed: scenarios with `safety_invariants`.
    var judgesEmission: Bool { expectations.contains(.safetyInvariants) }
    /// Invariant checks made (each tick's checks, each reaction timed, the audit's checks).
    private(set) var invariantChecks = 0
    /// Virtual time of the first tick that broke an invariant, if one did.
    private(set) var firstViolationNanoseconds: Int64?

    /// What the audit log held at the end of a run, against what the wire showed.
    struct AuditTally: Equatable {
        /// Times transmit-enable went high on the wire.
        var risingEdges: Int
        /// `transmit`/`on` records.
        var auditedOn: Int
        /// The log read back clean (CRC, sequence, chain).
        var intact: Bool
        /// Reopened as after a restart (torn-tail recovery, lock), it still held every record.
        var wholeAfterReopen: Bool
    }

    init(expectations: [Scenario.Expectation], periodNanoseconds: Int64) {
        self.expectations = expectations
        self.periodNanoseconds = periodNanoseconds
        if expectations.contains(.safetyInvariants) { graceNanoseconds = 1_000_000_000 }
        for case .neverTransmitInRestrictedZone(let grace) in expectations {
            graceNanoseconds = Int64(grace * 1e6)
        }
    }

    mutating func stowStarted(atNanoseconds now: Int64) {
        stows += 1
        stowedSince = now
    }

    mutating func stowEnded() { stowedSince = nil }

    private mutating func violated(at now: Int64) {
        if firstViolationNanoseconds == nil { firstViolationNanoseconds = now }
    }

    mutating func fixPublished(atNanoseconds now: Int64, wall: UInt64, showsRestriction: Bool) {
        if showsRestriction, !lastFixShowedRestriction, !isPending(.restriction) {
            pending.append(Pending(kind: .restriction, virtual: now, wall: wall))
            restrictionEntries += 1
        }
        lastFixShowedRestriction = showsRestriction
    }

    mutating func faultStarted(atNanoseconds now: Int64, wall: UInt64) {
        if !isPending(.fault) { pending.append(Pending(kind: .fault, virtual: now, wall: wall)) }
        faults += 1
    }

    mutating func gnssOutage(from: Int64, to: Int64) { outages.append((from, to)) }

    /// A plan rule began to refuse at this tick: transmit-enable must read low after it.
    mutating func serviceRuleRefused(atNanoseconds now: Int64, wall: UInt64) {
        if !isPending(.service) { pending.append(Pending(kind: .service, virtual: now, wall: wall)) }
    }

    mutating func gpioFailureStarted(atNanoseconds now: Int64, wall: UInt64) {
        gpioFailures += 1
        if gpioFailurePending == nil { gpioFailurePending = (now, wall) }
        gpioFailureAwaitingFault = true
    }

    /// Invariant 1 at every tick: no emission (transmit-enable and PA supply on) while a
    /// condition is unmet; after a GPIO failure, emission ends and the state shows a fault.
    mutating func safety(atNanoseconds now: Int64, emitting: Bool, conditionsHeld: Bool, faultShown: Bool) {
        invariantChecks += 1
        if emitting, !conditionsHeld {
            unsafeTicks += 1
            violated(at: now)
        }
        if let pending = gpioFailurePending, !emitting {
            gpioReactionNanoseconds.append(now - pending.virtual)
            gpioFailurePending = nil
        }
        if gpioFailureAwaitingFault, faultShown {
            gpioFailureAwaitingFault = false
            gpioFailuresShown += 1
        }
    }

    mutating func beamformerUnplugged(atNanoseconds now: Int64, wall: UInt64) {
        unplugs += 1
        awaitingReconnect = false
        if !isPending(.unplug) { pending.append(Pending(kind: .unplug, virtual: now, wall: wall)) }
    }

    mutating func beamformerReplugged(atNanoseconds _: Int64) { awaitingReconnect = true }

    /// One tick, after the terminal's: `lineHigh` as the bench read it at `wall`.
    mutating func tick(atNanoseconds now: Int64, wall: UInt64, lineHigh: Bool, truthRestricted: Bool, beamformerConnected: Bool) {
        lastTickNanoseconds = now
        invariantChecks += 3
        if let since = stowedSince, lineHigh, now - since >= periodNanoseconds {
            stowViolations += 1
            violated(at: now)
        }
        if lineHigh, let late = pending.first(where: { $0.kind != .unplug && now - $0.virtual >= periodNanoseconds }) {
            violated(at: late.virtual)
        }
        if !lineHigh, !pending.isEmpty {
            for cause in pending {
                invariantChecks += 1
                reactions.append(SimulationResult.Reaction(
                    kind: cause.kind, atSeconds: Double(cause.virtual) / 1e9, ticks: (now - cause.virtual) / periodNanoseconds,
                    virtualNanoseconds: now - cause.virtual, wallNanoseconds: wall >= cause.wall ? wall - cause.wall : 0))
            }
            pending.removeAll(keepingCapacity: true)
        }
        if truthRestricted {
            let since = truthRestrictedSince ?? now
            truthRestrictedSince = since
            if lineHigh, now - since > graceNanoseconds {
                violationTicks += 1
                violated(at: now)
            }
        } else {
            truthRestrictedSince = nil
        }
        if lineHigh, outages.contains(where: { now >= $0.from + staleAfterNanoseconds + periodNanoseconds && now < $0.to }) {
            outageViolations += 1
            violated(at: now)
        }
        if awaitingReconnect, beamformerConnected {
            awaitingReconnect = false
            reconnects += 1
        }
    }

    func verdicts(transmitFraction: Double, handovers: Int) -> [SimulationResult.Verdict] {
        expectations.flatMap { expectation in
            if case .safetyInvariants = expectation { return invariantVerdicts() }
            return [verdict(expectation, transmitFraction: transmitFraction, handovers: handovers)]
        }
    }

    /// The safety invariants, one verdict each (`Scenario.Expectation.safetyInvariants`).
    func invariantVerdicts() -> [SimulationResult.Verdict] {
        let restriction = worstTicks(.restriction), fault = worstTicks(.fault)
        let verdicts: [SimulationResult.Verdict] = [
            .init(
                expectation: "invariant: never emitting while a transmit condition is unmet", passed: unsafeTicks == 0,
                detail: "\(unsafeTicks) ticks emitting with a condition unmet"),
            .init(
                expectation: "invariant: transmit off within one tick of a fix inside a restricted zone", passed: restriction <= 1,
                detail: "\(restrictionEntries) entries, worst \(Self.ticksText(restriction))"),
            .init(
                expectation: "invariant: transmit off within one tick of a fault", passed: fault <= 1,
                detail: "\(faults) faults, worst \(Self.ticksText(fault))"),
            .init(
                expectation: "invariant: transmit off within one tick of a stow", passed: stowViolations == 0,
                detail: "\(stows) stows, \(stowViolations) ticks on while stowed"),
            .init(
                expectation: "invariant: never transmit in a restricted zone (grace \(Double(graceNanoseconds) / 1e6) ms)",
                passed: violationTicks == 0, detail: "\(violationTicks) ticks in violation"),
            .init(
                expectation: "invariant: transmit off while the fix is stale", passed: outageViolations == 0,
                detail: "\(outages.count) outages, \(outageViolations) ticks in violation"),
        ]
        return verdicts
    }

    /// The audit invariant: every switch on audited, the log clean and, reopened as after a
    /// restart, whole. Judged once the terminal has let go of the log.
    static func auditVerdict(_ audit: AuditTally) -> SimulationResult.Verdict {
        let intact = audit.intact ? "intact" : "NOT intact"
        let reopened = audit.wholeAfterReopen ? "whole after a reopen" : "records LOST on reopen"
        return .init(
            expectation: "invariant: every switch on audited, the log intact and whole after a reopen",
            passed: audit.auditedOn >= audit.risingEdges && audit.intact && audit.wholeAfterReopen,
            detail: "\(audit.risingEdges) switches on, \(audit.auditedOn) audited; \(intact), \(reopened)")
    }

    /// Reads the log at `path` against `risingEdges` seen on the wire, then reopens it as the
    /// daemon does after a restart (lock, torn-tail recovery) and checks nothing was lost.
    static func auditTally(path: String, risingEdges: Int) -> AuditTally {
        guard let scan = try? AuditLog.read(path: path) else {
            return .init(risingEdges: risingEdges, auditedOn: 0, intact: false, wholeAfterReopen: false)
        }
        let auditedOn = scan.entries.count { $0.kind == .transmit && $0.event == "on" }
        var whole = false
        if let reopened = try? AuditLog(path: path) {
            whole = reopened.nextSequence == UInt64(scan.entries.count) + 1 && reopened.headDigest == scan.check.headDigest
        }
        return .init(
            risingEdges: risingEdges, auditedOn: auditedOn, intact: scan.findings.isEmpty && scan.tornBytes == 0,
            wholeAfterReopen: whole)
    }

    /// The slowest reaction of `kind` in ticks; a cause still pending more than a tick before
    /// the last tick counts as never.
    private func worstTicks(_ kind: SimulationResult.Reaction.Kind) -> Double {
        if pending.contains(where: { $0.kind == kind && lastTickNanoseconds - $0.virtual >= periodNanoseconds }) { return .infinity }
        return Double(reactions.filter { $0.kind == kind }.map(\.ticks).max() ?? 0)
    }

    private static func ticksText(_ ticks: Double) -> String {
        ticks.isInfinite ? "never switched off" : "\(Int(ticks)) ticks"
    }

    private func verdict(_ expectation: Scenario.Expectation, transmitFraction: Double, handovers: Int) -> SimulationResult.Verdict {
            switch expectation {
            case .transmitOffWithinOfRestriction(let limit):
                let worst = worstMilliseconds(.restriction)
                // A run that never entered a zone has not shown the reaction: no pass by default.
                return .init(
                    expectation: "transmit off within \(limit) ms of a fix inside a restricted zone",
                    passed: restrictionEntries > 0 && worst <= limit,
                    detail: "\(restrictionEntries) entries, worst \(Self.milliseconds(worst))")
            case .transmitOffWithinOfFault(let limit):
                let worst = worstMilliseconds(.fault)
                return .init(
                    expectation: "transmit off within \(limit) ms of a fault", passed: faults > 0 && worst <= limit,
                    detail: "\(faults) faults, worst \(Self.milliseconds(worst))")
            case .neverTransmitInRestrictedZone(let grace):
                return .init(
                    expectation: "never transmit in a restricted zone (grace \(grace) ms)", passed: violationTicks == 0,
                    detail: "\(violationTicks) ticks in violation")
            case .transmitOnFractionAtLeast(let fraction):
                return .init(
                    expectation: "transmit on at least \(fraction) of the run", passed: transmitFraction >= fraction,
                    detail: String(format: "%.3f", transmitFraction))
            case .handoversAtLeast(let count):
                return .init(expectation: "at least \(count) handovers", passed: handovers >= count, detail: "\(handovers)")
            case .beamformerReconnects:
                return .init(
                    expectation: "the beamformer bridge reconnects after every unplug", passed: unplugs > 0 && reconnects == unplugs,
                    detail: "\(unplugs) unplugs, \(reconnects) reconnects")
            case .transmitOffWithinOfUnplug(let limit):
                let worst = worstMilliseconds(.unplug)
                return .init(
                    expectation: "transmit off within \(limit) ms of a beamformer unplug", passed: unplugs > 0 && worst <= limit,
                    detail: "\(unplugs) unplugs, worst \(Self.milliseconds(worst))")
            case .safeUnderGPIOFailures(let limit):
                let worst = gpioFailurePending == nil ? Double(gpioReactionNanoseconds.max() ?? 0) / 1e6 : .infinity
                return .init(
                    expectation: "never emitting with a condition unmet; emission off within \(limit) ms of a GPIO failure, shown as a fault",
                    passed: gpioFailures > 0 && unsafeTicks == 0 && worst <= limit && gpioFailuresShown == gpioFailures,
                    detail: "\(gpioFailures) failures, \(gpioFailuresShown) shown as a fault, worst \(Self.milliseconds(worst)), "
                        + "\(unsafeTicks) ticks emitting with a condition unmet")
            case .transmitOffDuringGNSSOutage:
                return .init(
                    expectation: "transmit off while the fix is stale during GNSS outages",
                    passed: !outages.isEmpty && outageViolations == 0,
                    detail: "\(outages.count) outages, \(outageViolations) ticks in violation")
            case .safetyInvariants:
                return .init(expectation: "safety invariants", passed: invariantVerdicts().allSatisfy(\.passed), detail: "")
            }
    }

    private func isPending(_ kind: SimulationResult.Reaction.Kind) -> Bool { pending.contains { $0.kind == kind } }

    /// The slowest reaction of `kind` in milliseconds of loop time; "never" when one is
    /// still pending.
    private func worstMilliseconds(_ kind: SimulationResult.Reaction.Kind) -> Double {
        if isPending(kind) { return .infinity }
        return reactions.filter { $0.kind == kind }.map { Double($0.virtualNanoseconds) / 1e6 }.max() ?? 0
    }

    private static func milliseconds(_ value: Double) -> String {
        value.isInfinite ? "never switched off" : String(format: "%.3f ms", value)
    }
}
