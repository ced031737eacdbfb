/// The utermd beamformer bridge protocol, version 1: how the host sets the phase and gain of
/// every element of the phased array through a USB bridge to the beamformer chips.
///
/// ## The hardware it models
/// The array's elements are driven by ADAR1000-class beamformer chips (Analog Devices
/// ADAR1000 data sheet, Rev. B: four channels per chip, 7-bit phase (360°/128 = 2.8125°
/// steps) and 7-bit gain per channel, 121 stored beam states per chip, loaded over SPI and
/// applied to all chips at once by a shared load pin). The bridge is a USB device
/// (vendor:product `1209:0001`, a pid.codes test id) that owns the SPI buses and the load
/// pin. Element `e` is channel `e % 4` of chip `e / 4`; a Gen-1 dish of 1,280 elements is
/// 320 chips.
///
/// ## Transport
/// Interface 0, bulk OUT endpoint 0x01 (host to bridge) and bulk IN endpoint 0x81 (bridge
/// to host). One frame is one bulk transfer, never split or joined. Every request gets
/// exactly one reply frame on the IN endpoint, in order.
///
/// ## Frame layout (all multi-byte fields little-endian)
///
/// | offset  | size | field           | value                                                    |
/// |---------|------|-----------------|----------------------------------------------------------|
/// | 0       | 2    | magic           | `0x55 0x42` (ASCII "UB")                                 |
/// | 2       | 1    | version         | 1                                                        |
/// | 3       | 1    | command         | see below                                                |
/// | 4       | 2    | sequence        | request: host's counter; reply: the request's            |
/// | 6       | 2    | payload length  | n, 0...4096                                              |
/// | 8       | n    | payload         | per command                                              |
/// | 8 + n   | 4    | CRC             | CRC-32C (`CRC32C`) of bytes 0 ..< 8 + n                  |
///
/// ## Commands and payloads
///
/// | code | command           | direction | payload                                                                  |
/// |------|-------------------|-----------|--------------------------------------------------------------------------|
/// | 0x01 | reset             | host → bridge | none. Clears every beam state and the applied state; resynchronises the sequence |
/// | 0x02 | read status       | host → bridge | none                                                                 |
/// | 0x03 | load beam state   | host → bridge | slot u8 (0...120), reserved u8 (0), first element u16, count u16, then count × (phase code u8, gain code u8), each code 0...127 |
/// | 0x04 | latch             | host → bridge | slot u8: apply that stored state to all chips at once                |
/// | 0x80 | acknowledgement   | bridge → host | acknowledged command u8, status u8, detail u16; after a read status, the status block (8 bytes) |
///
/// Status block: element count u16, beam-state slots u8, applied slot u8 (0xFF: none since
/// reset), latches since reset u32.
///
/// Status codes (`BeamformerBridgeStatus`): 0 ok; 1 bad magic; 2 unsupported version;
/// 3 bad CRC; 4 truncated; 5 length mismatch; 6 unknown command; 7 wrong sequence (detail:
/// the sequence expected); 8 slot out of range; 9 element range out of range; 10 code out of
/// range (detail: the first bad element); 11 slot not loaded (some element of the slot was
/// never written since reset); 12 device fault.
///
/// ## Sequence numbers
/// The host numbers its requests 0, 1, 2, ... (wrapping at 65,536). The bridge executes a
/// request whose sequence is one more than the last one it accepted; a request with the same
/// sequence as the last one is a retry, answered with the same acknowledgement again and not
/// executed twice; any other sequence is refused with status 7. A reset is accepted with any
/// sequence and restarts the count from it; so is the first request after power-up. A frame
/// the bridge cannot decode (bad magic, CRC, length) is answered with the matching status,
/// echoing the command byte and sequence as received (0 when the frame was too short).
///
/// ## Why this shape
/// Loading into a slot and latching separately is what the ADAR1000 offers: the host fills a
/// slot that is not applied while the array keeps its beam, then switches all chips in one
/// edge, so no element ever points somewhere between two beams. The host alternates between
/// two slots for that reason.
package enum BeamformerBridgeProtocol {
    /// The protocol version this codec speaks.
    package static let version: UInt8 = 1
    /// The two magic bytes, "UB".
    package static let magic: (UInt8, UInt8) = (0x55, 0x42)
    /// Bytes before the payload: magic, version, command, sequence, payload length.
    package static let headerByteCount = 8
    /// Bytes of the CRC after the payload.
    package static let crcByteCount = 4
    /// The largest payload a frame may carry.
    package static let maximumPayloadByteCount = 4096
    /// The largest frame: header, largest payload, CRC.
    package static let maximumFrameByteCount = headerByteCount + maximumPayloadByteCount + crcByteCount
    /// Bytes before the channel codes in a load-beam-state payload.
    package static let loadHeaderByteCount = 6
    /// The most elements one load-beam-state frame can carry.
    package static let maximumElementsPerLoad = (maximumPayloadByteCount - loadHeaderByteCount) / 2
    /// Bytes of an acknowledgement payload (without a status block).
    package static let acknowledgementByteCount = 4
    /// Bytes of the status block that follows the acknowledgement of a read status.
    package static let statusBlockByteCount = 8
    /// Stored beam states per chip (ADAR1000 data sheet: 121).
    package static let beamStateSlotCount = 121
    /// Channels per beamformer chip.
    package static let channelsPerChip = 4
    /// The slot value meaning "none" in a status block.
    package static let noSlot: UInt8 = 0xFF

    /// The interface to claim.
    package static let interfaceNumber = 0
    /// Host-to-bridge bulk endpoint.
    package static let requestEndpoint = USBEndpointAddress.output(1)
    /// Bridge-to-host bulk endpoint.
    package static let replyEndpoint = USBEndpointAddress.input(1)

    /// The size of a frame carrying `payloadByteCount` bytes of payload.
    package static func frameByteCount(payloadByteCount: Int) -> Int {
        headerByteCount + payloadByteCount + crcByteCount
    }
}
