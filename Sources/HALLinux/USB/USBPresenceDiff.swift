import HAL

/// The hot-plug events between two enumerations of the bus: the polling fallback where
/// libusb has no hot-plug support. A device is the same device while its bus, address and
/// identifier stay the same (a re-plugged device gets a new address).
struct USBPresenceDiff {
    private struct Key: Hashable {
        var bus: Int
        var address: Int
        var id: USBIdentifier
    }

    private var present: [Key: USBDeviceInfo] = [:]

    /// A diff that starts from `devices` as already known.
    init(known devices: [USBDeviceInfo] = []) {
        for device in devices { present[Self.key(device)] = device }
    }

    /// The events that lead from the last enumeration to `devices`: departures first, then
    /// arrivals, each in bus, address order. Remembers `devices` for the next call.
    mutating func events(toward devices: [USBDeviceInfo]) -> [USBHotplugEvent] {
        var now: [Key: USBDeviceInfo] = [:]
        for device in devices { now[Self.key(device)] = device }
        let order: (USBDeviceInfo, USBDeviceInfo) -> Bool = { ($0.bus, $0.address) < ($1.bus, $1.address) }
        let left = present.filter { now[$0.key] == nil }.values.sorted(by: order).map { USBHotplugEvent(.left, $0) }
        let arrived = now.filter { present[$0.key] == nil }.values.sorted(by: order).map { USBHotplugEvent(.arrived, $0) }
        present = now
        return left + arrived
    }

    private static func key(_ device: USBDeviceInfo) -> Key {
        Key(bus: device.bus, address: device.address, id: device.id)
    }
}
