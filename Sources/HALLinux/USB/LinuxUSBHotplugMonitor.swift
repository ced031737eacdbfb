import Foundation
import HAL

/// Devices arriving on and leaving the USB buses of this machine.
///
/// Uses libusb's hot-plug callback where `libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)`
/// says it exists; elsewhere falls back to enumerating the bus on each poll and comparing
/// with the previous enumeration. Either way, poll it from one supervising task.
package final class LinuxUSBHotplugMonitor: USBHotplugMonitor {
    /// How the monitor learns of changes.
    package enum Mode: String, Sendable {
        /// libusb's hot-plug callback (`libusb_hotplug_register_callback`).
        case callback
        /// Periodic enumeration (`libusb_get_device_list`), compared with the previous one.
        case polling
    }

    /// How this monitor learns of changes.
    package let mode: Mode
    #if canImport(CLibUSB)
        private let context: USBContext
        private var registration: LibUSBHotplugRegistration?
        private var diff: USBPresenceDiff
    #endif

    /// Starts watching. With `enumerateExisting`, the devices present now are reported as
    /// arrivals by the first poll. `forcePolling` uses the fallback even where hot-plug
    /// callbacks exist (the fallback's own tests use it). Throws `unavailableOnPlatform`
    /// without libusb.
    package init(enumerateExisting: Bool = false, forcePolling: Bool = false) throws(USBError) {
        #if canImport(CLibUSB)
            let context = try USBContext()
            self.context = context
            if LibUSB.hasHotplug && !forcePolling {
                mode = .callback
                registration = .some(try LibUSBHotplugRegistration(context: context, enumerateExisting: enumerateExisting))
                diff = USBPresenceDiff()
            } else {
                mode = .polling
                diff = USBPresenceDiff(known: enumerateExisting ? [] : try context.devices(readingStrings: false))
            }
        #else
            throw USBError(kind: .unavailableOnPlatform, operation: "watch USB hot-plug: built without libusb (not Linux)")
        #endif
    }

    /// The events since the last poll, waiting at most `timeout` for one. Callback mode:
    /// `libusb_handle_events_timeout_completed`. Polling mode: enumerate and compare; if
    /// nothing changed, sleep `timeout` and compare once more (the poll period is `timeout`).
    package func pollHotplugEvents(timeout: Duration) throws(USBError) -> [USBHotplugEvent] {
        #if canImport(CLibUSB)
            switch mode {
            case .callback:
                if registration?.sink.pending.isEmpty == true {
                    try context.handleEvents(timeout: timeout)
                }
                let events = registration?.sink.pending ?? []
                registration?.sink.pending.removeAll()
                return events
            case .polling:
                let events = diff.events(toward: try context.devices(readingStrings: false))
                guard events.isEmpty, timeout > .zero else { return events }
                Self.sleep(timeout)
                return diff.events(toward: try context.devices(readingStrings: false))
            }
        #else
            return []
        #endif
    }

    /// Blocks the calling thread (this is a supervisor's poll, not the real-time tick).
    private static func sleep(_ duration: Duration) {
        Thread.sleep(forTimeInterval: Double(duration.clampedNanoseconds) / 1e9)
    }
}
