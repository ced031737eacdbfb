import Foundation
import Orbit
import Testing

@testable import Terminal

/// The tick's tracker and the scheduler use one ephemeris: the same propagators in memory
/// (the daemon holds one set of SGP4 terms per satellite, not two), and the same indices, so
/// the satellite the scheduler chose is the one the tick steers at.
@Suite struct SharedEphemerisTests {
    static let startUTC = 1_787_428_800.0  // 2026-08-23T00:00:00Z
    static let observer = GeodeticPosition(latitudeDegrees: 47.37, longitudeDegrees: 8.54, heightMetres: 408)

    @Test func trackerAndSchedulerShareOnePropagatorTable() throws {
        let sets = try StarlinkShells.shell1.elementSets(epoch: JulianDate(unixSeconds: Self.startUTC))
        let tracker = SatelliteTracker(elementSets: sets, observer: Self.observer)
        let schedule = ScheduleService(tracker: tracker)
        #expect(schedule.ephemeris.sharesPropagators(with: tracker.ephemeris))
        #expect(tracker.count == sets.count)
        // A copy of the tracker (the tick owns one) still shares them.
        let copy = tracker
        #expect(copy.ephemeris.sharesPropagators(with: schedule.ephemeris))
        // Two ephemerides built from the same sets do not.
        let other = SatelliteTracker(elementSets: sets, observer: Self.observer)
        #expect(!other.ephemeris.sharesPropagators(with: tracker.ephemeris))
    }

    @Test func theAssignedIndexIsTheScheduledSatellite() throws {
        let sets = try StarlinkShells.shell1.elementSets(epoch: JulianDate(unixSeconds: Self.startUTC))
        let tracker = SatelliteTracker(elementSets: sets, observer: Self.observer)
        var schedule = ScheduleService(tracker: tracker)
        let instant = JulianDate(unixSeconds: Self.startUTC + 20)
        let assignment = schedule.assignment(at: instant, position: Self.observer, restricted: false)
        let index = assignment.satellite(atUnixNanoseconds: Int64((Self.startUTC + 20) * 1e9))
        try #require(index >= 0, "shell 1 always has a satellite above 25° over Zürich")
        let decided = try #require(
            schedule.decisions.first { $0.slot.index == schedule.slotClock.slot(containing: instant).index })
        #expect(decided.serving?.catalogNumber == tracker.ephemeris.satellites[Int(index)].catalogNumber)
        let look = try tracker.lookAngles(satellite: Int(index), at: instant)
        #expect(look.elevationDegrees > 25)
    }
}
