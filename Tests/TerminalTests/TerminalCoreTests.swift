import Drivers
import Geofence
import HAL
import Testing

@testable import Terminal

/// The tick's decisions, one transmit condition at a time, on the whole terminal over HALSim:
/// from a transmitting terminal, breaking the condition drops transmit-enable on the wire in
/// that very tick (the beamformer: within its 50 ms lag), the tick names the condition, and
/// (where the cause can end) transmit comes back once it holds again — never sooner.
@Suite(.serialized) struct TerminalCoreTests {
    /// A rig that transmits, having checked that it got there.
    static func transmittingRig(policyValidForSeconds: Int64 = 86_400) throws -> TerminalCoreRig {
        let rig = try TerminalCoreRig(policyValidForSeconds: policyValidForSeconds)
        let ticks = try #require(rig.runUntilTransmitting(), "the rig never transmitted: \(rig.core.conditions)")
        #expect(ticks < 2_000, "transmitting after \(ticks) ticks")
        #expect(rig.staysTransmitting(forTicks: 100))
        return rig
    }

    @Test func aHardwareFaultDropsTransmitInTheSameTick() throws {
        let rig = try Self.transmittingRig()
        rig.bench.drive(.faultIn, to: .active, atNanoseconds: rig.next)
        #expect(!rig.tick(), "transmit-enable still high in the tick the fault was seen")
        #expect(!rig.core.conditions.noHardwareFault)
        // The fault latches: the input going quiet is not enough, the operator clears it.
        rig.bench.drive(.faultIn, to: .inactive, atNanoseconds: rig.next)
        #expect((0..<200).allSatisfy { _ in !rig.tick() })
        _ = rig.core.faults.clear(atNanoseconds: UInt64(rig.next), utc: nil)
        #expect(rig.runUntilTransmitting(withinTicks: 100) != nil)
    }

    @Test func missedDeadlinesDropTransmitInTheSameTick() throws {
        let rig = try Self.transmittingRig()
        #expect(!rig.tick(deadlinesMet: false))
        #expect(!rig.core.conditions.loopDeadlinesMet)
        // Back only after the loop has been healthy for the recovery time (2 s), not at once.
        #expect(rig.runUntilTransmitting(withinTicks: 1_900) == nil, "not before the recovery time")
        #expect(rig.runUntilTransmitting(withinTicks: 300) != nil)
    }

    @Test func unknownUTCDropsTransmitInTheSameTick() throws {
        let rig = try Self.transmittingRig()
        #expect(!rig.tick(utcKnown: false))
        #expect(!rig.core.conditions.utcKnown)
        #expect(rig.runUntilTransmitting(withinTicks: 100) != nil)
    }

    @Test func anOperatorStowDropsTransmitInTheSameTick() throws {
        let rig = try Self.transmittingRig()
        rig.assembly.channels.stow.requestStop()
        #expect(!rig.tick())
        #expect(rig.core.state == .stowed)
        #expect((0..<100).allSatisfy { _ in !rig.tick() })
        #expect(rig.assembly.channels.unstow() == .resumed)
        #expect(rig.runUntilTransmitting(withinTicks: 100) != nil)
    }

    @Test func noScheduledSatelliteDropsTransmitInTheSameTick() throws {
        let rig = try Self.transmittingRig()
        rig.assembly.channels.assignments.publish(.none)
        #expect(!rig.tick())
        #expect(!rig.core.conditions.satelliteScheduled)
    }

    /// The first fix inside the zone (290 m east, the zone's edge at 250 m): off in its tick,
    /// with the zone named; back on after a fix outside (beyond the exit hysteresis) again.
    @Test func aFixInsideARestrictedZoneDropsTransmitInItsTick() throws {
        let rig = try Self.transmittingRig()
        rig.fixPosition = TerminalCoreRig.east(290)
        // Tick up to the next whole second, when the fix is published.
        while rig.next % 1_000_000_000 != 0 { #expect(rig.tick()) }
        #expect(!rig.tick(), "transmit-enable still high in the tick of the first fix inside")
        #expect(!rig.core.conditions.insideAllowedZone)
        #expect(rig.core.geofenceDecision.reason == .insideZone)
        #expect(rig.core.geofenceDecision.zoneName == "restricted")
        #expect((0..<2_000).allSatisfy { _ in !rig.tick() }, "never on again while inside")
        rig.fixPosition = TerminalCoreRig.site
        #expect(rig.runUntilTransmitting(withinTicks: 1_500) != nil)
    }

    /// Fixes stop: transmit holds while the last fix is at most 5 s old, and drops in the tick
    /// it is older (`GeofenceConfiguration.maximumFixAge`).
    @Test func aStaleFixDropsTransmit() throws {
        let rig = try Self.transmittingRig()
        while rig.next % 1_000_000_000 != 0 { rig.tick() }
        let lastFix = rig.next
        rig.tick()  // publishes the last fix
        rig.fixPosition = nil
        while rig.next - lastFix <= 5_000_000_000 { #expect(rig.tick(), "at \(rig.next - lastFix) ns after the last fix") }
        #expect(!rig.tick(), "older than 5 s")
        #expect(!rig.core.conditions.positionFixFresh)
        #expect(rig.core.geofenceDecision.reason == .staleFix)
        rig.fixPosition = TerminalCoreRig.site
        #expect(rig.runUntilTransmitting(withinTicks: 1_500) != nil)
    }

    /// A policy valid for 3 s: transmit drops in the first tick past its end and stays off.
    @Test func anExpiredPolicyDropsTransmit() throws {
        let rig = try Self.transmittingRig(policyValidForSeconds: 3)
        while rig.next <= 3_000_000_000 { #expect(rig.tick(), "at \(rig.next) ns") }
        #expect(!rig.tick())
        #expect(!rig.core.conditions.policyValid)
        #expect((0..<500).allSatisfy { _ in !rig.tick() })
    }

    /// The bridge unplugged: the driver notices on its next service (every 10 ms here) and
    /// transmit drops within the tick's 50 ms beamformer lag; it returns after the replug.
    @Test func anUnpluggedBeamformerDropsTransmitWithinItsLag() throws {
        let rig = try Self.transmittingRig()
        rig.bench.unplugBeamformer(atNanoseconds: rig.next)
        var ticks = 0
        while rig.tick() { ticks += 1 }
        #expect(ticks <= 50, "off after \(ticks) ticks")
        #expect(!rig.core.conditions.beamformerHealthy)
        rig.bench.replugBeamformer(atNanoseconds: rig.next)
        #expect(rig.runUntilTransmitting(withinTicks: 2_000) != nil)
    }
}
