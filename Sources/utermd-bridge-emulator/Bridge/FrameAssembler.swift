import HAL

/// Puts request frames together from the packets of the bulk OUT endpoint, as the bridge's
/// microcontroller does.
///
/// USB ends a bulk transfer with a short packet (USB 2.0 §5.8.3); a frame whose length is a
/// whole number of packets (a 512-byte frame at high speed, any multiple of 64 at full speed)
/// has none, unless the host adds a zero-length packet, which libusb does not by default. A
/// device that waited for the transfer's end would hang on such a frame until the next
/// request arrived. So the emulator reads one packet at a time and, once the header is in,
/// knows the frame's length from it: a frame is complete when its declared length has
/// arrived, at a short packet, or at the largest frame length (without a valid header, only
/// the latter two apply, and the decoder then says what is wrong).
struct FrameAssembler {
    /// The bytes gathered for the frame in progress.
    private(set) var bytes: [UInt8] = []

    /// An assembler with room for the largest frame.
    init() {
        bytes.reserveCapacity(BeamformerBridgeProtocol.maximumFrameByteCount)
    }

    /// Adds one packet (`isShort`: shorter than the endpoint's maximum packet size); returns
    /// the frame when it is complete. A zero-length packet with nothing gathered ends a frame
    /// already complete by its length and is ignored.
    mutating func add(_ packet: ArraySlice<UInt8>, isShort: Bool) -> [UInt8]? {
        if packet.isEmpty, bytes.isEmpty { return nil }
        bytes += packet
        guard isShort || bytes.count >= BeamformerBridgeProtocol.maximumFrameByteCount || hasDeclaredLength else {
            return nil
        }
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Drops a partial frame (the link went down).
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Whether a valid header has arrived and the frame's declared length with it.
    private var hasDeclaredLength: Bool {
        let header = BeamformerBridgeProtocol.headerByteCount
        guard bytes.count >= header, bytes[0] == BeamformerBridgeProtocol.magic.0, bytes[1] == BeamformerBridgeProtocol.magic.1
        else { return false }
        let payload = min(Int(bytes[6]) | Int(bytes[7]) << 8, BeamformerBridgeProtocol.maximumPayloadByteCount)
        return bytes.count >= BeamformerBridgeProtocol.frameByteCount(payloadByteCount: payload)
    }
}
