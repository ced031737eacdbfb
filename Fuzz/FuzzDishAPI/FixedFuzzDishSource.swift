import DishAPI

/// Fixed terminal data for the fuzz target: every member filled, south-west coordinates, the
/// location refused as the dish refuses it by default, the controls accepted.
struct FixedFuzzDishSource: DishDataSource {
    func deviceInfo() -> SpaceX_API_Device_DeviceInfo {
        var info = SpaceX_API_Device_DeviceInfo()
        info.id = "ut-fuzz"
        info.hardwareVersion = "sim"
        info.softwareVersion = "fuzz"
        info.countryCode = "CL"
        info.bootcount = 1
        return info
    }

    func status() -> SpaceX_API_Device_DishGetStatusResponse {
        var status = SpaceX_API_Device_DishGetStatusResponse()
        status.deviceInfo = deviceInfo()
        status.boresightAzimuthDeg = -12.5
        status.boresightElevationDeg = 63.25
        status.disablementCode = .blockedCountry
        status.popPingLatencyMs = 25.5
        return status
    }

    func history() -> SpaceX_API_Device_DishGetHistoryResponse {
        var history = SpaceX_API_Device_DishGetHistoryResponse()
        history.current = 901
        history.popPingLatencyMs = Array(repeating: 25.5, count: 900)
        history.popPingDropRate = Array(repeating: 0, count: 900)
        return history
    }

    func obstructionMap() -> SpaceX_API_Device_DishGetObstructionMapResponse {
        var map = SpaceX_API_Device_DishGetObstructionMapResponse()
        map.numRows = 123
        map.numCols = 123
        map.snr = Array(repeating: -1, count: 123 * 123)
        return map
    }

    func context() -> SpaceX_API_Device_DishGetContextResponse { SpaceX_API_Device_DishGetContextResponse() }

    func location() throws(DishAPIRefusal) -> SpaceX_API_Device_GetLocationResponse {
        throw .permissionDenied("location requests are not enabled")
    }

    func stow(unstow: Bool) throws(DishAPIRefusal) {}
    func reboot() throws(DishAPIRefusal) { throw .failedPrecondition("the fuzz target does not reboot") }
    func clearObstructionMap() throws(DishAPIRefusal) {}
}
