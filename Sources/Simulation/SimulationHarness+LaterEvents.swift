import Audit
import Foundation
import Geofence
import Platform
import RealTime
import Terminal

/// The harness's share of clock steps, policy pushes, restarts, loop overruns and garbage from
/// the beamformer bridge (`LaterEventInvariants` judges them).
extension SimulationHarness {
    /// Applies one of the later events at virtual time `now` (it ends at `end`).
    mutating func applyLaterEvent(_ event: Scenario.Event, now: Int64, end: Int64, seconds: Double) {
        switch event {
        case .clockStep(let step, let length):
            guard let utc = utcReference else {
                note(seconds, "clock step of \(step) s: this run has no UTC reference to step (skipped)")
                return
            }
            let stepNanoseconds = Int64((step * 1e9).rounded())
            clockStepNanoseconds &+= stepNanoseconds
            clockStepEnds.append((stepNanoseconds, end))
            resynchronise(utc, now: now)
            laterChecks.clockStepped()
            note(seconds, "terminal clock stepped by \(step) s for \(length) s (monotonic time goes on)")
        case .policyPush(let kind, let restrictsHere):
            push(kind, restrictsHere: restrictsHere, now: now, seconds: seconds)
        case .restart(let down):
            restart(now: now, downUntil: end, seconds: seconds, downSeconds: down)
        case .bridgeGarbage(let kind, let length):
            guard bench.beginBridgeGarbage(kind, passedAsValid: defects.contains(.trustsBridgeGarbage)) else {
                note(seconds, "bridge garbage: this bench cannot make the bridge answer garbage (skipped)")
                return
            }
            if bridgeGarbageEnds.isEmpty { laterChecks.bridgeGarbageBegan(atNanoseconds: now, repliesSoFar: bench.garbageRepliesSent) }
            bridgeGarbageEnds.append(end)
            note(seconds, "the beamformer bridge answers with \(kind.rawValue) frames for \(length) s")
        case .loopOverrun(let milliseconds, let length):
            guard virtualClock != nil else {
                note(seconds, "loop overrun: this run's clock cannot be advanced (skipped)")
                return
            }
            overrunEnds.append((Int64((milliseconds * 1e6).rounded()), end))
            note(seconds, "every tick takes \(milliseconds) ms for \(length) s (period \(Double(periodNanoseconds) / 1e6) ms)")
        default:
            break
        }
    }

    /// Takes back the clock steps whose time is over; ends the loop overruns whose time is over.
    mutating func endLaterEvents(now: Int64, seconds: Double) {
        if !bridgeGarbageEnds.isEmpty {
            bridgeGarbageEnds.removeAll { now >= $0 }
            if bridgeGarbageEnds.isEmpty {
                bench.endBridgeGarbage()
                laterChecks.bridgeGarbageEnded()
                note(seconds, "the beamformer bridge answers properly again")
            }
        }
        if !overrunEnds.isEmpty {
            let before = overrunEnds.count
            overrunEnds.removeAll { now >= $0.at }
            if overrunEnds.count < before, overrunEnds.isEmpty { note(seconds, "ticks take their usual time again") }
        }
        guard !clockStepEnds.isEmpty, let utc = utcReference else { return }
        var corrected = false
        for (index, end) in clockStepEnds.enumerated().reversed() where now >= end.at {
            clockStepNanoseconds &-= end.step
            clockStepEnds.remove(at: index)
            corrected = true
        }
        guard corrected else { return }
        resynchronise(utc, now: now)
        note(seconds, "terminal clock corrected (off by \(Double(clockStepNanoseconds) / 1e9) s now)")
    }

    /// After the terminal's tick: the compute time of the loop overruns in force, on the
    /// virtual clock (the loop then sees the tick end past the next deadline).
    mutating func injectOverrun(_ context: TickContext) {
        guard !overrunEnds.isEmpty, let virtualClock else { return }
        var longest: Int64 = 0
        for overrun in overrunEnds { longest = max(longest, overrun.tickNanoseconds) }
        let elapsed = virtualClock.nowNanoseconds() - context.scheduledNanoseconds
        guard longest > elapsed else { return }
        virtualClock.advance(by: longest - elapsed)
        if context.scheduledNanoseconds + longest > context.nextDeadlineNanoseconds { laterChecks.tickOverran() }
    }

    /// The tick's context as a deliberately broken firmware sees it.
    func contextAsBroken(_ context: TickContext) -> TickContext {
        var context = context
        if defects.contains(.ignoresLoopOverruns) { context.recentDeadlinesMet = true }
        return context
    }

    /// Applies the deliberately broken paths that live in the assembly (after each assembly).
    mutating func applyAssemblyDefects() {
        guard assembly != nil else { return }
        if defects.contains(.ignoresClockDisagreement) { assembly.core.maximumClockDisagreementNanoseconds = .max }
    }

    private func resynchronise(_ utc: UTCReference, now: Int64) {
        utc.synchronise(
            utc: UTCInstant(nanosecondsSinceUnixEpoch: scenario.startUnixNanoseconds &+ now &+ clockStepNanoseconds),
            atMonotonicNanoseconds: now)
    }

    /// The terminal's UTC at `now` (its clock, steps included; nil while unknown).
    private func terminalUTC(_ now: Int64) -> Date? {
        guard let utcReference else { return Self.date(scenario.startUnixNanoseconds &+ now) }
        return utcReference.utc(atMonotonicNanoseconds: now).map { Self.date($0.nanosecondsSinceUnixEpoch) }
    }

    private static func date(_ unixNanoseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(unixNanoseconds) / 1e9) }

    private mutating func push(_ kind: PolicyPushKind, restrictsHere: Bool, now: Int64, seconds: Double) {
        guard var desk = policyDesk else {
            note(seconds, "policy push (\(kind.rawValue)): this run has no policy desk (skipped)")
            return
        }
        let outcome = desk.push(
            kind, restrictsHere: restrictsHere, position: scenario.position(atSeconds: seconds), utc: terminalUTC(now),
            trueUTC: Self.date(scenario.startUnixNanoseconds &+ now), monotonicNanoseconds: UInt64(max(0, now)),
            audit: assembly.auditWriter, channels: assembly.channels, depositRejected: defects.contains(.appliesRejectedPolicies))
        policyDesk = desk
        if outcome.problem == nil, let accepted = outcome.update.newGeofencePolicy {
            expectedPolicy = accepted
            truthAssessed.valid = false
        }
        laterChecks.pushed(
            atNanoseconds: now, kind: kind, accepted: outcome.update.isAccepted, expectedAccepted: outcome.expectedAccepted,
            auditProblem: outcome.problem)
        note(seconds, "policy push (\(kind.rawValue)\(restrictsHere ? ", restricting here" : "")): \(outcome.update.logLine)")
    }

    /// Stops the terminal (stowed, audit written, lines released, the log closed), then
    /// assembles it again on the same audit log and store; it stays down (not ticked) until
    /// `end`.
    private mutating func restart(now: Int64, downUntil end: Int64, seconds: Double, downSeconds: Double) {
        guard bench.supportsRestart, reassemble != nil, let path = auditLogPath else {
            note(seconds, "restart: this bench cannot restart the terminal (skipped)")
            return
        }
        let monotonic = UInt64(max(0, now))
        assembly.core.stow(atNanoseconds: monotonic, utc: nil)
        _ = assembly.auditWriter.writePending()
        assembly.releaseLines()
        let before = try? AuditLog.read(path: path)
        // The old terminal goes (its audit log is closed and unlocked) before the new one opens it.
        assembly = nil
        laterChecks.restartBegan(atNanoseconds: now, downUntil: end)
        if defects.contains(.losesAuditTailOnRestart) { Self.cutLastRecord(path) }
        var policy = startUpPolicy
        var restoredUpdate: PolicyUpdate?
        if !defects.contains(.forgetsAcceptedPolicyOnRestart), var desk = policyDesk {
            let restored = desk.restore(at: terminalUTC(now))
            policyDesk = desk
            if let problem = restored.problem { laterChecks.restartProblem(atNanoseconds: now, problem) }
            restoredUpdate = restored.update
            if let restoredPolicy = restored.policy {
                policy = restoredPolicy
                if restored.update?.isAccepted != true {
                    // Refused at start-up (expired meanwhile): no policy in force, as the daemon.
                    expectedPolicy = restoredPolicy.policy
                    truthAssessed.valid = false
                }
            }
        }
        if let before { keptBeforeRestart = before }
        restartPolicy = policy
        laterChecks.forgetFix()
        note(seconds, "terminal stopped for a restart, down for \(downSeconds) s")
        start(now: now, seconds: seconds, restoredUpdate: restoredUpdate, path: path)
    }

    /// Assembles the terminal again after a restart that could not (a failing GPIO line), as
    /// systemd restarts a daemon that refused to start: once a second.
    mutating func retryStart(now: Int64, seconds: Double) {
        guard now >= restartRetryAt, let path = auditLogPath else { return }
        start(now: now, seconds: seconds, restoredUpdate: nil, path: path)
    }

    /// The start after a restart: the assembly on the same audit log, the audit check, the
    /// restored policy's record.
    private mutating func start(now: Int64, seconds: Double, restoredUpdate: PolicyUpdate?, path: String) {
        guard let reassemble else { return }
        let monotonic = UInt64(max(0, now))
        do {
            assembly = try reassemble(restartPolicy.policy, restartPolicy.validUntilUnixNanoseconds, now)
            restartRetryAt = .max
        } catch let error as TerminalAssembly<Bench.GPIO>.AssemblyError {
            if case .gpio = error {
                // A daemon that cannot open its lines refuses to start: safe, tried again.
                laterChecks.restartRefused()
                restartRetryAt = now + 1_000_000_000
                note(seconds, "the terminal refused to start (\(error)); again in 1 s")
            } else {
                laterChecks.restartProblem(atNanoseconds: now, "the terminal could not be assembled again: \(error)")
                note(seconds, "restart FAILED: \(error)")
            }
            return
        } catch {
            laterChecks.restartProblem(atNanoseconds: now, "the terminal could not be assembled again: \(error)")
            note(seconds, "restart FAILED: \(error)")
            return
        }
        applyAssemblyDefects()
        if let before = keptBeforeRestart { checkAuditKept(before, path: path, now: now) }
        keptBeforeRestart = nil
        if let restoredUpdate {
            do { try assembly.auditWriter.append(restoredUpdate.auditEntry(monotonicNanoseconds: monotonic)) } catch {
                laterChecks.restartProblem(atNanoseconds: now, "the restored policy's record was not written: \(error)")
            }
        }
        // A new terminal: the scheduler publishes to its channels afresh; an operator stow
        // still in force is asked of it again.
        nextScheduleUnixNanoseconds = .min
        scheduledAtUnixNanoseconds = .min
        scheduledRestricted = false
        lastAction = nil
        if unstowAt != .max { assembly.channels.stow.requestStop() }
        let restoredText = restoredUpdate.map { "; \($0.logLine)" } ?? ""
        note(seconds, "terminal restarted on the same audit log and policy store\(restoredText)")
    }

    /// Every record from before the restart still there, the chain continuing from its head.
    private mutating func checkAuditKept(_ before: AuditFileScan, path: String, now: Int64) {
        guard let after = try? AuditLog.read(path: path) else {
            laterChecks.restartProblem(atNanoseconds: now, "the audit log cannot be read after the restart")
            return
        }
        let kept = before.entries.count
        guard after.entries.count >= kept, Array(after.entries.prefix(kept)) == before.entries else {
            laterChecks.restartProblem(
                atNanoseconds: now, "audit records lost: \(kept) before the restart, \(after.entries.count) after reopening")
            return
        }
        if after.entries.count > kept, after.entries[kept].chain != before.check.headDigest {
            laterChecks.restartProblem(atNanoseconds: now, "the audit chain does not continue from the head before the restart")
        }
    }

    /// The deliberately broken path: the log's last record cut away (a whole line, so the log
    /// still reads clean on its own).
    static func cutLastRecord(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path), data.count > 1 else { return }
        guard let cut = data.dropLast().lastIndex(of: UInt8(ascii: "\n")) else {
            try? Data().write(to: URL(fileURLWithPath: path))
            return
        }
        try? Data(data[...cut]).write(to: URL(fileURLWithPath: path))
    }
}
