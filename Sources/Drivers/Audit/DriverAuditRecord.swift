import Audit
import HAL
import Platform
import SystemPackage

/// What a driver wants in the audit log, as the tick hands it over.
///
/// The tick builds these without allocating (no strings: numbers, enums, bit sets); the
/// `AuditWriter` turns each into an `AuditEntry`, with its words, off the tick.
package enum DriverAuditEvent: Sendable, Hashable {
    /// The interlock decided to enable transmit (decision number `decision`): the line goes
    /// active only once this record is durable.
    case transmitOn(decision: UInt64)
    /// The interlock disabled transmit because of `unmet` (the line was already switched).
    case transmitOff(decision: UInt64, unmet: TransmitConditionSet)
    /// An `on` decision was withdrawn before it took effect (the line never went active).
    case transmitOnWithdrawn(decision: UInt64, unmet: TransmitConditionSet)
    /// The transmit-enable line failed.
    case transmitLineFault(TransmitLineFault)
    /// A latched transmit line fault was cleared by an operator.
    case transmitLineFaultCleared
    /// A hardware fault input went into fault.
    case hardwareFaultRaised(FaultSource, FaultCause)
    /// A latched hardware fault was cleared.
    case hardwareFaultCleared(FaultSource)
    /// A write to an output line (the PA supply) failed: a hardware fault is latched.
    case outputWriteFailed(GPIORole, errno: Errno?)
    /// A latched output write fault was cleared (the line follows its command again).
    case outputWriteFaultCleared(GPIORole)
    /// The GNSS fix's UTC and the system clock disagree by more than the bound (a
    /// time-validity fault, invariant 5), by `disagreementMilliseconds`.
    case clockDisagreementRaised(disagreementMilliseconds: Int64)
    /// The GNSS fix's UTC and the system clock agree again.
    case clockDisagreementCleared
}

/// One event with its times.
package struct DriverAuditRecord: Sendable, Hashable {
    /// What happened.
    package var event: DriverAuditEvent
    /// When, on the monotonic clock (nanoseconds).
    package var monotonicNanoseconds: UInt64
    /// When, in UTC, if UTC is known.
    package var utc: UTCInstant?

    /// Builds a record.
    package init(_ event: DriverAuditEvent, monotonicNanoseconds: UInt64, utc: UTCInstant?) {
        self.event = event
        self.monotonicNanoseconds = monotonicNanoseconds
        self.utc = utc
    }

    /// The audit log's form of this record (allocates; the writer calls it, not the tick).
    ///
    /// Transmit records: kind `transmit`, event `on`, `off` or `on_withdrawn`, details
    /// `decision` and (off) `unmet`; line faults: kind `fault`, event `transmit_line_fault`
    /// or `transmit_line_fault_cleared`; input faults: kind `fault`, event `raised` or
    /// `cleared`, detail `source` (the board role) and `cause`; output write faults:
    /// `output_write_failed` / `output_write_fault_cleared`; clock disagreement:
    /// `time_validity_fault` / `time_validity_fault_cleared`.
    package var auditEntry: AuditEntry {
        let utcText = utc?.iso8601
        func entry(_ kind: AuditEntry.Kind, _ event: String, _ reason: String, _ details: [String: String]) -> AuditEntry {
            AuditEntry(
                kind: kind, event: event, reason: reason, utc: utcText, monotonicNanoseconds: monotonicNanoseconds,
                details: details)
        }
        switch event {
        case .transmitOn(let decision):
            return entry(.transmit, "on", "every transmit condition holds", ["decision": "\(decision)"])
        case .transmitOff(let decision, let unmet):
            return entry(.transmit, "off", Self.reason(unmet), ["decision": "\(decision)", "unmet": unmet.description])
        case .transmitOnWithdrawn(let decision, let unmet):
            return entry(
                .transmit, "on_withdrawn", "withdrawn before taking effect: " + Self.reason(unmet),
                ["decision": "\(decision)", "unmet": unmet.description])
        case .transmitLineFault(let fault):
            return entry(.fault, "transmit_line_fault", fault.description, ["source": "transmit_enable"])
        case .transmitLineFaultCleared:
            return entry(.fault, "transmit_line_fault_cleared", "cleared by operator", ["source": "transmit_enable"])
        case .hardwareFaultRaised(let source, let cause):
            return entry(.fault, "raised", "\(source) in fault", ["source": source.description, "cause": cause.description])
        case .hardwareFaultCleared(let source):
            return entry(.fault, "cleared", "\(source) cleared", ["source": source.description])
        case .outputWriteFailed(let role, let errno):
            let code = errno.recordedNumber
            return entry(
                .fault, "output_write_failed", "writing \(role.rawValue) failed (errno \(code)): hardware fault latched",
                ["source": role.rawValue, "errno": "\(code)"])
        case .outputWriteFaultCleared(let role):
            return entry(.fault, "output_write_fault_cleared", "\(role.rawValue) follows its command again", ["source": role.rawValue])
        case .clockDisagreementRaised(let milliseconds):
            return entry(
                .fault, "time_validity_fault",
                "GNSS time and the system clock disagree by \(Double(milliseconds) / 1000) s: no transmit until they agree",
                ["source": "clock", "disagreement_ms": "\(milliseconds)"])
        case .clockDisagreementCleared:
            return entry(.fault, "time_validity_fault_cleared", "GNSS time and the system clock agree again", ["source": "clock"])
        }
    }

    private static func reason(_ unmet: TransmitConditionSet) -> String {
        unmet.isEmpty ? "stopped" : unmet.conditions.map(\.inhibitReason).joined(separator: "; ")
    }
}
