import HAL

/// The hardware `utermd run` drives, built by the caller for the configured backend: the
/// simulated board (HALSim) or the real one (HALLinux). Keeping it a parameter keeps the
/// daemon's shell free of either backend, and the same for both.
package struct DaemonHardware<GPIO: GPIOBackend, USB: USBBackend> {
    /// The GPIO lines' backend (lines are opened by the terminal assembly).
    package var gpio: GPIO
    /// The USB backend the beamformer bridge driver opens the bridge through.
    package var usb: USB
    /// Hot-plug notifications for the driver (nil: periodic retries).
    package var hotplug: (any USBHotplugMonitor)?
    /// Called on the main thread after every line was released (e.g. to write the simulated
    /// GPIO trace).
    package var afterRelease: () -> Void

    /// Builds the hardware.
    package init(gpio: GPIO, usb: USB, hotplug: (any USBHotplugMonitor)?, afterRelease: @escaping () -> Void = {}) {
        self.gpio = gpio
        self.usb = usb
        self.hotplug = hotplug
        self.afterRelease = afterRelease
    }
}
