import HAL
import Platform

/// The power amplifier's supply (`pa_power`): on only while the terminal wants it and no
/// hardware fault is present; off within the update that sees a fault.
///
/// It is the second barrier behind the transmit interlock: the interlock switches
/// `transmit_enable`, this switches the PA's power, so a `transmit_enable` stuck active
/// (a `TransmitLineFault`) still ends emission when Terminal passes that fault here.
///
/// ## A write that fails
/// `isPowered` follows the line: it changes only after a write succeeded. A failed write
/// leaves the line's level unknown, so from then on the supply writes its target (off) on
/// every update until a write succeeds, and it latches a `writeFault` — audited, and a
/// hardware fault for the tick (transmit off) — which stays until `clearWriteFault` is called
/// after a successful write (an operator's or the terminal's explicit decision, like a fault
/// input's clear). The supply is never powered while the fault is latched.
///
/// Writes the line only when the level changes (or is unknown). Use from the tick thread;
/// allocates nothing.
package final class PowerAmplifierSupply {
    private let line: any GPIOOutputLine
    private let audit: AuditHandoff?
    private var levelKnown = true
    /// Whether the supply is powered: the last successful write was `active`.
    package private(set) var isPowered = false
    /// The first failure of a write since the last clear (latched), or nil.
    package private(set) var writeFault: GPIOError?
    /// Whether the last write attempt succeeded (a latched fault can be cleared only then).
    package private(set) var lastWriteSucceeded = true
    /// Failed writes (and read-backs) since start.
    package private(set) var failedWriteCount = 0

    /// A supply on the `pa_power` line, opened at its safe state (off), auditing a failed
    /// write through `audit`.
    package init(line: any GPIOOutputLine, audit: AuditHandoff? = nil) {
        self.line = line
        self.audit = audit
    }

    /// Powers the PA when `wanted` and no `fault` (and no latched write fault); otherwise
    /// removes power now. Returns whether it is powered. Never throws: a failed write is
    /// latched (see the type's notes) and tried again at the next update.
    @discardableResult
    package func update(wanted: Bool, fault: Bool, atNanoseconds now: UInt64 = 0, utc: UTCInstant? = nil) -> Bool {
        let target = wanted && !fault && writeFault == nil
        guard target != isPowered || !levelKnown else { return isPowered }
        do {
            try line.set(target ? .active : .inactive)
            isPowered = target
            levelKnown = true
            lastWriteSucceeded = true
        } catch {
            // The level is unknown: possibly still powered. Retry next update.
            isPowered = isPowered || !levelKnown || target
            levelKnown = false
            lastWriteSucceeded = false
            latch(error, now, utc)
        }
        return isPowered
    }

    private func latch(_ error: GPIOError, _ now: UInt64, _ utc: UTCInstant?) {
        failedWriteCount += 1
        guard writeFault == nil else { return }
        writeFault = error
        audit?.submit(DriverAuditRecord(.outputWriteFailed(.paPower, errno: error.errno), monotonicNanoseconds: now, utc: utc))
    }

    /// Checks the line (the tick calls it every few tens of ticks): reads back the level it is
    /// driven to; a failure latches the fault as a failed write would (and the next update
    /// writes the off level again).
    package func verifyLine(atNanoseconds now: UInt64, utc: UTCInstant?) {
        do {
            _ = try line.read()
        } catch {
            levelKnown = false
            lastWriteSucceeded = false
            latch(error, now, utc)
        }
    }

    /// Whether a hardware fault must be assumed: a latched write fault.
    package var hasFault: Bool { writeFault != nil }

    /// Clears a latched write fault if the last write succeeded (the line is off and follows
    /// its command again); audited. Returns whether the fault is clear now.
    @discardableResult
    package func clearWriteFault(atNanoseconds now: UInt64, utc: UTCInstant?) -> Bool {
        guard writeFault != nil else { return true }
        guard lastWriteSucceeded, levelKnown else { return false }
        writeFault = nil
        audit?.submit(DriverAuditRecord(.outputWriteFaultCleared(.paPower), monotonicNanoseconds: now, utc: utc))
        return true
    }
}
