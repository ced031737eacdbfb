import Audit
import Drivers
import HAL
import Foundation
import Testing

@testable import Terminal

/// The tick's own safety decisions, driven by hand (issue: the safety record and the safety
/// path hold under faults and careless hands).
@Suite struct TerminalCoreSafetyTests {
    /// Flapping under load: missed deadlines turn `loop_deadlines_met` off at once; it returns
    /// only after the loop has reported healthy for the recovery time (2 s), not at the first
    /// healthy tick (35 switches in 4 minutes on a loaded laptop before).
    @Test func loopHealthReturnsOnlyAfterASustainedRecovery() throws {
        let bench = try CoreBench()
        bench.tick()
        #expect(bench.core.conditions.loopDeadlinesMet, "no recovery wait at start-up")
        bench.tick(deadlinesMet: false)
        #expect(!bench.core.conditions.loopDeadlinesMet, "off at once")
        var healthyTicks = 0
        while !bench.core.conditions.loopDeadlinesMet, healthyTicks < 5_000 {
            bench.tick()
            healthyTicks += 1
            if healthyTicks == 1000 { #expect(bench.core.snapshot.loopRecoveryRemainingMilliseconds > 900, "the wait in /status") }
        }
        #expect(healthyTicks == 2_001, "2 s of healthy ticks (the first healthy tick starts the count)")
        // A miss during the recovery starts it again.
        bench.tick(deadlinesMet: false)
        for _ in 0..<1_500 { bench.tick() }
        bench.tick(deadlinesMet: false)
        for _ in 0..<1_500 { bench.tick() }
        #expect(!bench.core.conditions.loopDeadlinesMet)
    }

    /// A GNSS fix whose UTC disagrees with the system clock is a time-validity fault: flagged,
    /// audited, transmit conditions unmet until they agree (fixes dated 2025-03-14 had been
    /// accepted against a 2026-12-07 clock).
    @Test func aFixWhoseTimeDisagreesWithTheClockIsATimeValidityFault() throws {
        let bench = try CoreBench()
        bench.publishFix()
        bench.tick()
        #expect(bench.core.conditions.clocksAgree)
        bench.publishFix(utcOffsetSeconds: -633 * 86_400)  // 2025-03-14 against 2026-12-07
        bench.tick()
        #expect(!bench.core.conditions.clocksAgree)
        #expect(bench.core.interlock.unmet.contains(.clocksAgree))
        #expect(bench.core.snapshot.clockDisagreementMilliseconds == -633 * 86_400_000)
        for _ in 0..<10 { bench.tick() }
        #expect(!bench.core.conditions.clocksAgree, "stays a fault while the last fix disagrees")
        bench.publishFix(utcOffsetSeconds: 0.5)  // within the 3 s bound
        bench.tick()
        #expect(bench.core.conditions.clocksAgree)
        let events = try bench.audit().filter { $0.details["source"] == "clock" }.map(\.event)
        #expect(events == ["time_validity_fault", "time_validity_fault_cleared"], "flagged and audited once each way")
    }

    /// The fix's age does not count as disagreement: a fix received 2 s ago is dated 2 s ago.
    @Test func anOldFixAgreesWithTheClock() throws {
        let bench = try CoreBench()
        bench.publishFix()
        for _ in 0..<2_000 { bench.tick() }
        #expect(bench.core.conditions.clocksAgree)
    }

    /// A failed write of the PA supply latches a hardware fault at once (transmit off), shows
    /// as a fault, is audited; the line is read back every 100 ticks, so a chip that stops
    /// answering is found while nothing switches; the simulated operator's clear works once
    /// the line answers again.
    @Test func aFailingPASupplyLineIsAnAuditedHardwareFault() throws {
        let bench = try CoreBench()
        bench.publishFix()
        bench.tick()
        #expect(bench.core.conditions.noHardwareFault)
        bench.gpio.injectFailure(on: .paPower, errno: EIO)
        for _ in 0..<100 { bench.tick() }
        #expect(!bench.core.conditions.noHardwareFault, "found by the read-back within 100 ticks")
        #expect(bench.core.powerAmplifierWriteFault)
        #expect(bench.core.state == .fault)
        #expect(bench.core.snapshot.outputWriteFailures > 0)
        #expect(try bench.audit().contains { $0.event == "output_write_failed" && $0.details["source"] == "pa_power" })
        #expect(!bench.core.clearFaults(atNanoseconds: UInt64(bench.now), utc: nil), "not while the line fails")
        bench.gpio.clearFailure(on: .paPower)
        bench.tick()
        #expect(bench.core.clearFaults(atNanoseconds: UInt64(bench.now), utc: nil))
        bench.tick()
        #expect(bench.core.conditions.noHardwareFault)
        #expect(try bench.audit().contains { $0.event == "output_write_fault_cleared" })
    }
}
