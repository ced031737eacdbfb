import Audit
import Drivers
import Foundation
import HAL
import Testing

@testable import Terminal

/// The tick's own safety decisions, driven by hand (issue: the safety record and the safety
/// path hold under faults and careless hands).
@Suite struct TerminalCoreSafetyTests {
    /// Flapping under load: missed deadlines turn `loop_deadlines_met` off at once; it returns
    /// only after the loop has reported healthy for the recovery time (2 s), not at the first
    /// healthy tick (35 switches in 4 minutes on a loaded laptop before).
    @Test func loopHealthReturnsOnlyAfterASustainedRecovery() throws {
        let rig = try TerminalCoreRig()
        rig.tick()
        #expect(rig.core.conditions.loopDeadlinesMet, "no recovery wait at start-up")
        rig.tick(deadlinesMet: false)
        #expect(!rig.core.conditions.loopDeadlinesMet, "off at once")
        var healthyTicks = 0
        while !rig.core.conditions.loopDeadlinesMet, healthyTicks < 5_000 {
            rig.tick()
            healthyTicks += 1
            if healthyTicks == 1000 { #expect(rig.core.snapshot.loopRecoveryRemainingMilliseconds > 900, "the wait in /status") }
        }
        #expect(healthyTicks == 2_001, "2 s of healthy ticks (the first healthy tick starts the count)")
        // A miss during the recovery starts it again.
        rig.tick(deadlinesMet: false)
        for _ in 0..<1_500 { rig.tick() }
        rig.tick(deadlinesMet: false)
        for _ in 0..<1_500 { rig.tick() }
        #expect(!rig.core.conditions.loopDeadlinesMet)
    }

    /// A GNSS fix whose UTC disagrees with the system clock is a time-validity fault: flagged,
    /// audited, transmit conditions unmet until they agree (fixes dated 2025-03-14 had been
    /// accepted against a 2026-12-07 clock).
    @Test func aFixWhoseTimeDisagreesWithTheClockIsATimeValidityFault() throws {
        let rig = try TerminalCoreRig()
        rig.tick()
        #expect(rig.core.conditions.clocksAgree)
        rig.fixPosition = nil  // only the fixes published here
        rig.publishFix(utcOffsetSeconds: -633 * 86_400)  // 2025-03-14 against 2026-12-07
        rig.tick()
        #expect(!rig.core.conditions.clocksAgree)
        #expect(rig.core.interlock.unmet.contains(.clocksAgree))
        #expect(rig.core.snapshot.clockDisagreementMilliseconds == -633 * 86_400_000)
        for _ in 0..<10 { rig.tick() }
        #expect(!rig.core.conditions.clocksAgree, "stays a fault while the last fix disagrees")
        rig.publishFix(utcOffsetSeconds: 0.5)  // within the 3 s bound
        rig.tick()
        #expect(rig.core.conditions.clocksAgree)
        let events = try rig.auditEntries().filter { $0.details["source"] == "clock" }.map(\.event)
        #expect(events == ["time_validity_fault", "time_validity_fault_cleared"], "flagged and audited once each way")
    }

    /// The fix's age does not count as disagreement: a fix received 2 s ago is dated 2 s ago.
    @Test func anOldFixAgreesWithTheClock() throws {
        let rig = try TerminalCoreRig()
        rig.tick()
        rig.fixPosition = nil  // the fix of the first tick only, 2 s old at the end
        for _ in 0..<2_000 { rig.tick() }
        #expect(rig.core.conditions.clocksAgree)
    }

    /// A failed write of the PA supply latches a hardware fault at once (transmit off), shows
    /// as a fault, is audited; the line is read back every 100 ticks, so a chip that stops
    /// answering is found while nothing switches; the simulated operator's clear works once
    /// the line answers again.
    @Test func aFailingPASupplyLineIsAnAuditedHardwareFault() throws {
        let rig = try TerminalCoreRig()
        rig.tick()
        #expect(rig.core.conditions.noHardwareFault)
        rig.bench.gpio.injectFailure(on: .paPower, errno: .ioError)
        for _ in 0..<100 { rig.tick() }
        #expect(!rig.core.conditions.noHardwareFault, "found by the read-back within 100 ticks")
        #expect(rig.core.powerAmplifierWriteFault)
        #expect(rig.core.state == .fault)
        #expect(rig.core.snapshot.outputWriteFailures > 0)
        #expect(try rig.auditEntries().contains { $0.event == "output_write_failed" && $0.details["source"] == "pa_power" })
        #expect(!rig.core.clearFaults(atNanoseconds: UInt64(rig.next), utc: nil), "not while the line fails")
        rig.bench.gpio.clearFailure(on: .paPower)
        rig.tick()
        #expect(rig.core.clearFaults(atNanoseconds: UInt64(rig.next), utc: nil))
        rig.tick()
        #expect(rig.core.conditions.noHardwareFault)
        #expect(try rig.auditEntries().contains { $0.event == "output_write_fault_cleared" })
    }
}
