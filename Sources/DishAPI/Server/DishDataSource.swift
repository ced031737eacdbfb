/// Why the dish refuses a request, as its gRPC status.
package enum DishAPIRefusal: Error, Sendable, Equatable {
    /// PERMISSION_DENIED (e.g. `get_location` while location requests are not enabled).
    case permissionDenied(String)
    /// FAILED_PRECONDITION (e.g. unstow while the daemon is stopping).
    case failedPrecondition(String)
    /// UNAVAILABLE (the terminal is not started).
    case unavailable(String)
}

/// Where the dish API reads the terminal and sends its controls. The daemon implements it over
/// its telemetry feed (the same snapshot source as the JSON `/status`) and the JSON API's own
/// audited control paths; tests implement it with fixed answers.
///
/// Every method is called on a gRPC request's task, never on the real-time loop; an
/// implementation reads the loop's wait-free hand-offs and must not block for long.
package protocol DishDataSource: Sendable {
    /// `get_status` → `dish_get_status`.
    func status() -> SpaceX_API_Device_DishGetStatusResponse
    /// `get_history` → `dish_get_history`.
    func history() -> SpaceX_API_Device_DishGetHistoryResponse
    /// `dish_get_obstruction_map`.
    func obstructionMap() -> SpaceX_API_Device_DishGetObstructionMapResponse
    /// `dish_get_context`.
    func context() -> SpaceX_API_Device_DishGetContextResponse
    /// `get_device_info`.
    func deviceInfo() -> SpaceX_API_Device_DeviceInfo
    /// `get_location`; throws ``DishAPIRefusal/permissionDenied(_:)`` unless enabled.
    func location() throws(DishAPIRefusal) -> SpaceX_API_Device_GetLocationResponse
    /// `dish_stow` (`unstow` false: stow; true: lift the stow).
    func stow(unstow: Bool) throws(DishAPIRefusal)
    /// `reboot`.
    func reboot() throws(DishAPIRefusal)
    /// `dish_clear_obstruction_map`.
    func clearObstructionMap() throws(DishAPIRefusal)
}
