import Foundation
import Handover
import Orbit
import Testing

@testable import Terminal

/// The obstruction map learned at run time: which seconds count, what a clear and a blocked
/// simulated sky teach, when the verdict changes, the reset, and that the scheduler avoids
/// what was learned blocked.
@Suite struct LearnedObstructionsTests {
    static func second(azimuth: Float, elevation: Float, tracking: Float = 1, serving: Int32 = 7) -> HistorySample {
        var sample = HistorySample.empty
        sample.state = .tracking
        sample.servingIndex = serving
        sample.azimuthDegrees = azimuth
        sample.elevationDegrees = elevation
        sample.trackingFraction = tracking
        sample.ticks = 1_000
        return sample
    }

    @Test func aClearSkyIsLearnedClearAndCounted() {
        let learned = LearnedObstructions()
        let link = SimulatedSkyLink()
        for step in 0..<10 {
            #expect(learned.record(Self.second(azimuth: 100 + Float(step), elevation: 60), link: link))
        }
        let snapshot = learned.snapshot()
        #expect(snapshot.validSeconds == 10)
        #expect(snapshot.version == 0, "nothing became obstructed")
        #expect(snapshot.map.signalQuality(azimuthDegrees: 102, elevationDegrees: 60) == 1)
        #expect(snapshot.map.signalQuality(azimuthDegrees: 300, elevationDegrees: 60) == ObstructionMap.noData)
        #expect(snapshot.map.statistics().fractionObstructed == 0)
        #expect(snapshot.map.statistics().fractionKnown > 0)
    }

    @Test func onlySecondsSteeredThroughoutCount() {
        let learned = LearnedObstructions()
        let link = SimulatedSkyLink()
        #expect(!learned.record(Self.second(azimuth: 100, elevation: 60, tracking: 0.5), link: link), "half a second steered")
        #expect(!learned.record(Self.second(azimuth: 100, elevation: 60, serving: -1), link: link), "no satellite")
        #expect(!learned.record(Self.second(azimuth: 100, elevation: -3), link: link), "below the horizon")
        #expect(!learned.record(Self.second(azimuth: .nan, elevation: 50), link: link))
        #expect(learned.snapshot().validSeconds == 0)
        #expect(learned.snapshot().map.observationCount == 0)
    }

    @Test func aBlockedDirectionIsLearnedChangesTheVerdictAndResets() {
        let tree = ObstructionSector(label: "tree", azimuthFromDegrees: 80, azimuthToDegrees: 120, maximumElevationDegrees: 40)
        let learned = LearnedObstructions()
        let link = SimulatedSkyLink(obstructions: [tree])
        #expect(link.signalQuality(azimuthDegrees: 100, elevationDegrees: 30) == 0)
        #expect(link.signalQuality(azimuthDegrees: 100, elevationDegrees: 50) == 1)

        learned.record(Self.second(azimuth: 100, elevation: 50), link: link)
        #expect(learned.version == 0)
        learned.record(Self.second(azimuth: 100, elevation: 30), link: link)
        #expect(learned.version == 1, "a cell became obstructed")
        learned.record(Self.second(azimuth: 101, elevation: 31), link: link)
        #expect(learned.version == 1, "the same cell again: no change of verdict")
        var snapshot = learned.snapshot()
        #expect(snapshot.validSeconds == 3)
        #expect(snapshot.map.isObstructed(azimuthDegrees: 100, elevationDegrees: 30))
        #expect(!snapshot.map.isObstructed(azimuthDegrees: 100, elevationDegrees: 50))
        #expect(snapshot.map.statistics().fractionObstructed > 0)
        #expect(snapshot.map.statistics().wedgeFractionObstructed[3] > 0, "the 90°–120° wedge")

        learned.reset()
        snapshot = learned.snapshot()
        #expect(snapshot.validSeconds == 0)
        #expect(snapshot.version == 2)
        #expect(snapshot.map.observationCount == 0)
        #expect(!snapshot.map.isObstructed(azimuthDegrees: 100, elevationDegrees: 30))
    }

    @Test func resetKeepsStaticSectors() {
        let wall = ObstructionSector(label: "wall", azimuthFromDegrees: 200, azimuthToDegrees: 220, maximumElevationDegrees: 45)
        let learned = LearnedObstructions(map: ObstructionMap(staticSectors: [wall]))
        learned.record(signalQuality: 0, azimuthDegrees: 10, elevationDegrees: 60)
        learned.reset()
        let map = learned.snapshot().map
        #expect(map.isObstructed(azimuthDegrees: 210, elevationDegrees: 30))
        #expect(!map.isObstructed(azimuthDegrees: 10, elevationDegrees: 60))
    }

    /// The scheduler takes a learned map while it runs (`ScheduleService.constraints`) and
    /// stops choosing a satellite whose track crosses what was learned blocked.
    @Test func theSchedulerAvoidsWhatWasLearnedBlocked() throws {
        let startUTC = 1_787_428_800.0  // 2026-08-23T00:00:00Z
        let observer = GeodeticPosition(latitudeDegrees: 47.37, longitudeDegrees: 8.54, heightMetres: 408)
        let sets = try StarlinkShells.shell1.elementSets(epoch: JulianDate(unixSeconds: startUTC))
        let tracker = SatelliteTracker(elementSets: sets, observer: observer)
        let slotClock = SlotClock.starlink
        let first = slotClock.slot(containing: JulianDate(unixSeconds: startUTC + 20))
        let target = slotClock.slot(index: first.index + 4)

        var plain = ScheduleService(tracker: tracker)
        _ = plain.assignment(at: target.start.adding(seconds: 1), position: observer, restricted: false)
        let chosen = try #require(plain.decisions.first { $0.slot.index == target.index }?.serving)

        // What a terminal serving `chosen` would learn: the signal lost along its track.
        let learned = LearnedObstructions()
        for (azimuth, elevation) in [
            (chosen.startAzimuthDegrees, chosen.startElevationDegrees),
            (chosen.middleAzimuthDegrees, chosen.middleElevationDegrees),
            (chosen.endAzimuthDegrees, chosen.endElevationDegrees),
        ] {
            learned.record(signalQuality: 0, azimuthDegrees: azimuth, elevationDegrees: elevation)
        }
        #expect(learned.version > 0)

        // A service that already decided earlier slots takes the learned map as it runs.
        var running = ScheduleService(tracker: tracker)
        _ = running.assignment(at: first.start.adding(seconds: 1), position: observer, restricted: false)
        running.constraints.obstructionMap = learned.snapshot().map
        _ = running.assignment(at: target.start.adding(seconds: 1), position: observer, restricted: false)
        let decision = try #require(running.decisions.first { $0.slot.index == target.index })
        #expect(decision.serving?.catalogNumber != chosen.catalogNumber, "the blocked satellite is avoided")
        if decision.serving == nil { #expect(decision.outage == .obstructed) }
    }
}
