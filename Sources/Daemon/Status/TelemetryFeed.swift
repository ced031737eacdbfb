import Foundation
import Platform
import RealTime
import Synchronization
import Terminal

/// The adapter between the tick's hand-offs (`TerminalChannels`) and the status API: it
/// drains the 1 s history ring into a bounded ``HistoryWindow``, reads the snapshot and
/// assignment mailboxes, follows outages, names satellites, and assembles ``DaemonStatus``.
///
/// The tick's history ring has one consumer: every drain happens here, under this object's
/// lock (the daemon's housekeeping thread drains once a second so the ring never fills; a
/// request drains first so it sees the latest second).
package final class TelemetryFeed: Sendable {

    /// What the feed cannot read from the channels, read when a status is assembled.
    package struct Context: Sendable {
        /// Software version.
        package var softwareVersion: String
        /// Board name.
        package var boardName: String
        /// The array's boresight (azimuth, elevation), degrees.
        package var boresight: (azimuthDegrees: Double, elevationDegrees: Double)
        /// Whether positions may be reported.
        package var reportLocation: Bool
        /// Monotonic nanoseconds at the daemon's start.
        package var startNanoseconds: UInt64
        /// The loop's timing.
        package var loop: @Sendable () -> LoopStatisticsSummary?
        /// Obstruction figures for a beam direction (azimuth, elevation; NaN when not steering).
        package var obstruction: @Sendable (_ azimuthDegrees: Double, _ elevationDegrees: Double) -> ObstructionSummary
        /// The policy in force and the names of its rules, by rule index.
        package var policy: @Sendable () -> (policy: DaemonStatus.Policy, ruleNames: [String])?
        /// Called with every history sample as it is drained, once each, in order (the
        /// daemon learns its obstruction map here).
        package var observe: @Sendable (HistorySample) -> Void
        /// The configured service plan (`service.plan`), for `/status`.
        package var servicePlan: String?

        /// Builds a context.
        package init(
            softwareVersion: String, boardName: String, boresight: (azimuthDegrees: Double, elevationDegrees: Double),
            reportLocation: Bool, startNanoseconds: UInt64, loop: @escaping @Sendable () -> LoopStatisticsSummary?,
            obstruction: @escaping @Sendable (_ azimuthDegrees: Double, _ elevationDegrees: Double) -> ObstructionSummary,
            policy: @escaping @Sendable () -> (policy: DaemonStatus.Policy, ruleNames: [String])?,
            observe: @escaping @Sendable (HistorySample) -> Void = { _ in }
        ) {
            self.softwareVersion = softwareVersion
            self.boardName = boardName
            self.boresight = boresight
            self.reportLocation = reportLocation
            self.startNanoseconds = startNanoseconds
            self.loop = loop
            self.obstruction = obstruction
            self.policy = policy
            self.observe = observe
        }
    }

    /// The channels read.
    package let channels: TerminalChannels
    private let satelliteCount: Int
    private let identity: @Sendable (Int) -> (name: String, catalogNumber: Int)
    private let network: @Sendable (Int) -> String?
    private let context: Context
    /// The history window and the outage bookkeeping, drained into by the housekeeping thread
    /// and read by the status API's.
    private struct Drained {
        var window: HistoryWindow
        var outageCause: UInt8 = 255
        var outageStartUTCSeconds: Int64?
    }

    private let drained: Mutex<Drained>

    /// A feed over `channels`, keeping `historySeconds` samples; `satellites` are the tracker's
    /// element sets' names and catalogue numbers, in tracker order.
    package convenience init(
        channels: TerminalChannels, satellites: [(name: String, catalogNumber: Int)], historySeconds: Int, context: Context
    ) {
        self.init(
            channels: channels, satelliteCount: satellites.count, satellite: { satellites[$0] }, historySeconds: historySeconds,
            context: context)
    }

    /// A feed over `channels` naming the `satelliteCount` tracked satellites through
    /// `satellite` (tracker index → name and catalogue number) and `constellation` (tracker
    /// index → network name), so the daemon reads them from the ephemeris it already holds
    /// instead of keeping a copy here.
    package init(
        channels: TerminalChannels, satelliteCount: Int,
        satellite: @escaping @Sendable (Int) -> (name: String, catalogNumber: Int),
        constellation: @escaping @Sendable (Int) -> String? = { _ in nil },
        historySeconds: Int, context: Context
    ) {
        self.channels = channels
        self.satelliteCount = satelliteCount
        identity = satellite
        network = constellation
        self.context = context
        drained = Mutex(Drained(window: HistoryWindow(capacity: historySeconds)))
    }

    /// Moves every sample the tick has published into the window; returns how many.
    @discardableResult
    package func drainHistory() -> Int {
        drained.withLock { state in
            channels.history.drain { sample in
                state.window.append(sample)
                context.observe(sample)
                if sample.outageCause != state.outageCause {
                    state.outageCause = sample.outageCause
                    state.outageStartUTCSeconds = sample.utcSeconds > 0 ? sample.utcSeconds : nil
                }
            }
        }
    }

    /// The newest `limit` samples (all kept when nil), oldest first, and the count ever seen.
    package func history(limit: Int?) -> (samples: [HistorySample], total: UInt64) {
        drainHistory()
        return drained.withLock { ($0.window.samples(limit: limit), $0.window.total) }
    }

    /// The satellite at a tracker index.
    package func satellite(_ index: Int32) -> DaemonStatus.Satellite? {
        guard index >= 0, Int(index) < satelliteCount else { return nil }
        let (name, catalogNumber) = identity(Int(index))
        return DaemonStatus.Satellite(
            index: index, name: name, catalogNumber: catalogNumber, constellation: network(Int(index)))
    }

    /// The beam direction of the latest snapshot (azimuth, elevation), degrees; (NaN, NaN) when
    /// no satellite is being steered at.
    package func beamDirection() -> (azimuthDegrees: Double, elevationDegrees: Double) {
        let snapshot = channels.snapshots.read()
        return snapshot.servingIndex >= 0 ? (snapshot.azimuthDegrees, snapshot.elevationDegrees) : (.nan, .nan)
    }

    /// Seconds from the snapshot to the first slot with a satellite: 0 while one is
    /// assigned now, nil when none is assigned in this slot or the next (or UTC is unknown).
    package static func secondsToFirstNonemptySlot(_ assignment: ServingAssignment, utcNanoseconds: Int64) -> Double? {
        guard utcNanoseconds != .min else { return nil }
        if assignment.satellite(atUnixNanoseconds: utcNanoseconds) >= 0 { return 0 }
        if assignment.nextSatelliteIndex >= 0, assignment.nextSlotStartUnixNanoseconds > utcNanoseconds {
            return Double(assignment.nextSlotStartUnixNanoseconds - utcNanoseconds) / 1e9
        }
        return nil
    }

    /// The status now.
    package func status() -> DaemonStatus {
        drainHistory()
        let snapshot = channels.snapshots.read()
        let loop = context.loop()
        let policy = context.policy()
        let steering = snapshot.servingIndex >= 0
        let obstruction = context.obstruction(
            steering ? snapshot.azimuthDegrees : .nan, steering ? snapshot.elevationDegrees : .nan)
        var zone: String?
        if let names = policy?.ruleNames, snapshot.geofenceRuleIndex >= 0, Int(snapshot.geofenceRuleIndex) < names.count {
            zone = names[Int(snapshot.geofenceRuleIndex)]
        }
        let outage = snapshot.outage.map { cause -> DaemonStatus.Outage in
            let start = drained.withLock { $0.outageCause == cause.rawValue ? $0.outageStartUTCSeconds : nil }
            let nowSeconds = snapshot.utcNanoseconds == .min ? nil : Double(snapshot.utcNanoseconds) / 1e9
            let duration = zip(start, nowSeconds).map { max(0, $1 - Double($0)) } ?? 0
            return DaemonStatus.Outage(cause: cause, startUTCSeconds: start, durationSeconds: duration)
        }
        let now = MonotonicTime.unsignedNanoseconds()
        return DaemonStatus(
            snapshot: snapshot, uptimeSeconds: Double(now &- context.startNanoseconds) / 1e9,
            softwareVersion: context.softwareVersion, boardName: context.boardName, boresight: context.boresight,
            desiredBoresight: context.boresight, servingSatellite: steering ? satellite(snapshot.servingIndex) : nil,
            secondsToFirstNonemptySlot: Self.secondsToFirstNonemptySlot(
                channels.assignments.read(), utcNanoseconds: snapshot.utcNanoseconds),
            geofenceZoneName: zone,
            alerts: StatusAlerts.names(snapshot: snapshot, loop: loop, policyIsExample: policy?.policy.isExample ?? false),
            outage: outage, obstruction: obstruction, loop: loop, policy: policy?.policy, reportLocation: context.reportLocation,
            servicePlan: context.servicePlan)
    }

    /// The obstruction grid now.
    package func obstructions() -> ObstructionSummary {
        let (azimuth, elevation) = beamDirection()
        return context.obstruction(azimuth, elevation)
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
