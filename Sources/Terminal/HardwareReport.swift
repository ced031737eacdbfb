import Foundation
import HAL

/// What `utermd hw list` shows: the chips and devices a backend found, and any failure
/// to look (one bus failing does not hide the other).
package struct HardwareReport: Sendable, Codable {
    /// The backend that looked (`linux`, `simulated`).
    package var backend: String
    /// Library versions reported by the backend.
    package var libraries: [String: String]
    /// GPIO chips found.
    package var gpioChips: [GPIOChipInfo]
    /// USB devices found.
    package var usbDevices: [USBDeviceInfo]
    /// Failures to enumerate, e.g. `open /dev/gpiochip0: Permission denied (errno 13)`.
    package var errors: [String]

    /// Asks `inventory` for everything it can see.
    package init(of inventory: any HardwareInventory) {
        backend = inventory.backendName
        libraries = inventory.libraryVersions()
        errors = []
        gpioChips = []
        usbDevices = []
        do { gpioChips = try inventory.gpioChips() } catch { errors.append("GPIO: \(error)") }
        do { usbDevices = try inventory.usbDevices() } catch { errors.append("USB: \(error)") }
    }

    /// Pretty-printed JSON with sorted keys.
    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Human-readable listing in the style of `gpiodetect` and `lsusb`.
    package func text() -> String {
        var lines = ["GPIO chips (\(backend)): \(gpioChips.count)"]
        lines += gpioChips.map { "  \($0.name) [\($0.label)] (\($0.lineCount) lines) \($0.path)" }
        lines.append("USB devices (\(backend)): \(usbDevices.count)")
        lines += usbDevices.map { device in
            let strings = [device.manufacturer, device.product].compactMap { $0 }.joined(separator: " ")
            let bus = String(format: "Bus %03d Device %03d", device.bus, device.address)
            return "  \(bus): ID \(device.id)" + (strings.isEmpty ? "" : " \(strings)")
        }
        return lines.joined(separator: "\n")
    }
}
