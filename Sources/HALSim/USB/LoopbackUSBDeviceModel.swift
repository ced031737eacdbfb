import HAL

/// A device that sends back, on IN endpoint n, what it received on OUT endpoint n, in
/// order; with nothing to send it NAKs. The smallest useful model, for tests of a link.
package final class LoopbackUSBDeviceModel: USBDeviceModel {
    /// The device's vendor:product.
    package let identifier: USBIdentifier
    /// Its serial number.
    package let serialNumber: String?
    /// Bytes received and not yet sent back, per endpoint number.
    package private(set) var queued: [UInt8: [UInt8]] = [:]
    /// Every OUT transfer received, in order.
    package private(set) var received: [[UInt8]] = []

    /// A loopback device with these identifiers.
    package init(identifier: USBIdentifier, serialNumber: String? = nil) {
        self.identifier = identifier
        self.serialNumber = serialNumber
    }

    /// Queues `bytes` for the IN endpoint of the same number.
    package func receiveBulkOut(_ bytes: [UInt8], on endpoint: USBEndpointAddress, atNanoseconds time: UInt64) -> USBOutReply {
        received.append(bytes)
        queued[endpoint.number, default: []] += bytes
        return .accepted
    }

    /// Sends back at most `maxLength` queued bytes, or NAKs when none are queued.
    package func produceBulkIn(on endpoint: USBEndpointAddress, maxLength: Int, atNanoseconds time: UInt64) -> USBInReply {
        guard let bytes = queued[endpoint.number], !bytes.isEmpty else { return .nak }
        let count = min(maxLength, bytes.count)
        queued[endpoint.number] = Array(bytes.dropFirst(count))
        return .data(Array(bytes.prefix(count)))
    }
}
