import HAL

/// The hardware of this Linux machine, seen through libgpiod and libusb.
///
/// On a platform without those libraries (macOS) it reports no hardware and says why
/// in `unavailableReason`, so the simulated terminal still builds and runs there.
package struct LinuxHardwareInventory: HardwareInventory {
    /// Where GPIO character devices live.
    package var deviceDirectory: String

    /// Builds an inventory over the GPIO devices in `deviceDirectory` and every USB bus.
    package init(deviceDirectory: String = "/dev") {
        self.deviceDirectory = deviceDirectory
    }

    /// `linux`.
    package var backendName: String { "linux" }

    /// Why this backend can see no hardware at all on this platform, or nil when it can.
    package static var unavailableReason: String? {
        #if os(Linux) && canImport(CLibUSB)
            nil
        #else
            "built without libgpiod and libusb (not Linux)"
        #endif
    }

    /// `gpiod_api_version()` (libgpiod 2.x) or `gpiod_version_string()` (1.x) of the libgpiod
    /// loaded at run time, and `libusb_get_version()`: `["libgpiod": "2.2.1", "libusb":
    /// "1.0.26"]`. A library that is not there is left out (`libgpiod` says why).
    package func libraryVersions() -> [String: String] {
        #if os(Linux) && canImport(CLibUSB)
            var versions = ["libusb": LibUSB.version]
            if case .success(let library) = LibGPIODLibrary.shared { versions["libgpiod"] = library.version }
            return versions
        #else
            return [:]
        #endif
    }

    /// The libgpiod this process uses, as `utermd version` and `utermd doctor` show it:
    /// its version, API and file (`2.2.1, API v2, /usr/lib/aarch64-linux-gnu/libgpiod.so.3`),
    /// or why none could be loaded (`GPIOError` of kind `libraryNotFound`).
    package static var libgpiod: Result<String, GPIOError> {
        #if os(Linux)
            LibGPIODLibrary.shared.map { "\($0.version), API v\($0.apiMajor), \($0.origin.path)" }
        #else
            .failure(
                GPIOError(
                    kind: .unavailableOnPlatform, operation: "load libgpiod", reason: "built without libgpiod (not Linux)"))
        #endif
    }

    /// Every `/dev/gpiochip*` that libgpiod can open. A chip that exists but cannot be
    /// opened (permissions) is an error naming its path and errno; no libgpiod installed is
    /// `libraryNotFound`.
    package func gpioChips() throws -> [GPIOChipInfo] {
        #if os(Linux)
            let paths = LibGPIOD.chipPaths(deviceDirectory: deviceDirectory)
            if paths.isEmpty { return [] }
            let calls = try GPIODCalls.live()
            return try paths.map { path throws(GPIOError) in try GPIOChipHandle(path: path, calls: calls).info }
        #else
            return []
        #endif
    }

    /// Every USB device libusb enumerates (a machine without usbfs, such as a container,
    /// simply has none). A failure to initialise libusb is a `USBError` with its name.
    package func usbDevices() throws -> [USBDeviceInfo] {
        #if canImport(CLibUSB)
            return try USBContext().devices()
        #else
            return []
        #endif
    }

}
