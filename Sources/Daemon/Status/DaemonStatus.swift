import Foundation
import RealTime
import Terminal

/// Everything `/status` reports, gathered from the terminal's telemetry and the daemon's own
/// bookkeeping; ``StatusJSON`` writes it in the dish's vocabulary.
package struct DaemonStatus: Sendable {
    /// A satellite named for people.
    package struct Satellite: Sendable, Hashable {
        /// Index in the tracker.
        package var index: Int32
        /// Name from the element set (`STARLINK-1234`, or the shell's generated name).
        package var name: String
        /// NORAD catalogue number.
        package var catalogNumber: Int
        /// The network it belongs to (`starlink`, `oneweb`, …), when known.
        package var constellation: String?

        /// Builds one.
        package init(index: Int32, name: String, catalogNumber: Int, constellation: String? = nil) {
            self.index = index
            self.name = name
            self.catalogNumber = catalogNumber
            self.constellation = constellation
        }
    }

    /// An outage in progress.
    package struct Outage: Sendable, Hashable {
        /// Why.
        package var cause: OutageCause
        /// UTC of the first second without service, seconds since the Unix epoch (nil when
        /// UTC was unknown).
        package var startUTCSeconds: Int64?
        /// Seconds so far.
        package var durationSeconds: Double

        /// Builds one.
        package init(cause: OutageCause, startUTCSeconds: Int64?, durationSeconds: Double) {
            self.cause = cause
            self.startUTCSeconds = startUTCSeconds
            self.durationSeconds = durationSeconds
        }
    }

    /// The policy in force.
    package struct Policy: Sendable, Hashable {
        /// Its name.
        package var name: String
        /// Its version.
        package var version: Int
        /// End of validity, ISO-8601 UTC.
        package var validUntil: String
        /// Whether it is marked as an example.
        package var isExample: Bool

        /// Builds one.
        package init(name: String, version: Int, validUntil: String, isExample: Bool) {
            self.name = name
            self.version = version
            self.validUntil = validUntil
            self.isExample = isExample
        }
    }

    /// The latest snapshot of the tick.
    package var snapshot: TerminalSnapshot
    /// Seconds since the daemon started.
    package var uptimeSeconds: Double
    /// Software version.
    package var softwareVersion: String
    /// Board name.
    package var boardName: String
    /// The array's mechanical boresight (azimuth, elevation), degrees.
    package var boresight: (azimuthDegrees: Double, elevationDegrees: Double)
    /// Where the mount should point (the same for a fixed mount; a motorised one would differ).
    package var desiredBoresight: (azimuthDegrees: Double, elevationDegrees: Double)
    /// The serving satellite, if any.
    package var servingSatellite: Satellite?
    /// Seconds until the first slot with a satellite: 0 while served, nil when none is
    /// scheduled within the next slot.
    package var secondsToFirstNonemptySlot: Double?
    /// The name of the zone whose rule decides the geofence action, if any.
    package var geofenceZoneName: String?
    /// Alerts in force, by name.
    package var alerts: [String]
    /// The outage in progress, if any.
    package var outage: Outage?
    /// Obstruction figures.
    package var obstruction: ObstructionSummary
    /// The loop's timing, once it has run.
    package var loop: LoopStatisticsSummary?
    /// The policy in force, if any.
    package var policy: Policy?
    /// Whether the position may be reported.
    package var reportLocation: Bool
    /// The configured service plan (nil: none).
    package var servicePlan: String?

    /// Builds a status.
    package init(
        snapshot: TerminalSnapshot, uptimeSeconds: Double, softwareVersion: String, boardName: String,
        boresight: (azimuthDegrees: Double, elevationDegrees: Double),
        desiredBoresight: (azimuthDegrees: Double, elevationDegrees: Double), servingSatellite: Satellite?,
        secondsToFirstNonemptySlot: Double?, geofenceZoneName: String?, alerts: [String], outage: Outage?,
        obstruction: ObstructionSummary, loop: LoopStatisticsSummary?, policy: Policy?, reportLocation: Bool,
        servicePlan: String? = nil
    ) {
        self.servicePlan = servicePlan
        self.snapshot = snapshot
        self.uptimeSeconds = uptimeSeconds
        self.softwareVersion = softwareVersion
        self.boardName = boardName
        self.boresight = boresight
        self.desiredBoresight = desiredBoresight
        self.servingSatellite = servingSatellite
        self.secondsToFirstNonemptySlot = secondsToFirstNonemptySlot
        self.geofenceZoneName = geofenceZoneName
        self.alerts = alerts
        self.outage = outage
        self.obstruction = obstruction
        self.loop = loop
        self.policy = policy
        self.reportLocation = reportLocation
    }
}

/// The obstruction figures of `/status` (`obstruction_stats`) and the grid of `/obstructions`.
package struct ObstructionSummary: Sendable, Hashable {
    /// `fraction_obstructed`.
    package var fractionObstructed: Double
    /// `currently_obstructed`: the beam's direction is blocked.
    package var currentlyObstructed: Bool
    /// `valid_s`: seconds of observation behind the map.
    package var validSeconds: Double
    /// `wedge_fraction_obstructed`, 12 wedges of 30° from north.
    package var wedgeFractionObstructed: [Double]
    /// Columns (azimuth) of the grid.
    package var azimuthBinCount: Int
    /// Rows (elevation, from the horizon up) of the grid.
    package var elevationBinCount: Int
    /// Signal quality per cell, row by row from the horizon up, −1 = no data.
    package var signalQuality: [Double]

    /// Builds one.
    package init(
        fractionObstructed: Double, currentlyObstructed: Bool, validSeconds: Double, wedgeFractionObstructed: [Double],
        azimuthBinCount: Int, elevationBinCount: Int, signalQuality: [Double]
    ) {
        self.fractionObstructed = fractionObstructed
        self.currentlyObstructed = currentlyObstructed
        self.validSeconds = validSeconds
        self.wedgeFractionObstructed = wedgeFractionObstructed
        self.azimuthBinCount = azimuthBinCount
        self.elevationBinCount = elevationBinCount
        self.signalQuality = signalQuality
    }

    /// A clear sky with no observation (12 empty wedges, an empty 5° grid).
    package static let empty = ObstructionSummary(
        fractionObstructed: 0, currentlyObstructed: false, validSeconds: 0,
        wedgeFractionObstructed: Array(repeating: 0, count: 12), azimuthBinCount: 72, elevationBinCount: 18,
        signalQuality: Array(repeating: -1, count: 72 * 18))
}
