import Audit
import Foundation
import HAL
import Testing

@testable import Terminal

/// Every GPIO line the tick and the drivers use, failing (every request, write and read
/// answering EIO, as a failing chip would) at several points of a run: before the first
/// transmit, while transmitting, briefly and for good. At every tick the run checks that
/// nothing emits (transmit-enable and PA supply on) while a transmit condition is unmet;
/// after each failure emission ends within the read-back interval (100 ms) and a tick, the
/// state shows a fault, and the audit log holds a fault record for it (issue: a failed PA
/// off-write was swallowed).
@Suite struct GPIOFailureSweepTests {
    static let roles: [GPIORole] = [.transmitEnable, .paPower, .statusLED, .transmitEnableSense, .faultIn, .overTemperature]
    /// (start, length) of each failure, seconds: before transmit starts, while transmitting,
    /// a brief one, and one that lasts to the end.
    static let failures: [(Double, Double)] = [(0.2, 2), (5, 1.5), (9.37, 0.3), (13, 7)]

    @Test(arguments: roles)
    func aFailingLineNeverLeavesTransmitOnUnnoticed(_ role: GPIORole) throws {
        let events = Self.failures.map { "  - { at_s: \($0.0), gpio_failure: \(role.rawValue), for_s: \($0.1) }" }
        let yaml = """
            format: 1
            scenario: gpio-failure-\(role.rawValue)
            start: 2026-08-23T00:00:00Z
            tick_hz: 250
            gnss: { rate_hz: 1, accuracy_m: 3 }
            route:
              - { t_s: 0, lat_deg: -33.92, lon_deg: 18.42 }
            duration_s: 20
            events:
            \(events.joined(separator: "\n"))
            expect:
              - safe_under_gpio_failures_ms: 104
              - transmit_on_fraction_at_least: 0.2
            """
        let (result, auditPath) = try ScenarioRunner.run(yaml, name: "sweep-\(role.rawValue)")
        for verdict in result.verdicts {
            #expect(verdict.passed, "\(role.rawValue): \(verdict.expectation): \(verdict.detail)")
        }
        let faultRecords = try AuditLog.read(path: auditPath).entries.filter {
            $0.kind == .fault && ["transmit_line_fault", "output_write_failed", "raised"].contains($0.event)
        }
        #expect(faultRecords.count >= Self.failures.count, "\(role.rawValue): one fault record per failure: \(faultRecords.map(\.reason))")
        print(
            "GPIO failure sweep: \(role.rawValue): \(Self.failures.count) injection points, "
                + result.verdicts.map { "\($0.passed ? "PASS" : "FAIL") \($0.detail)" }.joined(separator: "; "))
    }
}
