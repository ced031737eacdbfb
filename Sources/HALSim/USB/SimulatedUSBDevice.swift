import HAL

/// An open handle to a device on a `SimulatedUSB` bus. Faults injected into the device act
/// on its transfers; every transfer is recorded in the bus's `transfers`.
package final class SimulatedUSBDevice: USBDevice {
    /// The device's vendor:product.
    package let identifier: USBIdentifier
    /// The model's serial number.
    package let serialNumber: String?
    private let port: SimulatedUSBPort
    private let bus: SimulatedUSB
    private var open = true

    init(port: SimulatedUSBPort, bus: SimulatedUSB) {
        identifier = port.info.id
        serialNumber = port.model.serialNumber
        self.port = port
        self.bus = bus
    }

    deinit { close() }

    /// Claims interface `number`; `busy` when another handle holds it.
    package func claimInterface(_ number: Int) throws(USBError) {
        try requireUsable("claim interface \(number)")
        if let holder = port.claims[number], holder != ObjectIdentifier(self) {
            throw USBError(kind: .busy, operation: "claim interface \(number)")
        }
        port.claims[number] = ObjectIdentifier(self)
    }

    /// Releases interface `number`; `notFound` when this handle does not hold it.
    package func releaseInterface(_ number: Int) throws(USBError) {
        try requireUsable("release interface \(number)")
        guard port.claims[number] == ObjectIdentifier(self) else {
            throw USBError(kind: .notFound, operation: "release interface \(number): not claimed")
        }
        port.claims[number] = nil
    }

    /// Hands the bytes to the model, unless a fault says otherwise.
    @discardableResult
    package func bulkTransferOut(to endpoint: USBEndpointAddress, from bytes: UnsafeRawBufferPointer, timeout: Duration)
        throws(USBError) -> Int
    {
        let operation = "bulk OUT on \(endpoint)"
        guard !endpoint.isInput else { throw USBError(kind: .invalidParameter, operation: "\(operation): an IN endpoint") }
        let time = bus.clock.nowNanoseconds
        let sent = Array(bytes)
        let fail = { (kind: USBError.Kind, moved: [UInt8]) -> USBError in
            self.bus.record(self.port, .bulkOut, endpoint, at: time, moved, kind)
            return USBError(kind: kind, operation: operation, transferredByteCount: moved.count)
        }
        if let kind = usabilityFailure(endpoint) { throw fail(kind, []) }
        switch port.takeFault(where: \.appliesToAnyTransfer) {
        case .disconnectMidTransfer(let afterBytes)?:
            let prefix = Array(sent.prefix(max(0, afterBytes)))
            if !prefix.isEmpty { _ = port.model.receiveBulkOut(prefix, on: endpoint, atNanoseconds: time) }
            bus.unplug(port)
            throw fail(.disconnected, prefix)
        case .timeout?:
            bus.wait(timeout)
            throw fail(.timeout, [])
        default:
            break
        }
        switch port.model.receiveBulkOut(sent, on: endpoint, atNanoseconds: time) {
        case .accepted:
            bus.record(port, .bulkOut, endpoint, at: time, sent)
            return sent.count
        case .nak:
            bus.wait(timeout)
            throw fail(.timeout, [])
        case .stall:
            port.stalledEndpoints.insert(endpoint)
            throw fail(.stall, [])
        }
    }

    /// Asks the model for bytes and delivers them, as altered by any injected fault.
    package func bulkTransferIn(from endpoint: USBEndpointAddress, into buffer: UnsafeMutableRawBufferPointer, timeout: Duration)
        throws(USBError) -> Int
    {
        let operation = "bulk IN on \(endpoint)"
        guard endpoint.isInput else { throw USBError(kind: .invalidParameter, operation: "\(operation): an OUT endpoint") }
        let time = bus.clock.nowNanoseconds
        if let kind = usabilityFailure(endpoint) {
            bus.record(port, .bulkIn, endpoint, at: time, [], kind)
            throw USBError(kind: kind, operation: operation)
        }
        let reply = port.model.produceBulkIn(on: endpoint, maxLength: buffer.count, atNanoseconds: time)
        return try deliver(reply, kind: .bulkIn, endpoint: endpoint, into: buffer, timeout: timeout, at: time, operation)
    }

    /// Hands the request to the model. A stall answers only this request (the next setup
    /// packet clears a control pipe's halt).
    @discardableResult
    package func controlTransfer(_ setup: USBControlSetup, data: UnsafeMutableRawBufferPointer, timeout: Duration)
        throws(USBError) -> Int
    {
        let operation = "control request \(setup.request)"
        let endpoint: USBEndpointAddress = setup.requestType.isDeviceToHost ? .input(0) : .output(0)
        let time = bus.clock.nowNanoseconds
        if let kind = usabilityFailure(nil) {
            bus.record(port, .control, endpoint, at: time, [], kind)
            throw USBError(kind: kind, operation: operation)
        }
        let outData = setup.requestType.isDeviceToHost ? [] : Array(UnsafeRawBufferPointer(data))
        let reply = port.model.handleControl(setup, data: outData, atNanoseconds: time)
        guard setup.requestType.isDeviceToHost else {
            // OUT: the reply only acknowledges; the data stage is what the host sent.
            let ack: USBInReply = if case .data = reply { .data(outData) } else { reply }
            return try deliver(ack, kind: .control, endpoint: endpoint, into: nil, timeout: timeout, at: time, operation)
        }
        return try deliver(reply, kind: .control, endpoint: endpoint, into: data, timeout: timeout, at: time, operation)
    }

    /// Clears the halt of `endpoint`.
    package func clearHalt(_ endpoint: USBEndpointAddress) throws(USBError) {
        try requireUsable("clear halt of \(endpoint)")
        port.stalledEndpoints.remove(endpoint)
    }

    /// Releases this handle's interfaces and closes it. Idempotent.
    package func close() {
        guard open else { return }
        open = false
        port.claims = port.claims.filter { $0.value != ObjectIdentifier(self) }
    }

    // MARK: Faults and delivery

    private func requireUsable(_ operation: String) throws(USBError) {
        if let kind = usabilityFailure(nil) { throw USBError(kind: kind, operation: operation) }
    }

    /// Why a transfer cannot even start: the handle closed (`notFound`), the device gone
    /// (`disconnected`), or the endpoint halted (`stall`).
    private func usabilityFailure(_ endpoint: USBEndpointAddress?) -> USBError.Kind? {
        if !open { return .notFound }
        if !port.connected { return .disconnected }
        if let endpoint, port.stalledEndpoints.contains(endpoint) { return .stall }
        return nil
    }

    /// Applies the pending faults to `reply` and copies it into `buffer` (nil: an OUT
    /// control transfer, whose data stage already went out).
    private func deliver(
        _ reply: USBInReply, kind: USBTransferRecord.Kind, endpoint: USBEndpointAddress,
        into buffer: UnsafeMutableRawBufferPointer?, timeout: Duration, at time: UInt64, _ operation: String
    ) throws(USBError) -> Int {
        let fail = { (failure: USBError.Kind, moved: [UInt8]) -> USBError in
            self.bus.record(self.port, kind, endpoint, at: time, moved, failure)
            return USBError(kind: failure, operation: operation, transferredByteCount: moved.count)
        }
        if case .timeout? = port.takeFault(where: { $0 == .timeout }) {
            bus.wait(timeout)
            throw fail(.timeout, [])
        }
        var bytes: [UInt8]
        switch reply {
        case .data(let data): bytes = data
        case .nak:
            bus.wait(timeout)
            throw fail(.timeout, [])
        case .stall:
            if kind != .control { port.stalledEndpoints.insert(endpoint) }
            throw fail(.stall, [])
        }
        if buffer != nil {
            while let fault = port.takeFault(where: \.altersReply) {
                if case .corruptReply(let offset, let mask) = fault, bytes.indices.contains(offset) { bytes[offset] ^= mask }
                if case .truncateReply(let length) = fault { bytes = Array(bytes.prefix(max(0, length))) }
            }
        }
        if case .disconnectMidTransfer(let afterBytes)? = port.takeFault(where: \.appliesToAnyTransfer) {
            let moved = Array(bytes.prefix(max(0, min(afterBytes, buffer?.count ?? bytes.count))))
            copy(moved, into: buffer)
            bus.unplug(port)
            throw fail(.disconnected, moved)
        }
        guard let buffer else {
            bus.record(port, kind, endpoint, at: time, bytes)
            return bytes.count
        }
        let fits = Array(bytes.prefix(buffer.count))
        copy(fits, into: buffer)
        guard fits.count == bytes.count else { throw fail(.overflow, fits) }
        bus.record(port, kind, endpoint, at: time, fits)
        return fits.count
    }

    private func copy(_ bytes: [UInt8], into buffer: UnsafeMutableRawBufferPointer?) {
        guard let buffer, !bytes.isEmpty else { return }
        buffer.copyBytes(from: bytes.prefix(buffer.count))
    }
}
