/// What hardware a backend can see: GPIO chips and USB devices.
///
/// "Nothing found" is a normal answer (an empty array), not an error; errors are reserved
/// for failures to look (a library that cannot initialise, a permission problem).
package protocol HardwareInventory: Sendable {
    /// A short name of the backend, e.g. `linux` or `simulated`.
    var backendName: String { get }
    /// The versions of the libraries behind the backend, as the libraries report them
    /// (e.g. `["libgpiod": "1.6.3", "libusb": "1.0.26"]`).
    func libraryVersions() -> [String: String]
    /// The GPIO chips present.
    func gpioChips() throws -> [GPIOChipInfo]
    /// The USB devices present.
    func usbDevices() throws -> [USBDeviceInfo]
}
