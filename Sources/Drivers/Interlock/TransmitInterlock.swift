import HAL
import Platform

/// The transmit interlock: drives `transmit_enable` active only while every condition of
/// safety invariants 1 and 5 holds, and every decision is audited (invariant 4).
///
/// ## Each tick
/// The tick evaluates the conditions into a `TransmitConditions` value and calls
/// `update(_:atNanoseconds:utc:)` once. The interlock adds two conditions of its own (the
/// audit writer is keeping up; the line follows its command, read back on
/// `transmit_enable_sense` when wired), then:
///
/// - **Off is immediate.** If transmitting and any condition fails, the line goes inactive
///   in this very call, and an `off` record is queued for the audit writer.
/// - **On waits for the log.** If off and every condition holds, the interlock queues an
///   `on` record and waits; the line goes active on a later tick, once the `AuditWriter`
///   has published that the record is durable (written and fsync'ed), and only if every
///   condition still holds then. If a condition fails meanwhile, the request is withdrawn
///   (audited as `on_withdrawn`) and the line never moves.
///
/// ## Why the two directions differ
/// Invariant 4 asks that every decision be in the log before it takes effect; invariant 3
/// asks that a breach inhibit transmission within one tick. An fsync takes milliseconds to
/// tens of milliseconds on an SD card, longer than a tick, so no decision can be both durable
/// and within the tick. They are resolved by which state is safe: off is the line's safe
/// state (the board requires it, and a crash or release ends there too), so an `off` never
/// needs the log's permission; delaying it for an fsync would break invariant 3 and
/// radiate into a banned zone while the disk is busy. Its record follows within
/// milliseconds, and a log that ends while transmit was on tells the reader it went off by
/// the daemon's end at the latest (invariant 2). An `on` is the dangerous direction, so it
/// waits for the durable record: the log never lacks an `on` that happened. The wait costs
/// one tick or a few: transmit starts a little later, never unaudited.
///
/// ## Threads and allocation
/// Use it from the tick thread only. `update` never waits (the hand-off uses a try-lock) and
/// allocates nothing: records are plain values; the writer makes their words.
///
/// ## The sense input
/// With `transmit_enable_sense` wired, each update first compares the level read back with
/// the level commanded by the previous update. A disagreement on `senseMismatchTickLimit`
/// consecutive updates (default 2: the first read after a switch may race the wire) latches
/// a `TransmitLineFault`, which keeps transmit off until `clearLineFault` — and which
/// Terminal must treat as a hardware fault (drop PA power: if the line is stuck active,
/// the interlock alone cannot stop emission).
package final class TransmitInterlock {
    /// Where the interlock is in its cycle.
    package enum Phase: Sendable, Hashable {
        /// Transmit disabled, nothing pending.
        case off
        /// Every condition held; waiting for the `on` record `decision` to be durable.
        case awaitingAudit(decision: UInt64)
        /// Transmit enabled.
        case on
    }

    /// The present phase.
    package private(set) var phase: Phase = .off
    /// The conditions that failed at the last update (tick and interlock conditions).
    package private(set) var unmet: TransmitConditionSet = .all
    /// A latched fault of the line itself, or nil.
    package private(set) var lineFault: TransmitLineFault?
    /// The number of the last transmit decision (0 before the first).
    package private(set) var lastDecision: UInt64 = 0
    /// The level last written to the line (the safe state until the first `on`).
    package private(set) var commandedLevel: LogicalLevel = .inactive
    /// Whether the last write of the off level failed (see `reassertOffLevel`).
    private var offWriteFailed = false

    private let transmitEnable: any GPIOOutputLine
    private let sense: (any GPIOInputLine)?
    private let audit: AuditHandoff
    private let senseMismatchTickLimit: Int
    /// Consecutive updates whose sense read disagreed with the command (internal: read by the
    /// model's conformance test, `Model/README.md`).
    private(set) var senseMismatchTicks = 0

    /// An interlock over the `transmit_enable` line (opened at its safe state, inactive),
    /// reading it back on `sense` when the board wires one, auditing through `audit`.
    /// The line is not written here: it stays at its safe state until an `on` takes effect.
    package init(
        transmitEnable: any GPIOOutputLine, sense: (any GPIOInputLine)? = nil, audit: AuditHandoff,
        senseMismatchTickLimit: Int = 2
    ) {
        self.transmitEnable = transmitEnable
        self.sense = sense
        self.audit = audit
        self.senseMismatchTickLimit = max(1, senseMismatchTickLimit)
    }

    /// Whether the line is commanded active.
    package var isTransmitEnabled: Bool { phase == .on }

    /// Decides for this tick (see the type's notes); returns the phase after it. Never
    /// waits, never allocates. `now` is the tick's monotonic time, `utc` the UTC of the tick
    /// when known (for the audit record only).
    @discardableResult
    package func update(_ conditions: TransmitConditions, atNanoseconds now: UInt64, utc: UTCInstant?) -> Phase {
        audit.refresh()
        reassertOffLevel()
        checkSense(atNanoseconds: now, utc: utc)
        var unmet = conditions.unmet
        if audit.isWriterFailing { unmet.insert(TransmitConditionSet(.auditLogAvailable)) }
        if lineFault != nil { unmet.insert(TransmitConditionSet(.transmitLineHealthy)) }
        self.unmet = unmet

        switch phase {
        case .on:
            if !unmet.isEmpty { switchOff(unmet, atNanoseconds: now, utc: utc) }
        case .awaitingAudit(let decision):
            if !unmet.isEmpty {
                lastDecision += 1
                phase = .off
                submit(.transmitOnWithdrawn(decision: lastDecision, unmet: unmet), now, utc)
            } else if audit.durableTransmitOnDecision >= decision {
                switchOn(atNanoseconds: now, utc: utc)
            }
        case .off:
            // A new `on` only once the writer has caught up, so records never pile up behind
            // a slow disk while conditions flap.
            guard unmet.isEmpty, audit.isCaughtUp else { break }
            lastDecision += 1
            let decision = lastDecision
            if submit(.transmitOn(decision: decision), now, utc) {
                phase = .awaitingAudit(decision: decision)
            } else {
                self.unmet.insert(TransmitConditionSet(.auditLogAvailable))
            }
        }
        return phase
    }

    /// Switches transmit off now, whatever the conditions (shutdown, signal, operator stop);
    /// audited with `unmet` as the reason (empty: "stopped").
    package func forceOff(atNanoseconds now: UInt64, utc: UTCInstant?, unmet: TransmitConditionSet = []) {
        // Called every tick while stowed: keeps the hand-off moving, so a record a missed
        // try-lock left in the outbox still reaches the writer (found by the model checker).
        audit.refresh()
        reassertOffLevel()
        switch phase {
        case .on: switchOff(unmet, atNanoseconds: now, utc: utc)
        case .awaitingAudit:
            lastDecision += 1
            phase = .off
            submit(.transmitOnWithdrawn(decision: lastDecision, unmet: unmet), now, utc)
        case .off: break
        }
    }

    /// Clears a latched line fault (an operator's action, audited); returns whether there
    /// was one. If the line still disagrees with its command, the fault latches again.
    @discardableResult
    package func clearLineFault(atNanoseconds now: UInt64, utc: UTCInstant?) -> Bool {
        guard lineFault != nil else { return false }
        lineFault = nil
        senseMismatchTicks = 0
        submit(.transmitLineFaultCleared, now, utc)
        return true
    }

    /// Checks the line itself (the tick calls it every few tens of ticks): reads back the level
    /// it is driven to, so a chip that stopped answering is found even while nothing switches;
    /// a failure latches a `TransmitLineFault` and switches off. While a fault is latched, the
    /// off level is written again at each check.
    package func verifyLine(atNanoseconds now: UInt64, utc: UTCInstant?) {
        if lineFault != nil, commandedLevel == .inactive, (try? transmitEnable.set(.inactive)) != nil { offWriteFailed = false }
        do {
            _ = try transmitEnable.read()
        } catch {
            latch(.readbackFailed(errno: error.errno), now, utc)
            if phase != .off { forceOff(atNanoseconds: now, utc: utc, unmet: TransmitConditionSet(.transmitLineHealthy)) }
        }
    }

    /// Writes the off level again if its last write failed, until one lands: at every
    /// ``update(_:atNanoseconds:utc:)`` and ``forceOff(atNanoseconds:utc:unmet:)``, so the line
    /// goes low at the first tick the chip answers again. (Retried only at the line checks, a
    /// failed off-write left transmit-enable stuck high for up to a check interval after the
    /// chip recovered, 1 s at 100 Hz, and for the whole of a stow, which skipped the checks:
    /// found by the 10,000-run campaign, runs 542, 1868 and 2870 of seed 1.) A retry that fails
    /// is not audited again: the latched fault already says the line does not follow.
    private func reassertOffLevel() {
        guard offWriteFailed, commandedLevel == .inactive else { return }
        do {
            try transmitEnable.set(.inactive)
            offWriteFailed = false
        } catch {}
    }

    // MARK: Switching

    private func switchOn(atNanoseconds now: UInt64, utc: UTCInstant?) {
        do {
            try transmitEnable.set(.active)
            commandedLevel = .active
            phase = .on
        } catch {
            latch(.writeFailed(errno: error.errno), now, utc)
            switchOff(TransmitConditionSet(.transmitLineHealthy), atNanoseconds: now, utc: utc)
        }
    }

    private func switchOff(_ unmet: TransmitConditionSet, atNanoseconds now: UInt64, utc: UTCInstant?) {
        do {
            try transmitEnable.set(.inactive)
            offWriteFailed = false
        } catch {
            offWriteFailed = true
            latch(.writeFailed(errno: error.errno), now, utc)
        }
        commandedLevel = .inactive
        phase = .off
        lastDecision += 1
        submit(.transmitOff(decision: lastDecision, unmet: unmet), now, utc)
    }

    // MARK: Sense and faults

    private func checkSense(atNanoseconds now: UInt64, utc: UTCInstant?) {
        guard let sense, lineFault == nil else { return }
        let sensed: LogicalLevel
        do {
            sensed = try sense.read()
        } catch {
            latch(.senseUnreadable(errno: error.errno), now, utc)
            return
        }
        guard sensed != commandedLevel else {
            senseMismatchTicks = 0
            return
        }
        senseMismatchTicks += 1
        if senseMismatchTicks >= senseMismatchTickLimit {
            latch(.senseDisagrees(commanded: commandedLevel, sensed: sensed), now, utc)
        }
    }

    private func latch(_ fault: TransmitLineFault, _ now: UInt64, _ utc: UTCInstant?) {
        guard lineFault == nil else { return }
        lineFault = fault
        submit(.transmitLineFault(fault), now, utc)
    }

    @discardableResult
    private func submit(_ event: DriverAuditEvent, _ now: UInt64, _ utc: UTCInstant?) -> Bool {
        audit.submit(DriverAuditRecord(event, monotonicNanoseconds: now, utc: utc))
    }
}
