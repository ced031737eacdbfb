import Drivers
import HAL
import HALLinux
import Platform

/// One open bridge, and request/reply exchanges of raw frames over its bulk endpoints.
final class BridgeSession {
    private let device: LinuxUSBDevice
    private let timeout: Duration

    /// The serial number the device reports.
    var serialNumber: String? { device.serialNumber }

    /// Opens the bridge through libusb and claims its interface.
    init(identifier: USBIdentifier, serialNumber: String?, timeout: Duration) throws(USBError) {
        device = try LinuxUSB().openDevice(identifier, serialNumber: serialNumber)
        try device.claimInterface(BeamformerBridgeProtocol.interfaceNumber)
        self.timeout = timeout
    }

    /// Closes the device (so the driver can open it).
    func close() { device.close() }

    /// Sends `request` as one bulk OUT transfer and decodes the reply of one bulk IN
    /// transfer; returns it with the round-trip time.
    func exchange(_ request: [UInt8]) throws -> (frame: BeamformerBridgeFrame, nanoseconds: UInt64) {
        let start = MonotonicTime.unsignedNanoseconds()
        try device.bulkWrite(request, to: BeamformerBridgeProtocol.requestEndpoint, timeout: timeout)
        let reply = try device.bulkRead(
            from: BeamformerBridgeProtocol.replyEndpoint, maxLength: BeamformerBridgeProtocol.maximumFrameByteCount,
            timeout: timeout)
        let elapsed = MonotonicTime.unsignedNanoseconds() - start
        return (try BeamformerBridgeCodec.decode(reply), elapsed)
    }

    /// The acknowledgement in `frame`, or nil when it is another message.
    static func acknowledgement(_ frame: BeamformerBridgeFrame) -> BeamformerBridgeAcknowledgement? {
        if case .acknowledgement(let ack) = frame.message { return ack }
        return nil
    }
}
