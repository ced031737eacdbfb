import DishAPI
import Foundation
import Terminal

/// The dish API's view of the running daemon: every read goes through the same
/// ``TelemetryFeed`` as the JSON `/status` (the tick's wait-free snapshot and history hand-offs;
/// the loop never sees gRPC), and every control through the JSON API's own audited paths
/// (``StatusProviders``: the operator stow the tick obeys and audits, the orderly restart, the
/// obstruction map reset).
///
/// Fields utermd cannot know are stated, not invented: `gps_sats` 0 (the position hand-off
/// carries no satellite count), `bootcount` 1 (no boot counter is kept), `power_in` empty.
package struct DaemonDishSource: DishDataSource {
    /// Facts fixed at start-up.
    package struct Identity: Sendable {
        /// `device_info.id`.
        package var deviceID: String
        /// `device_info.hardware_version` (the board's name).
        package var hardwareVersion: String
        /// `device_info.software_version`.
        package var softwareVersion: String
        /// `device_info.country_code` (from the configuration; may be empty).
        package var countryCode: String
        /// `mobility_class`: stationary on a fixed position, mobile with a GNSS receiver.
        package var mobilityClass: SpaceX_API_Device_UserMobilityClass
        /// The array's mechanical boresight (azimuth, elevation), degrees.
        package var mountBoresight: (azimuthDegrees: Double, elevationDegrees: Double)

        /// Builds the identity.
        package init(
            deviceID: String, hardwareVersion: String, softwareVersion: String, countryCode: String,
            mobilityClass: SpaceX_API_Device_UserMobilityClass, mountBoresight: (azimuthDegrees: Double, elevationDegrees: Double)
        ) {
            self.deviceID = deviceID
            self.hardwareVersion = hardwareVersion
            self.softwareVersion = softwareVersion
            self.countryCode = countryCode
            self.mobilityClass = mobilityClass
            self.mountBoresight = mountBoresight
        }
    }

    private let feed: TelemetryFeed
    private let providers: StatusProviders
    private let identity: Identity
    private let settings: DishAPISettings

    /// A source over the daemon's feed and control paths.
    package init(feed: TelemetryFeed, providers: StatusProviders, identity: Identity, settings: DishAPISettings) {
        self.feed = feed
        self.providers = providers
        self.identity = identity
        self.settings = settings
    }

    /// The beam's direction as rotctld reports it: the serving satellite's, else the mount's.
    package func beamDirection() -> (azimuthDegrees: Double, elevationDegrees: Double) {
        let beam = feed.beamDirection()
        return beam.azimuthDegrees.isFinite ? beam : identity.mountBoresight
    }

    package func deviceInfo() -> SpaceX_API_Device_DeviceInfo {
        var info = SpaceX_API_Device_DeviceInfo()
        info.id = identity.deviceID
        info.hardwareVersion = identity.hardwareVersion
        info.softwareVersion = identity.softwareVersion
        info.countryCode = identity.countryCode
        info.bootcount = 1
        info.isHitl = false
        return info
    }

    package func status() -> SpaceX_API_Device_DishGetStatusResponse {
        let status = feed.status()
        let snapshot = status.snapshot
        var response = SpaceX_API_Device_DishGetStatusResponse()
        response.deviceInfo = deviceInfo()
        var state = SpaceX_API_Device_DeviceState()
        state.uptimeS = UInt64(max(0, status.uptimeSeconds))
        response.deviceState = state

        let cause = DishStatusMapping.outageCause(snapshot)
        if let cause {
            var outage = SpaceX_API_Device_DishOutage()
            outage.cause = cause
            if let start = status.outage?.startUTCSeconds, start > 0 { outage.startTimestampNs = UInt64(start) * 1_000_000_000 }
            outage.durationNs = UInt64(max(0, status.outage?.durationSeconds ?? 0) * 1e9)
            response.outage = outage
        }
        let serving = snapshot.servingIndex >= 0 && cause == nil
        let drop = cause != nil ? 1.0 : 0.0
        let throughput = DishLinkModel.throughputBitsPerSecond(dropRate: drop)
        response.popPingDropRate = Float(drop)
        response.popPingLatencyMs = Float(
            serving ? DishLinkModel.popPingLatencyMilliseconds(elevationDegrees: snapshot.elevationDegrees) : .nan)
        response.downlinkThroughputBps = Float(throughput.downlink)
        response.uplinkThroughputBps = Float(throughput.uplink)
        response.secondsToFirstNonemptySlot = Float(status.secondsToFirstNonemptySlot ?? -1)
        response.alerts = DishStatusMapping.alerts(status.alerts)
        response.stowRequested = feed.channels.isStowRequested

        let beam = beamDirection()
        response.boresightAzimuthDeg = Float(beam.azimuthDegrees)
        response.boresightElevationDeg = Float(beam.elevationDegrees)
        var alignment = SpaceX_API_Device_AlignmentStats()
        alignment.boresightAzimuthDeg = Float(identity.mountBoresight.azimuthDegrees)
        alignment.boresightElevationDeg = Float(identity.mountBoresight.elevationDegrees)
        alignment.desiredBoresightAzimuthDeg = Float(status.desiredBoresight.azimuthDegrees)
        alignment.desiredBoresightElevationDeg = Float(status.desiredBoresight.elevationDegrees)
        alignment.tiltAngleDeg = Float(90 - identity.mountBoresight.elevationDegrees)
        response.alignmentStats = alignment

        var obstruction = SpaceX_API_Device_DishObstructionStats()
        obstruction.fractionObstructed = Float(status.obstruction.fractionObstructed)
        obstruction.validS = Float(status.obstruction.validSeconds)
        obstruction.currentlyObstructed = status.obstruction.currentlyObstructed
        obstruction.avgProlongedObstructionIntervalS = .nan
        obstruction.patchesValid = UInt32(status.obstruction.signalQuality.filter { $0 >= 0 }.count)
        response.obstructionStats = obstruction

        var gps = SpaceX_API_Device_DishGpsStats()
        gps.gpsValid = DishStatusMapping.hasUsableFix(snapshot)
        gps.gpsSats = 0
        response.gpsStats = gps

        response.mobilityClass = identity.mobilityClass
        response.classOfService = .consumer
        response.isSnrAboveNoiseFloor = serving
        response.disablementCode = DishStatusMapping.disablementCode(snapshot)
        response.isCellDisabled = response.disablementCode == .blockedCountry || response.disablementCode == .blockedArea
        return response
    }

    package func history() -> SpaceX_API_Device_DishGetHistoryResponse {
        let history = feed.history(limit: DishHistoryRing.capacity)
        return DishHistoryRing.response(seconds: history.samples.map(DishStatusMapping.second), total: history.total)
    }

    package func obstructionMap() -> SpaceX_API_Device_DishGetObstructionMapResponse {
        let grid = feed.obstructions()
        let map = PolarObstructionMap.resample(
            azimuthBinCount: grid.azimuthBinCount, elevationBinCount: grid.elevationBinCount, signalQuality: grid.signalQuality)
        var response = SpaceX_API_Device_DishGetObstructionMapResponse()
        response.numRows = UInt32(map.sideCells)
        response.numCols = UInt32(map.sideCells)
        response.snr = map.signalQuality
        response.minElevationDeg = Float(PolarObstructionMap.minimumElevationDegrees)
        response.maxThetaDeg = Float(PolarObstructionMap.maximumThetaDegrees)
        response.mapReferenceFrame = .frameEarth
        return response
    }

    package func context() -> SpaceX_API_Device_DishGetContextResponse {
        let status = feed.status()
        let snapshot = status.snapshot
        var response = SpaceX_API_Device_DishGetContextResponse()
        response.deviceInfo = deviceInfo()
        var state = SpaceX_API_Device_DeviceState()
        state.uptimeS = UInt64(max(0, status.uptimeSeconds))
        response.deviceState = state
        response.obstructionFraction = Float(status.obstruction.fractionObstructed)
        response.obstructionValidS = Float(status.obstruction.validSeconds)
        response.obstructionCurrent = status.obstruction.currentlyObstructed
        response.secondsToSlotEnd = Float(
            Self.secondsToSlotEnd(feed.channels.assignments.read(), utcNanoseconds: snapshot.utcNanoseconds) ?? 0)
        if let satellite = status.servingSatellite { response.initialSatelliteID = UInt32(clamping: satellite.catalogNumber) }
        response.disablementCode = DishStatusMapping.disablementCode(snapshot)
        return response
    }

    /// Seconds from `utcNanoseconds` to the end of the current 15 s slot (the scheduler's next
    /// slot start when it has published one, else the next multiple of 15 s of UTC); nil while
    /// UTC is unknown.
    package static func secondsToSlotEnd(_ assignment: ServingAssignment, utcNanoseconds: Int64) -> Double? {
        guard utcNanoseconds != .min else { return nil }
        if assignment.nextSlotStartUnixNanoseconds > utcNanoseconds,
            assignment.nextSlotStartUnixNanoseconds - utcNanoseconds <= 15_000_000_000
        {
            return Double(assignment.nextSlotStartUnixNanoseconds - utcNanoseconds) / 1e9
        }
        let slot: Int64 = 15_000_000_000
        let into = ((utcNanoseconds % slot) + slot) % slot
        return Double(slot - into) / 1e9
    }

    package func location() throws(DishAPIRefusal) -> SpaceX_API_Device_GetLocationResponse {
        guard settings.locationEnabled else {
            throw .permissionDenied("GetLocation requests are not enabled on this device")
        }
        let fix = feed.channels.fixes.read()
        guard fix.latitudeDegrees.isFinite, fix.longitudeDegrees.isFinite, fix.sequence > 0 else {
            throw .unavailable("no position fix yet")
        }
        var response = SpaceX_API_Device_GetLocationResponse()
        var lla = SpaceX_API_Device_LLAPosition()
        lla.lat = fix.latitudeDegrees
        lla.lon = fix.longitudeDegrees
        lla.alt = fix.heightMetres.isFinite ? fix.heightMetres : 0
        response.lla = lla
        response.source = .gps
        response.sigmaM = fix.horizontalUncertaintyMetres
        return response
    }

    package func stow(unstow: Bool) throws(DishAPIRefusal) {
        try requireControls()
        let outcome = unstow ? providers.unstow("dish API dish_stow unstow") : providers.stow("dish API dish_stow")
        try check(outcome)
    }

    package func reboot() throws(DishAPIRefusal) {
        try requireControls()
        try check(providers.reboot("dish API reboot"))
    }

    package func clearObstructionMap() throws(DishAPIRefusal) {
        try requireControls()
        try check(providers.resetObstructions("dish API dish_clear_obstruction_map"))
    }

    private func requireControls() throws(DishAPIRefusal) {
        guard settings.controls else { throw .permissionDenied("controls are disabled (dish_api.controls: false)") }
    }

    private func check(_ outcome: CommandOutcome) throws(DishAPIRefusal) {
        switch outcome.status {
        case 200..<300: return
        case 409: throw .failedPrecondition(Self.message(outcome))
        default: throw .unavailable(Self.message(outcome))
        }
    }

    private static func message(_ outcome: CommandOutcome) -> String {
        if case .object(let members) = outcome.body {
            for (key, value) in members where key == "message" || key == "error" {
                if case .string(let text) = value { return text }
            }
        }
        return "refused (\(outcome.status))"
    }
}
