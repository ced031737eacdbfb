import HAL

/// A USB bus in memory: plug device models in and out, inject faults, open devices through
/// the same `USBBackend` protocol as on Linux, and watch hot-plug events.
///
/// ```swift
/// let bus = SimulatedUSB(clock: clock)
/// let bridge = LoopbackUSBDeviceModel(identifier: USBIdentifier(vendorID: 0x1209, productID: 0x0001))
/// bus.plug(bridge)
/// let device = try bus.openDevice(for: .beamformer, of: board)
/// bus.inject(.disconnectMidTransfer(afterBytes: 3), into: bridge)
/// ```
///
/// Transfers never block a thread: a NAK or a `.timeout` fault moves a manual clock by the
/// transfer's timeout (a clock driven from elsewhere does not move) and throws `timeout`.
package final class SimulatedUSB: USBBackend, USBHotplugMonitor {
    /// The virtual time source.
    package let clock: any SimulationClock
    /// Every transfer, in order.
    package private(set) var transfers: [USBTransferRecord] = []
    /// At most this many transfers are kept (the oldest dropped); unbounded by default. Set
    /// it for long runs (a simulated daemon records ~20 MB/s otherwise).
    package var maximumRecordCount = Int.max

    private var ports: [SimulatedUSBPort] = []
    private var hotplugEvents: [USBHotplugEvent] = []
    private var nextAddress = 2

    /// An empty bus on `clock`.
    package init(clock: any SimulationClock = ManualSimulationClock()) {
        self.clock = clock
    }

    // MARK: Plugging

    /// Plugs `model` in at the next free address (addresses are never reused, as on a real
    /// bus); queues an `arrived` event. With `accessible` false, opening it throws `access`
    /// (no udev rule). Returns where it appeared.
    @discardableResult
    package func plug(_ model: any USBDeviceModel, accessible: Bool = true) -> USBDeviceInfo {
        let info = USBDeviceInfo(
            bus: 1, address: nextAddress, id: model.identifier, manufacturer: "utermd simulated", product: "simulated device")
        nextAddress += 1
        ports.append(SimulatedUSBPort(model: model, info: info, accessible: accessible))
        hotplugEvents.append(USBHotplugEvent(.arrived, info))
        return info
    }

    /// Unplugs `model`; open handles see `disconnected` from now on. Queues a `left` event.
    package func unplug(_ model: any USBDeviceModel) {
        for port in ports where port.model === model { unplug(port) }
    }

    /// The devices on the bus, in address order.
    package func devices() -> [USBDeviceInfo] { ports.map(\.info) }

    /// Injects `fault` into the plugged-in `model` (nothing happens when it is not plugged in).
    package func inject(_ fault: SimulatedUSBFault, into model: any USBDeviceModel) {
        for port in ports where port.model === model {
            if case .stall(let endpoint) = fault {
                port.stalledEndpoints.insert(endpoint)
            } else {
                port.faults.append(fault)
            }
        }
    }

    // MARK: USBBackend, USBHotplugMonitor

    /// Opens the first plugged-in device (address order) with `id` and, when given, `serialNumber`.
    package func openDevice(_ id: USBIdentifier, serialNumber: String?) throws(USBError) -> SimulatedUSBDevice {
        let matching = ports.filter { $0.info.id == id && (serialNumber == nil || $0.model.serialNumber == serialNumber) }
        guard let port = matching.first(where: \.accessible) else {
            let which = serialNumber.map { "\(id) serial \($0)" } ?? "\(id)"
            throw USBError(kind: matching.isEmpty ? .notFound : .access, operation: "open \(which)")
        }
        return SimulatedUSBDevice(port: port, bus: self)
    }

    /// The hot-plug events since the last poll; with none, waits `timeout` of virtual time.
    package func pollHotplugEvents(timeout: Duration) -> [USBHotplugEvent] {
        if hotplugEvents.isEmpty { wait(timeout) }
        defer { hotplugEvents.removeAll() }
        return hotplugEvents
    }

    // MARK: For the device handles

    func unplug(_ port: SimulatedUSBPort) {
        guard port.connected else { return }
        port.connected = false
        ports.removeAll { $0 === port }
        hotplugEvents.append(USBHotplugEvent(.left, port.info))
    }

    func wait(_ timeout: Duration) {
        let (deadline, overflow) = clock.nowNanoseconds.addingReportingOverflow(timeout.clampedNanoseconds)
        clock.advance(toNanoseconds: overflow ? .max : deadline)
    }

    func record(
        _ port: SimulatedUSBPort, _ kind: USBTransferRecord.Kind, _ endpoint: USBEndpointAddress, at time: UInt64,
        _ bytes: [UInt8], _ failure: USBError.Kind? = nil
    ) {
        transfers.append(
            USBTransferRecord(
                timeNanoseconds: time, device: port.info.id, kind: kind, endpoint: endpoint, bytes: bytes, failure: failure))
        trimRecords(&transfers, to: maximumRecordCount)
    }
}

/// A device model plugged into the simulated bus, with its fault state. A re-plug makes a
/// new port, so handles to the old one stay disconnected, as on a real bus.
final class SimulatedUSBPort {
    let model: any USBDeviceModel
    let info: USBDeviceInfo
    let accessible: Bool
    var connected = true
    /// One-shot faults, consumed in order.
    var faults: [SimulatedUSBFault] = []
    var stalledEndpoints: Set<USBEndpointAddress> = []
    /// Claimed interfaces and the handle that holds each.
    var claims: [Int: ObjectIdentifier] = [:]

    init(model: any USBDeviceModel, info: USBDeviceInfo, accessible: Bool) {
        self.model = model
        self.info = info
        self.accessible = accessible
    }

    /// Removes and returns the first pending fault that `matches`.
    func takeFault(where matches: (SimulatedUSBFault) -> Bool) -> SimulatedUSBFault? {
        guard let index = faults.firstIndex(where: matches) else { return nil }
        return faults.remove(at: index)
    }
}
