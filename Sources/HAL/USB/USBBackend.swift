/// Opens USB devices by vendor:product and, where several match, serial number.
/// Two implementations: `LinuxUSB` (libusb-1.0) and `SimulatedUSB` (in memory).
package protocol USBBackend: AnyObject {
    /// The handle type of open devices.
    associatedtype Device: USBDevice

    /// Opens the first device (in bus, address order) with identifier `id` whose serial
    /// number is `serialNumber`, or any serial when nil. Throws `notFound` when none is
    /// present, `access` when one is present but may not be opened.
    /// Linux: `libusb_get_device_list`, `libusb_open`, `libusb_get_string_descriptor_ascii`.
    func openDevice(_ id: USBIdentifier, serialNumber: String?) throws(USBError) -> Device
}

extension USBBackend {
    /// Opens the device the board assigns to `role`; `notFound` when the board names none.
    package func openDevice(for role: USBRole, of board: BoardProfile) throws(USBError) -> Device {
        guard let assignment = board.usbDevices[role] else {
            throw USBError(kind: .notFound, operation: "open \(role.rawValue): board \(board.name) has no such USB device")
        }
        return try openDevice(assignment.id, serialNumber: assignment.serial)
    }
}

/// A device arriving on or leaving the bus.
package struct USBHotplugEvent: Sendable, Hashable, CustomStringConvertible {
    /// Which way the device went.
    package enum Change: String, Sendable, Hashable {
        /// Plugged in (`LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED`).
        case arrived
        /// Unplugged or gone (`LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT`).
        case left
    }

    /// Arrived or left.
    package var change: Change
    /// The device (bus, address and identifier; strings are not read for hot-plug events).
    package var device: USBDeviceInfo

    /// Builds an event.
    package init(_ change: Change, _ device: USBDeviceInfo) {
        self.change = change
        self.device = device
    }

    /// `arrived 1209:0001 at 1:4`.
    package var description: String { "\(change.rawValue) \(device.id) at \(device.bus):\(device.address)" }
}

/// Reports devices arriving and leaving. Poll it from a supervising task, not the tick.
package protocol USBHotplugMonitor: AnyObject {
    /// The events since the last call, oldest first, waiting at most `timeout` for the
    /// first one. Linux: `libusb_handle_events_timeout_completed` delivering the callback
    /// registered with `libusb_hotplug_register_callback`, or, without hot-plug support,
    /// a fresh `libusb_get_device_list` compared with the previous one.
    func pollHotplugEvents(timeout: Duration) throws(USBError) -> [USBHotplugEvent]
}
