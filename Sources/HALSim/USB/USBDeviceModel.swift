import HAL

/// What a simulated device answers to an OUT transfer.
package enum USBOutReply: Sendable, Hashable {
    /// The bytes were taken.
    case accepted
    /// The device is not ready (it NAKs): the host retries until the transfer times out.
    case nak
    /// The endpoint halts: the transfer fails with `stall` until the halt is cleared.
    case stall
}

/// What a simulated device answers to an IN transfer (or a control transfer).
package enum USBInReply: Sendable, Hashable {
    /// These bytes (for a control OUT, an empty reply acknowledges the request).
    case data([UInt8])
    /// Nothing to send yet (the device NAKs): the transfer times out.
    case nak
    /// The endpoint halts (for control transfers: the request is refused; the next setup
    /// packet clears it, as USB 2.0 §8.5.3.4 says).
    case stall
}

/// The behaviour of a simulated USB device: it takes OUT bytes and produces IN bytes. Plug
/// it into a `SimulatedUSB` bus; faults (disconnects, stalls, corrupted or truncated
/// replies, timeouts) are injected by the bus, so a model only says what a healthy device
/// would do. Models are called on the thread of the transfer, with the virtual time.
package protocol USBDeviceModel: AnyObject {
    /// The device's vendor:product.
    var identifier: USBIdentifier { get }
    /// The serial-number string descriptor (default: none).
    var serialNumber: String? { get }
    /// A bulk OUT transfer of `bytes` to `endpoint`.
    func receiveBulkOut(_ bytes: [UInt8], on endpoint: USBEndpointAddress, atNanoseconds time: UInt64) -> USBOutReply
    /// A bulk IN transfer from `endpoint` asking for at most `maxLength` bytes; replying with
    /// more is a babble and the host sees `overflow`.
    func produceBulkIn(on endpoint: USBEndpointAddress, maxLength: Int, atNanoseconds time: UInt64) -> USBInReply
    /// A control transfer: `data` is the OUT data stage (empty for IN requests); for IN
    /// requests the reply's bytes are the data stage (at most `data`'s buffer size, `wLength`).
    /// Default: `.stall` (the request is not supported).
    func handleControl(_ setup: USBControlSetup, data: [UInt8], atNanoseconds time: UInt64) -> USBInReply
}

extension USBDeviceModel {
    /// No serial number.
    package var serialNumber: String? { nil }

    /// Refuses every control request with a stall, as a device does for requests it lacks.
    package func handleControl(_ setup: USBControlSetup, data: [UInt8], atNanoseconds time: UInt64) -> USBInReply {
        .stall
    }
}
