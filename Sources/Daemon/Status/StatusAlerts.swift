import Drivers
import Geofence
import RealTime
import Terminal

/// The alerts `/status` lists, by name: the dish's own where one fits (`thermal_shutdown`,
/// `unexpected_location`), plain names for what the dish has no word for.
package enum StatusAlerts {
    /// Alerts implied by a snapshot, the loop's health and the policy in force.
    package static func names(snapshot: TerminalSnapshot, loop: LoopStatisticsSummary?, policyIsExample: Bool) -> [String] {
        var alerts: [String] = []
        let faults = FaultSourceSet(rawValue: snapshot.faults)
        let unmet = TransmitConditionSet(rawValue: snapshot.unmetConditions)
        if faults.contains(.overTemperature) { alerts.append("thermal_shutdown") }
        if faults.contains(.powerAmplifier) { alerts.append("power_amplifier_fault") }
        if unmet.contains(.transmitLineHealthy) { alerts.append("transmit_line_stuck") }
        if unmet.contains(.auditLogAvailable) { alerts.append("audit_log_unavailable") }
        if snapshot.powerAmplifierWriteFault { alerts.append("power_amplifier_supply_line_fault") }
        if snapshot.statusLEDFault { alerts.append("status_led_line_fault") }
        if unmet.contains(.clocksAgree) { alerts.append("clock_disagreement") }
        if snapshot.loopRecoveryRemainingMilliseconds > 0 { alerts.append("loop_recovering") }
        switch ServiceAction(rawValue: Int(snapshot.geofenceAction)) {
        case .noService where snapshot.state != .locating: alerts.append("unexpected_location")
        case .receiveOnly: alerts.append("receive_only_zone")
        default: break
        }
        if unmet.contains(.policyValid) && snapshot.tickIndex > 0 && snapshot.utcNanoseconds != .min {
            alerts.append("policy_invalid")
        }
        if let loop, loop.executedTicks > 0, !loop.recentDeadlinesMet { alerts.append("loop_deadlines_missed") }
        if snapshot.state == .tracking || snapshot.state == .handover, !snapshot.beamformerReady {
            alerts.append("beamformer_not_ready")
        }
        if policyIsExample { alerts.append("example_policy") }
        return alerts
    }
}
