import HAL

/// A fault injected into a simulated device with `SimulatedUSB.inject(_:into:)`. Each is
/// what a real link does on a bad day; the protocol layer above must survive all of them.
package enum SimulatedUSBFault: Sendable, Hashable {
    /// The next transfer moves at most `afterBytes` bytes, then the device leaves the bus:
    /// that transfer throws `disconnected` (with the bytes moved), every later one too, and
    /// the hot-plug monitor reports `left`. The model does receive a partial OUT prefix.
    case disconnectMidTransfer(afterBytes: Int)
    /// The endpoint halts at once: every transfer on it throws `stall` until `clearHalt`.
    case stall(USBEndpointAddress)
    /// The next transfer gets no answer: it waits its whole timeout (in virtual time), then
    /// throws `timeout`.
    case timeout
    /// The next IN reply has byte `byteOffset` XOR-ed with `xorMask`; it is delivered as-is
    /// (USB's CRC would not catch a fault inside the device or its firmware).
    case corruptReply(byteOffset: Int, xorMask: UInt8)
    /// The next IN reply is cut to `length` bytes (a short packet).
    case truncateReply(toLength: Int)

    /// Whether this fault is used up by the next transfer of any kind.
    var appliesToAnyTransfer: Bool {
        switch self {
        case .disconnectMidTransfer, .timeout: true
        case .stall, .corruptReply, .truncateReply: false
        }
    }

    /// Whether this fault alters the next IN reply.
    var altersReply: Bool {
        switch self {
        case .corruptReply, .truncateReply: true
        case .disconnectMidTransfer, .stall, .timeout: false
        }
    }
}

/// One transfer as the simulated bus saw it, for tests that assert the exchange.
package struct USBTransferRecord: Sendable, Hashable {
    /// The kind of transfer.
    package enum Kind: String, Sendable, Hashable {
        case bulkOut, bulkIn, control
    }

    /// When it started, in virtual nanoseconds.
    package var timeNanoseconds: UInt64
    /// Which device.
    package var device: USBIdentifier
    /// Bulk OUT, bulk IN or control.
    package var kind: Kind
    /// The endpoint (0x00 or 0x80 for control transfers).
    package var endpoint: USBEndpointAddress
    /// The bytes that moved: sent for OUT, delivered to the host for IN.
    package var bytes: [UInt8]
    /// The failure, or nil when the transfer succeeded.
    package var failure: USBError.Kind?
}
