import HAL

/// Why an exchange with the beamformer bridge failed.
package enum BeamformerBridgeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The USB transfer failed (disconnected, timeout, stall, ...).
    case usb(USBError)
    /// The reply was not a valid frame (bad magic, CRC, truncated, wrong sequence, ...).
    case frame(BeamformerBridgeFrameError)
    /// The reply was a valid frame but not the acknowledgement of the request sent.
    case unexpectedReply(expected: BeamformerBridgeCommand, receivedCommandCode: UInt8)
    /// The bridge refused the request (a NAK) with `status`.
    case refused(BeamformerBridgeCommand, status: BeamformerBridgeStatus, detail: UInt16)
    /// The bridge drives fewer elements than the array has.
    case tooFewElements(bridge: Int, array: Int)
    /// The codes cannot be sent (a code above 127, or the element count is wrong).
    case invalidSteering(BeamformerBridgeFrameError)

    /// Whether the device is gone (so the driver waits for it to come back).
    package var isDisconnection: Bool {
        if case .usb(let error) = self { return error.kind == .disconnected || error.kind == .notFound }
        return false
    }

    /// What failed, in words.
    package var description: String {
        switch self {
        case .usb(let error): "USB: \(error)"
        case .frame(let error): "reply rejected: \(error)"
        case .unexpectedReply(let expected, let received):
            "expected the acknowledgement of \(expected), received command 0x\(String(received, radix: 16))"
        case .refused(let command, let status, let detail): "\(command) refused: \(status) (detail \(detail))"
        case .tooFewElements(let bridge, let array): "the bridge drives \(bridge) elements, the array has \(array)"
        case .invalidSteering(let error): "steering not sendable: \(error)"
        }
    }
}
