/// One condition that must hold for the terminal to transmit. The first ten are safety
/// invariants 1 and 5 of the design notes, evaluated by the tick and handed to the interlock
/// in `TransmitConditions`; the next two the interlock checks itself; the last, the
/// operator's service rules, the tick again (appended, so the others keep their bits).
package enum TransmitCondition: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The latest position fix is recent enough (invariant 1).
    case positionFixFresh
    /// The position, widened by its uncertainty and the zone margin, lies inside an allowed
    /// zone (invariants 1 and 3).
    case insideAllowedZone
    /// A satellite is scheduled for the present slot (invariant 1).
    case satelliteScheduled
    /// The scheduled satellite lies inside the array's scan limit (invariant 1).
    case insideScanLimit
    /// No hardware fault: PA fault, over-temperature, ... (invariant 1).
    case noHardwareFault
    /// The real-time loop met its recent deadlines (invariant 1).
    case loopDeadlinesMet
    /// A valid, authenticated service policy is loaded (invariant 1).
    case policyValid
    /// UTC is known, from GNSS or a synchronised system clock (invariant 5).
    case utcKnown
    /// The beamformer bridge is connected and applied the latest steering (a beam pointing
    /// elsewhere than computed must not radiate).
    case beamformerHealthy
    /// The GNSS fix's UTC agrees with the system clock within the configured bound (invariant
    /// 5: a receiver dated years off, or a clock stepped wrong, is a time-validity fault).
    case clocksAgree
    /// Interlock's own: the audit writer is keeping the log (invariant 4: no unaudited
    /// decision may take effect, so a broken log keeps transmit off).
    case auditLogAvailable
    /// Interlock's own: the transmit-enable line, read back through its sense input,
    /// follows what was commanded (no stuck line).
    case transmitLineHealthy
    /// The operator's service rules (the plan's speed, address, ocean and roaming limits, and
    /// the constellations a zone permits) give `OKAY` (`ServiceDecision`).
    case serviceRulesMet

    /// The conditions the tick evaluates (every case but the interlock's own).
    package static let evaluatedByTick: [TransmitCondition] = allCases.filter { !$0.isInterlockInternal }

    /// Whether the interlock evaluates this condition itself.
    package var isInterlockInternal: Bool { self == .auditLogAvailable || self == .transmitLineHealthy }

    /// `position_fix_fresh` etc., as audit records name it.
    package var description: String {
        switch self {
        case .positionFixFresh: "position_fix_fresh"
        case .insideAllowedZone: "inside_allowed_zone"
        case .satelliteScheduled: "satellite_scheduled"
        case .insideScanLimit: "inside_scan_limit"
        case .noHardwareFault: "no_hardware_fault"
        case .loopDeadlinesMet: "loop_deadlines_met"
        case .policyValid: "policy_valid"
        case .utcKnown: "utc_known"
        case .beamformerHealthy: "beamformer_healthy"
        case .clocksAgree: "clocks_agree"
        case .auditLogAvailable: "audit_log_available"
        case .transmitLineHealthy: "transmit_line_healthy"
        case .serviceRulesMet: "service_rules_met"
        }
    }

    /// Why transmit is off when this condition fails, in words.
    package var inhibitReason: String {
        switch self {
        case .positionFixFresh: "no fresh position fix"
        case .insideAllowedZone: "position not inside an allowed zone with margin"
        case .satelliteScheduled: "no satellite scheduled"
        case .insideScanLimit: "satellite outside the scan limit"
        case .noHardwareFault: "hardware fault"
        case .loopDeadlinesMet: "loop missed deadlines"
        case .policyValid: "no valid policy"
        case .utcKnown: "UTC not known"
        case .beamformerHealthy: "beamformer not healthy"
        case .clocksAgree: "GNSS time and the system clock disagree"
        case .auditLogAvailable: "audit log unavailable"
        case .transmitLineHealthy: "transmit-enable line does not follow its command"
        case .serviceRulesMet: "the operator's service rules refuse service (see the disablement code)"
        }
    }
}

/// A set of `TransmitCondition`s in one machine word: copying it never allocates, so the
/// tick can put one in every audit record.
package struct TransmitConditionSet: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// One bit per condition, at the condition's raw value.
    package var rawValue: UInt16

    /// Wraps a raw bit set.
    package init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// The set holding only `condition`.
    package init(_ condition: TransmitCondition) {
        rawValue = 1 << UInt16(condition.rawValue)
    }

    /// Every condition.
    package static let all = TransmitConditionSet(rawValue: (1 << UInt16(TransmitCondition.allCases.count)) - 1)

    /// Whether `condition` is in the set.
    package func contains(_ condition: TransmitCondition) -> Bool { contains(TransmitConditionSet(condition)) }

    /// The conditions in the set, in declaration order (allocates: for reports, not the tick).
    package var conditions: [TransmitCondition] { TransmitCondition.allCases.filter { contains($0) } }

    /// `position_fix_fresh,utc_known`, or `none`.
    package var description: String {
        isEmpty ? "none" : conditions.map(\.description).joined(separator: ",")
    }
}

/// The tick's verdict on every condition it evaluates, handed to
/// `TransmitInterlock.update(_:atNanoseconds:utc:)` each tick.
///
/// A plain value, so the interlock does not care how each verdict was reached (geofence,
/// scheduler, fault monitor, loop statistics, policy store, clock, beamformer driver). Every
/// field starts `false`: a value the tick forgot to fill in inhibits transmission.
package struct TransmitConditions: Sendable, Hashable {
    /// See `TransmitCondition.positionFixFresh`.
    package var positionFixFresh = false
    /// See `TransmitCondition.insideAllowedZone`.
    package var insideAllowedZone = false
    /// See `TransmitCondition.satelliteScheduled`.
    package var satelliteScheduled = false
    /// See `TransmitCondition.insideScanLimit`.
    package var insideScanLimit = false
    /// See `TransmitCondition.noHardwareFault`.
    package var noHardwareFault = false
    /// See `TransmitCondition.loopDeadlinesMet`.
    package var loopDeadlinesMet = false
    /// See `TransmitCondition.policyValid`.
    package var policyValid = false
    /// See `TransmitCondition.utcKnown`.
    package var utcKnown = false
    /// See `TransmitCondition.beamformerHealthy`.
    package var beamformerHealthy = false
    /// See `TransmitCondition.clocksAgree`.
    package var clocksAgree = false
    /// See `TransmitCondition.serviceRulesMet`.
    package var serviceRulesMet = false

    /// Every condition false.
    package init() {}

    /// Every condition the tick evaluates true.
    package static var allMet: TransmitConditions {
        var conditions = TransmitConditions()
        for condition in TransmitCondition.evaluatedByTick { conditions[condition] = true }
        return conditions
    }

    /// The verdict on `condition`; the interlock's own conditions read `true` here and
    /// ignore writes (the interlock decides them).
    package subscript(condition: TransmitCondition) -> Bool {
        get {
            switch condition {
            case .positionFixFresh: positionFixFresh
            case .insideAllowedZone: insideAllowedZone
            case .satelliteScheduled: satelliteScheduled
            case .insideScanLimit: insideScanLimit
            case .noHardwareFault: noHardwareFault
            case .loopDeadlinesMet: loopDeadlinesMet
            case .policyValid: policyValid
            case .utcKnown: utcKnown
            case .beamformerHealthy: beamformerHealthy
            case .clocksAgree: clocksAgree
            case .serviceRulesMet: serviceRulesMet
            case .auditLogAvailable, .transmitLineHealthy: true
            }
        }
        set {
            switch condition {
            case .positionFixFresh: positionFixFresh = newValue
            case .insideAllowedZone: insideAllowedZone = newValue
            case .satelliteScheduled: satelliteScheduled = newValue
            case .insideScanLimit: insideScanLimit = newValue
            case .noHardwareFault: noHardwareFault = newValue
            case .loopDeadlinesMet: loopDeadlinesMet = newValue
            case .policyValid: policyValid = newValue
            case .utcKnown: utcKnown = newValue
            case .beamformerHealthy: beamformerHealthy = newValue
            case .clocksAgree: clocksAgree = newValue
            case .serviceRulesMet: serviceRulesMet = newValue
            case .auditLogAvailable, .transmitLineHealthy: break
            }
        }
    }

    /// The conditions that fail. Allocates nothing.
    package var unmet: TransmitConditionSet {
        var set = TransmitConditionSet()
        if !positionFixFresh { set.insert(TransmitConditionSet(.positionFixFresh)) }
        if !insideAllowedZone { set.insert(TransmitConditionSet(.insideAllowedZone)) }
        if !satelliteScheduled { set.insert(TransmitConditionSet(.satelliteScheduled)) }
        if !insideScanLimit { set.insert(TransmitConditionSet(.insideScanLimit)) }
        if !noHardwareFault { set.insert(TransmitConditionSet(.noHardwareFault)) }
        if !loopDeadlinesMet { set.insert(TransmitConditionSet(.loopDeadlinesMet)) }
        if !policyValid { set.insert(TransmitConditionSet(.policyValid)) }
        if !utcKnown { set.insert(TransmitConditionSet(.utcKnown)) }
        if !beamformerHealthy { set.insert(TransmitConditionSet(.beamformerHealthy)) }
        if !clocksAgree { set.insert(TransmitConditionSet(.clocksAgree)) }
        if !serviceRulesMet { set.insert(TransmitConditionSet(.serviceRulesMet)) }
        return set
    }

    /// Whether every condition the tick evaluates holds.
    package var allHold: Bool { unmet.isEmpty }
}
