import Foundation
import Handover
import Orbit
import Testing

@testable import Terminal

/// Element sets refreshed while the terminal transmits (the daemon's SIGHUP or
/// `POST /elements/reload`): the tick takes them at its next tick, keeps the satellite it
/// serves and keeps transmitting, and the scheduler keeps the slot in force.
@Suite struct ElementReloadTests {
    /// The same orbits fitted `seconds` later: each satellite's epoch moved on and its mean
    /// anomaly advanced by the mean motion, as a newer element set of the same satellite is.
    static func refitted(_ sets: [ElementSet], later seconds: Double) -> [ElementSet] {
        sets.map { old in
            var new = old
            new.epoch = JulianDate(unixSeconds: old.epoch.unixSeconds + seconds)
            new.meanAnomalyDegrees = (old.meanAnomalyDegrees + old.meanMotionRevsPerDay * 360 * seconds / 86_400)
                .truncatingRemainder(dividingBy: 360)
            return new
        }
    }

    static var startSets: [ElementSet] {
        EmbeddedConstellation.elementSets(epoch: JulianDate(unixSeconds: Double(TerminalCoreRig.startUnixNanoseconds) / 1e9))
    }

    @Test func theTickTakesRefreshedElementsWithoutDroppingTheLink() throws {
        let rig = try TerminalCoreRig()
        try #require(rig.runUntilTransmitting() != nil, "the rig transmits")
        #expect(rig.staysTransmitting(forTicks: 200))
        let serving = rig.core.pointingSample.satelliteIndex
        let before = rig.core.pointingSample

        let refresh = rig.assembly.ephemeris.refreshed(with: Self.refitted(Self.startSets, later: 60))
        #expect(refresh.updated == rig.assembly.ephemeris.count)
        rig.assembly.channels.ephemerides.deposit(refresh.ephemeris)
        #expect(rig.tick(), "transmitting through the tick that takes the new elements")
        #expect(rig.core.tracker.ephemeris.sharesPropagators(with: refresh.ephemeris), "taken at the next tick")
        #expect(rig.core.pointingSample.satelliteIndex == serving, "the same satellite, at the same index")
        #expect(rig.assembly.channels.ephemerides.takeRetired() == 1, "the replaced ephemeris is freed off the tick")
        // The refit differs from the old elements by SGP4's secular terms over 60 s only: the
        // beam moves by far less than a beamwidth.
        let after = rig.core.pointingSample
        #expect(abs(after.elevationDegrees - before.elevationDegrees) < 0.5)
        #expect(rig.staysTransmitting(forTicks: 500), "no drop after the swap")
    }

    @Test func anEphemerisOfAnotherSizeIsNotUsed() throws {
        let rig = try TerminalCoreRig()
        try #require(rig.runUntilTransmitting() != nil)
        let other = ConstellationEphemeris(elementSets: Array(Self.startSets.prefix(10)))
        rig.assembly.channels.ephemerides.deposit(other)
        #expect(rig.tick())
        #expect(!rig.core.tracker.ephemeris.sharesPropagators(with: other))
        #expect(rig.core.tracker.ephemeris.sharesPropagators(with: rig.assembly.ephemeris))
    }

    @Test func theSchedulerKeepsTheSlotInForceAndDecidesTheNextAgain() throws {
        let epoch = JulianDate(unixSeconds: Double(TerminalCoreRig.startUnixNanoseconds) / 1e9)
        let position = GeodeticPosition(latitudeDegrees: -33.92, longitudeDegrees: 18.42, heightMetres: 0)
        let tracker = SatelliteTracker(elementSets: Self.startSets, observer: position)
        var schedule = ScheduleService(tracker: tracker)
        let now = JulianDate(unixSeconds: epoch.unixSeconds + 20)
        let first = schedule.assignment(at: now, position: position, restricted: false)
        try #require(first.satelliteIndex >= 0, "a satellite serves Cape Town")
        let refresh = tracker.ephemeris.refreshed(with: Self.refitted(Self.startSets, later: 3_600))
        let replaced = schedule.replaceEphemeris(refresh.ephemeris, keepingSlotsStartedBy: now)
        #expect(replaced)
        #expect(schedule.ephemeris.sharesPropagators(with: refresh.ephemeris))
        #expect(schedule.decisions.allSatisfy { $0.slot.start <= now }, "the next slot is decided again")
        let second = schedule.assignment(at: now, position: position, restricted: false)
        #expect(second.satelliteIndex == first.satelliteIndex, "the slot in force keeps its satellite")
        let wrongSize = schedule.replaceEphemeris(ConstellationEphemeris(elementSets: []), keepingSlotsStartedBy: now)
        #expect(!wrongSize, "an ephemeris of another size is not used")
    }
}
