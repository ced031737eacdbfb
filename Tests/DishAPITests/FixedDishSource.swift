import DishAPI
import Synchronization

/// A dish with fixed answers, recording the controls it received.
final class FixedDishSource: DishDataSource {
    let controls = Mutex<[String]>([])
    let locationEnabled: Bool

    init(locationEnabled: Bool = false) { self.locationEnabled = locationEnabled }

    func deviceInfo() -> SpaceX_API_Device_DeviceInfo {
        var info = SpaceX_API_Device_DeviceInfo()
        info.id = "ut-test"
        info.hardwareVersion = "sim"
        info.softwareVersion = "1.2.3"
        info.countryCode = "CL"
        info.bootcount = 1
        return info
    }

    func status() -> SpaceX_API_Device_DishGetStatusResponse {
        var status = SpaceX_API_Device_DishGetStatusResponse()
        status.deviceInfo = deviceInfo()
        var state = SpaceX_API_Device_DeviceState()
        state.uptimeS = 42
        status.deviceState = state
        var outage = SpaceX_API_Device_DishOutage()
        outage.cause = .obstructed
        outage.startTimestampNs = 1_700_000_000_000_000_000
        outage.durationNs = 3_000_000_000
        status.outage = outage
        var alerts = SpaceX_API_Device_DishAlerts()
        alerts.unexpectedLocation = true
        status.alerts = alerts
        var obstruction = SpaceX_API_Device_DishObstructionStats()
        obstruction.fractionObstructed = 0.25
        obstruction.validS = 120
        obstruction.currentlyObstructed = true
        status.obstructionStats = obstruction
        var gps = SpaceX_API_Device_DishGpsStats()
        gps.gpsValid = true
        gps.gpsSats = 0
        status.gpsStats = gps
        status.boresightAzimuthDeg = -12.5
        status.boresightElevationDeg = 63.25
        var alignment = SpaceX_API_Device_AlignmentStats()
        alignment.tiltAngleDeg = 10
        alignment.boresightAzimuthDeg = 180
        alignment.boresightElevationDeg = 80
        alignment.desiredBoresightAzimuthDeg = 180
        alignment.desiredBoresightElevationDeg = 80
        status.alignmentStats = alignment
        status.secondsToFirstNonemptySlot = 7.5
        status.mobilityClass = .mobile
        status.disablementCode = .blockedCountry
        status.popPingLatencyMs = 25.5
        status.popPingDropRate = 1
        status.downlinkThroughputBps = 0
        status.uplinkThroughputBps = 0
        status.stowRequested = true
        return status
    }

    func history() -> SpaceX_API_Device_DishGetHistoryResponse {
        let seconds = (0..<1_000).map { index in
            DishHistorySecond(
                utcSeconds: Int64(1_700_000_000 + index), popPingDropRate: 0, popPingLatencyMilliseconds: Float(index),
                downlinkBitsPerSecond: 1, uplinkBitsPerSecond: 2, outageCause: index == 999 ? .noSats : nil)
        }
        return DishHistoryRing.response(seconds: seconds, total: 1_000)
    }

    func obstructionMap() -> SpaceX_API_Device_DishGetObstructionMapResponse {
        let map = PolarObstructionMap.resample(
            azimuthBinCount: 4, elevationBinCount: 2, signalQuality: [0, 1, 1, 1, 1, 1, 1, 1])
        var response = SpaceX_API_Device_DishGetObstructionMapResponse()
        response.numRows = UInt32(map.sideCells)
        response.numCols = UInt32(map.sideCells)
        response.snr = map.signalQuality
        response.minElevationDeg = 10
        response.maxThetaDeg = 80
        response.mapReferenceFrame = .frameEarth
        return response
    }

    func context() -> SpaceX_API_Device_DishGetContextResponse {
        var context = SpaceX_API_Device_DishGetContextResponse()
        context.secondsToSlotEnd = 4.5
        context.initialSatelliteID = 44_713
        context.disablementCode = .okay
        return context
    }

    func location() throws(DishAPIRefusal) -> SpaceX_API_Device_GetLocationResponse {
        guard locationEnabled else { throw .permissionDenied("GetLocation requests are not enabled on this device") }
        var response = SpaceX_API_Device_GetLocationResponse()
        var lla = SpaceX_API_Device_LLAPosition()
        lla.lat = -33.45
        lla.lon = -70.66
        lla.alt = 570
        response.lla = lla
        return response
    }

    func stow(unstow: Bool) throws(DishAPIRefusal) { controls.withLock { $0.append(unstow ? "unstow" : "stow") } }
    func reboot() throws(DishAPIRefusal) { controls.withLock { $0.append("reboot") } }
    func clearObstructionMap() throws(DishAPIRefusal) { controls.withLock { $0.append("clear") } }
}
