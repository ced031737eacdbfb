import HAL

/// The hardware of this Linux machine, seen through libgpiod and libusb.
///
/// On a platform without those libraries (macOS) it reports no hardware and says why
/// in `unavailableReason`, so the simulated terminal still builds and runs there.
public struct LinuxHardwareInventory: HardwareInventory {
    /// Where GPIO character devices live.
    public var deviceDirectory: String

    /// Builds an inventory over the GPIO devices in `deviceDirectory` and every USB bus.
    public init(deviceDirectory: String = "/dev") {
        self.deviceDirectory = deviceDirectory
    }

    /// `linux`.
    public var backendName: String { "linux" }

    /// Why this backend can see no hardware at all on this platform, or nil when it can.
    public static var unavailableReason: String? {
        #if canImport(CGPIOD) && canImport(CLibUSB)
            nil
        #else
            "built without libgpiod and libusb (not Linux)"
        #endif
    }

    /// `gpiod_version_string()` and `libusb_get_version()`; empty without the libraries.
    public func libraryVersions() -> [String: String] {
        #if canImport(CGPIOD) && canImport(CLibUSB)
            ["libgpiod": LibGPIOD.version, "libusb": LibUSB.version]
        #else
            [:]
        #endif
    }

    /// Every `/dev/gpiochip*` that libgpiod can open. A chip that exists but cannot be
    /// opened (permissions) is an error naming its path and errno.
    public func gpioChips() throws -> [GPIOChipInfo] {
        #if canImport(CGPIOD)
            return try LibGPIOD.chipPaths(deviceDirectory: deviceDirectory).map { path throws(GPIOError) in
                try GPIOChipHandle(path: path).info
            }
        #else
            return []
        #endif
    }

    /// Every USB device libusb enumerates (a machine without usbfs, such as a container,
    /// simply has none). A failure to initialise libusb is a `USBError` with its name.
    public func usbDevices() throws -> [USBDeviceInfo] {
        #if canImport(CLibUSB)
            return try USBContext().devices()
        #else
            return []
        #endif
    }

}
