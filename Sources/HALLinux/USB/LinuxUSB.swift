import HAL

/// USB devices on this Linux machine, through libusb-1.0. Each opened device gets its own
/// libusb context, so devices and the hot-plug monitor can live on different threads.
/// On a platform without libusb (macOS) opening throws `unavailableOnPlatform`.
///
/// ```swift
/// let bridge = try LinuxUSB().openDevice(for: .beamformer, of: board)
/// try bridge.claimInterface(0)
/// try bridge.bulkWrite(frame, to: .output(1), timeout: .milliseconds(20))
/// ```
package final class LinuxUSB: USBBackend {
    /// A backend; opens nothing yet.
    package init() {}

    /// Finds and opens the device: `libusb_init`, `libusb_get_device_list`, `libusb_open`,
    /// `libusb_get_string_descriptor_ascii` (serial), `libusb_set_auto_detach_kernel_driver`.
    package func openDevice(_ id: USBIdentifier, serialNumber: String?) throws(USBError) -> LinuxUSBDevice {
        #if canImport(CLibUSB)
            let handle = try USBContext().open(id, serialNumber: serialNumber)
            return LinuxUSBDevice(handle: handle)
        #else
            throw USBError(kind: .unavailableOnPlatform, operation: "open \(id): built without libusb (not Linux)")
        #endif
    }

    /// Why this backend cannot reach USB on this platform, or nil when it can.
    package static var unavailableReason: String? {
        #if canImport(CLibUSB)
            nil
        #else
            "built without libusb (not Linux): USB devices exist only in the simulation"
        #endif
    }
}
