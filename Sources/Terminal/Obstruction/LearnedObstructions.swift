import Foundation
import Handover
import Synchronization

/// The obstruction map the running terminal learns, shared between the thread that feeds it
/// (the daemon's once-a-second housekeeping, from the tick's 1 s history samples), the
/// scheduler (which avoids what was learned blocked) and the status API (`/obstructions`,
/// `obstruction_stats`).
///
/// A second counts as an observation when the beam was steered at a satellite for all of it
/// (`trackingFraction` 1): the link's quality for that second is recorded in the cell of the
/// direction the beam pointed to at its end, and `validSeconds` (the dish's `valid_s`) grows
/// by one. `version` changes only when the map's verdict changes somewhere (a cell becomes
/// obstructed or clear, or a reset), so the scheduler re-plans only then.
package final class LearnedObstructions: Sendable {
    private struct Learned {
        var map: ObstructionMap
        var seconds = 0
        var changes: UInt64 = 0
    }

    private let learned: Mutex<Learned>
    private let initial: ObstructionMap

    /// What was learned, as one consistent picture.
    package struct Snapshot: Sendable, Hashable {
        /// The map (static sectors and learned cells).
        package var map: ObstructionMap
        /// Seconds of observation behind it.
        package var validSeconds: Int
        /// Changes of the map's verdict so far.
        package var version: UInt64
    }

    /// Learning on top of `map` (its static sectors stay; its learned cells, if any, too).
    package init(map: ObstructionMap = ObstructionMap()) {
        learned = Mutex(Learned(map: map))
        initial = map
    }

    /// Records one second of the terminal's life: when the beam was on a satellite all
    /// second, the link's quality toward where it pointed. Returns whether the second counted.
    @discardableResult
    package func record(_ sample: HistorySample, link: any LinkQualitySource) -> Bool {
        guard sample.trackingFraction >= 1, sample.servingIndex >= 0 else { return false }
        let azimuth = Double(sample.azimuthDegrees)
        let elevation = Double(sample.elevationDegrees)
        guard let quality = link.signalQuality(azimuthDegrees: azimuth, elevationDegrees: elevation) else { return false }
        return record(signalQuality: quality, azimuthDegrees: azimuth, elevationDegrees: elevation)
    }

    /// Records one second's observed quality toward a direction. Returns whether it counted
    /// (a direction below the horizon or a non-finite value does not).
    @discardableResult
    package func record(signalQuality: Double, azimuthDegrees: Double, elevationDegrees: Double) -> Bool {
        guard signalQuality.isFinite, azimuthDegrees.isFinite, elevationDegrees.isFinite, elevationDegrees >= 0 else {
            return false
        }
        return learned.withLock { state in
            let before = state.map.isObstructed(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees)
            state.map.record(signalQuality: signalQuality, azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees)
            if state.map.isObstructed(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees) != before {
                state.changes += 1
            }
            state.seconds += 1
            return true
        }
    }

    /// Forgets what was learned (the static sectors stay), as the dish's "reset obstruction map".
    package func reset() {
        learned.withLock { state in
            state.map = initial
            state.map.resetLearned()
            state.seconds = 0
            state.changes += 1
        }
    }

    /// The map now.
    package func snapshot() -> Snapshot {
        learned.withLock { Snapshot(map: $0.map, validSeconds: $0.seconds, version: $0.changes) }
    }

    /// Changes of the map's verdict so far (cheap; compare before taking a snapshot).
    package var version: UInt64 { learned.withLock { $0.changes } }
}
