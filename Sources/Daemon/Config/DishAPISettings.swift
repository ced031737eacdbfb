/// The `dish_api:` section: the dish's own local gRPC API (`SpaceX.API.Device.Device` and
/// server reflection), which the community's tools (starlink-grpc-core, exporters) read.
///
/// ```yaml
/// dish_api:
///   enabled: true            # default when the section is present; absent section: off
///   bind: 127.0.0.1          # loopback unless allow_non_loopback: true
///   port: 9200               # the dish's port
///   allow_non_loopback: false
///   controls: true           # dish_stow / unstow, reboot, dish_clear_obstruction_map
///   location_enabled: false  # get_location answers PERMISSION_DENIED unless true
///   country_code: ""         # device_info.country_code (ISO 3166-1 alpha-2)
/// ```
///
/// Like the dish, the API takes no credentials: anyone who can reach the port can stow and
/// reboot the terminal. That is why it listens on loopback unless `allow_non_loopback` says
/// otherwise, and why `controls: false` turns the three controls into PERMISSION_DENIED.
package struct DishAPISettings: Sendable, Hashable {
    /// Whether to serve it.
    package var enabled = false
    /// Bound address (numeric).
    package var bind = "127.0.0.1"
    /// TCP port (the dish's 9200).
    package var port: UInt16 = 9200
    /// Whether a non-loopback `bind` is allowed.
    package var allowNonLoopback = false
    /// Whether `dish_stow`, `reboot` and `dish_clear_obstruction_map` are accepted.
    package var controls = true
    /// Whether `get_location` answers (the dish's owner must enable it in the app).
    package var locationEnabled = false
    /// `device_info.country_code`: utermd holds no country borders beyond the policy's zones,
    /// so the operator states it (empty: not reported).
    package var countryCode = ""

    /// The defaults.
    package init() {}
}
