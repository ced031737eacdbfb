import Foundation
import Platform
import Terminal

/// Writes a scenario as a scenario file (YAML, format 1; `HIL/README.md`) that
/// `ScenarioFile.parse` reads back to the same value: numbers are written with Swift's
/// shortest round-tripping text, so a campaign's case replays bit for bit.
package enum ScenarioYAMLWriter {
    /// The file's text; `comment` lines go first, each prefixed with `# `.
    package static func yaml(_ scenario: Scenario, comment: [String] = []) -> String {
        var lines = comment.map { "# \($0)" }
        lines.append("format: 1")
        lines.append("scenario: \(quoted(scenario.name))")
        if !scenario.summary.isEmpty { lines.append("summary: \(quoted(scenario.summary))") }
        lines.append("start: \(iso8601(unixNanoseconds: scenario.startUnixNanoseconds))")
        lines.append("tick_hz: \(scenario.tickHertz)")
        lines.append("duration_s: \(number(scenario.durationSeconds))")
        var gnss = "gnss: { rate_hz: \(number(scenario.gnssRateHertz)), accuracy_m: \(number(scenario.gnssAccuracyMetres))"
        if let seed = scenario.gnssNoiseSeed { gnss += ", noise_seed: \(seed)" }
        lines.append(gnss + " }")
        if let mobility = scenario.mobility { lines.append("mobility: \(mobility.rawValue)") }
        if let seed = scenario.zonesSeed { lines.append("zones_seed: \(seed)") }
        lines.append("route:")
        for point in scenario.route {
            lines.append(
                "  - { t_s: \(number(point.seconds)), lat_deg: \(number(point.latitudeDegrees)), lon_deg: \(number(point.longitudeDegrees)) }")
        }
        if !scenario.events.isEmpty {
            lines.append("events:")
            for timed in scenario.events { lines.append("  - { at_s: \(number(timed.atSeconds)), \(event(timed.event)) }") }
        }
        if !scenario.expectations.isEmpty {
            lines.append("expect:")
            for expectation in scenario.expectations { lines.append("  - \(self.expectation(expectation))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func event(_ event: Scenario.Event) -> String {
        switch event {
        case .fault(let input, let seconds): "fault: \(input.rawValue), for_s: \(number(seconds))"
        case .gnssOutage(let seconds): "gnss_outage_s: \(number(seconds))"
        case .unplugBeamformer(let seconds): "unplug: beamformer, for_s: \(number(seconds))"
        case .gpioFailure(let role, let seconds): "gpio_failure: \(role.rawValue), for_s: \(number(seconds))"
        case .fixTimeOffset(let offset, let seconds): "fix_time_offset_s: \(number(offset)), for_s: \(number(seconds))"
        case .stow(let seconds): "stow: true, for_s: \(number(seconds))"
        case .clockStep(let step, let seconds): "clock_step_s: \(number(step)), for_s: \(number(seconds))"
        case .policyPush(let kind, let restrictsHere): "policy_push: \(kind.rawValue), restricts_here: \(restrictsHere)"
        case .restart(let seconds): "restart: true, for_s: \(number(seconds))"
        case .loopOverrun(let milliseconds, let seconds): "loop_overrun_ms: \(number(milliseconds)), for_s: \(number(seconds))"
        case .bridgeGarbage(let kind, let seconds): "bridge_garbage: \(kind.rawValue), for_s: \(number(seconds))"
        }
    }

    private static func expectation(_ expectation: Scenario.Expectation) -> String {
        switch expectation {
        case .transmitOffWithinOfRestriction(let ms): "transmit_off_within_ms_of_restriction: \(number(ms))"
        case .transmitOffWithinOfFault(let ms): "transmit_off_within_ms_of_fault: \(number(ms))"
        case .neverTransmitInRestrictedZone(let ms): "never_transmit_in_restricted_zone_grace_ms: \(number(ms))"
        case .transmitOnFractionAtLeast(let fraction): "transmit_on_fraction_at_least: \(number(fraction))"
        case .handoversAtLeast(let count): "handovers_at_least: \(count)"
        case .beamformerReconnects: "beamformer_reconnects: true"
        case .transmitOffWithinOfUnplug(let ms): "transmit_off_within_ms_of_unplug: \(number(ms))"
        case .transmitOffDuringGNSSOutage: "transmit_off_during_gnss_outage: true"
        case .safeUnderGPIOFailures(let ms): "safe_under_gpio_failures_ms: \(number(ms))"
        case .safetyInvariants: "safety_invariants: true"
        }
    }

    /// Shortest text that reads back as the same `Double`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `2026-08-23T00:00:00Z`, with milliseconds when the start has them.
    static func iso8601(unixNanoseconds: Int64) -> String {
        let milliseconds = unixNanoseconds.dividedFloor(by: 1_000_000)
        return ISO8601.string(unixNanoseconds: milliseconds * 1_000_000, fractionDigits: milliseconds % 1_000 == 0 ? 0 : 3)
    }
}

extension Int64 {
    /// Division rounding towards minus infinity.
    fileprivate func dividedFloor(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
