import Foundation
import Testing

@testable import Daemon
@testable import Terminal

/// The adapter over the real hand-offs: history drained into a bounded window, snapshots,
/// assignments, outages, satellite names.
@Suite struct TelemetryFeedTests {
    static func feed(channels: TerminalChannels, historySeconds: Int = 5) -> TelemetryFeed {
        let context = TelemetryFeed.Context(
            softwareVersion: "test", boardName: "sim", boresight: (0, 90), reportLocation: true, startNanoseconds: 0,
            loop: { nil }, obstruction: { _, _ in .empty },
            policy: { (.init(name: "p", version: 1, validUntil: "2031-01-01T00:00:00Z", isExample: false), ["harbour"]) })
        return TelemetryFeed(
            channels: channels, satellites: [("SAT-A", 1), ("SAT-B", 2)], historySeconds: historySeconds, context: context)
    }

    @Test func historyIsDrainedIntoABoundedWindow() {
        let channels = TerminalChannels(elementCount: 4, historySeconds: 16)
        let feed = Self.feed(channels: channels)
        for second in 0..<12 {
            var sample = HistorySample.empty
            sample.utcSeconds = 1_000 + Int64(second)
            sample.outageCause = second < 8 ? 255 : OutageCause.noSchedule.rawValue
            #expect(channels.history.tryPush(sample))
        }
        let history = feed.history(limit: nil)
        #expect(history.total == 12)
        #expect(history.samples.map(\.utcSeconds) == [1_007, 1_008, 1_009, 1_010, 1_011])
        #expect(feed.history(limit: 2).samples.map(\.utcSeconds) == [1_010, 1_011])
        #expect(channels.history.approximateCount == 0, "the tick's ring was emptied")
    }

    @Test func statusFromSnapshotAndAssignment() {
        let channels = TerminalChannels(elementCount: 4)
        let feed = Self.feed(channels: channels)
        var sample = HistorySample.empty
        sample.utcSeconds = 2_000
        sample.outageCause = OutageCause.noSchedule.rawValue
        _ = channels.history.tryPush(sample)
        var snapshot = TerminalSnapshot.initial
        snapshot.state = .searching
        snapshot.utcNanoseconds = 2_004_500_000_000
        snapshot.outageCause = OutageCause.noSchedule.rawValue
        snapshot.geofenceRuleIndex = 0
        snapshot.geofenceAction = 1
        channels.snapshots.publish(snapshot)
        channels.assignments.publish(
            ServingAssignment(
                slotStartUnixNanoseconds: 1_997_000_000_000, satelliteIndex: -1, nextSlotStartUnixNanoseconds: 2_012_000_000_000,
                nextSatelliteIndex: 1))
        let status = feed.status()
        #expect(status.secondsToFirstNonemptySlot == 7.5)
        #expect(status.outage == DaemonStatus.Outage(cause: .noSchedule, startUTCSeconds: 2_000, durationSeconds: 4.5))
        #expect(status.geofenceZoneName == "harbour")
        #expect(status.alerts == ["receive_only_zone"])
        #expect(status.servingSatellite == nil)
        #expect(feed.beamDirection().azimuthDegrees.isNaN, "no beam direction while not steering")

        snapshot.servingIndex = 1
        snapshot.azimuthDegrees = 200
        snapshot.elevationDegrees = 45
        snapshot.outageCause = 255
        channels.snapshots.publish(snapshot)
        channels.assignments.publish(
            ServingAssignment(
                slotStartUnixNanoseconds: 1_997_000_000_000, satelliteIndex: 1, nextSlotStartUnixNanoseconds: 2_012_000_000_000,
                nextSatelliteIndex: 1))
        let serving = feed.status()
        #expect(serving.servingSatellite?.name == "SAT-B")
        #expect(serving.secondsToFirstNonemptySlot == 0)
        #expect(serving.outage == nil)
        #expect(feed.beamDirection().azimuthDegrees == 200)
        let json = StatusJSON.status(serving).text
        #expect(json.contains("\"location\":{\"latitude_deg\":null"))
    }

    @Test func secondsToFirstNonemptySlotWithoutUTC() {
        #expect(TelemetryFeed.secondsToFirstNonemptySlot(.none, utcNanoseconds: .min) == nil)
        #expect(TelemetryFeed.secondsToFirstNonemptySlot(.none, utcNanoseconds: 5) == nil)
    }

    @Test func windowOrder() {
        var window = HistoryWindow(capacity: 3)
        #expect(window.latest == nil)
        for second in 1...7 {
            var sample = HistorySample.empty
            sample.utcSeconds = Int64(second)
            window.append(sample)
            #expect(window.latest?.utcSeconds == Int64(second))
        }
        #expect(window.samples().map(\.utcSeconds) == [5, 6, 7])
        #expect(window.total == 7)
    }
}
