import Platform

/// Encodes and decodes beamformer bridge frames (layout: `BeamformerBridgeProtocol`).
///
/// The buffer forms allocate nothing: the caller owns the bytes (a buffer of
/// `BeamformerBridgeProtocol.maximumFrameByteCount` made once fits every frame), so the
/// driver can build frames without touching the heap. The `[UInt8]` forms are conveniences
/// for tests and the simulated bridge.
package enum BeamformerBridgeCodec {}

extension BeamformerBridgeCodec {
    /// Writes a reset request; returns the frame's length.
    package static func encodeReset(sequence: UInt16, into buffer: UnsafeMutableRawBufferPointer)
        throws(BeamformerBridgeFrameError) -> Int
    {
        try writeFrame(command: BeamformerBridgeCommand.reset.rawValue, sequence: sequence, payloadByteCount: 0, into: buffer) {
            _ in
        }
    }

    /// Writes a read-status request; returns the frame's length.
    package static func encodeReadStatus(sequence: UInt16, into buffer: UnsafeMutableRawBufferPointer)
        throws(BeamformerBridgeFrameError) -> Int
    {
        try writeFrame(
            command: BeamformerBridgeCommand.readStatus.rawValue, sequence: sequence, payloadByteCount: 0, into: buffer
        ) {
            _ in
        }
    }

    /// Writes a request to store `codes` for elements `firstElement ..< firstElement + codes.count`
    /// into `slot`; returns the frame's length. Refuses codes above 127, more elements than one
    /// frame carries (`BeamformerBridgeProtocol.maximumElementsPerLoad`) and slots past 120.
    package static func encodeLoadBeamState(
        slot: UInt8, firstElement: Int, codes: UnsafeBufferPointer<BeamformerChannelCode>, sequence: UInt16,
        into buffer: UnsafeMutableRawBufferPointer
    ) throws(BeamformerBridgeFrameError) -> Int {
        guard Int(slot) < BeamformerBridgeProtocol.beamStateSlotCount else {
            throw .invalidRequest("slot \(slot) is past the last (\(BeamformerBridgeProtocol.beamStateSlotCount - 1))")
        }
        guard codes.count <= BeamformerBridgeProtocol.maximumElementsPerLoad,
            firstElement >= 0, firstElement + codes.count <= Int(UInt16.max)
        else {
            throw .invalidRequest("elements \(firstElement) ..< \(firstElement + codes.count) do not fit one frame")
        }
        for index in codes.indices where !codes[index].isValid {
            throw .codeOutOfRange(element: firstElement + index)
        }
        let payloadByteCount = BeamformerBridgeProtocol.loadHeaderByteCount + 2 * codes.count
        let command = BeamformerBridgeCommand.loadBeamState.rawValue
        return try writeFrame(command: command, sequence: sequence, payloadByteCount: payloadByteCount, into: buffer) {
            payload in
            payload[0] = slot
            payload[1] = 0
            storeUInt16(UInt16(firstElement), at: 2, in: payload)
            storeUInt16(UInt16(codes.count), at: 4, in: payload)
            var offset = BeamformerBridgeProtocol.loadHeaderByteCount
            for code in codes {
                payload[offset] = code.phaseCode
                payload[offset + 1] = code.gainCode
                offset += 2
            }
        }
    }

    /// Writes a request to apply `slot` to all chips; returns the frame's length.
    package static func encodeLatch(slot: UInt8, sequence: UInt16, into buffer: UnsafeMutableRawBufferPointer)
        throws(BeamformerBridgeFrameError) -> Int
    {
        try writeFrame(command: BeamformerBridgeCommand.latch.rawValue, sequence: sequence, payloadByteCount: 1, into: buffer) {
            $0[0] = slot
        }
    }

    /// Writes the bridge's answer `acknowledgement` to request `sequence`; returns its length.
    package static func encodeAcknowledgement(
        _ acknowledgement: BeamformerBridgeAcknowledgement, sequence: UInt16, into buffer: UnsafeMutableRawBufferPointer
    ) throws(BeamformerBridgeFrameError) -> Int {
        let block = acknowledgement.statusBlock
        let payloadByteCount =
            BeamformerBridgeProtocol.acknowledgementByteCount + (block == nil ? 0 : BeamformerBridgeProtocol.statusBlockByteCount)
        let command = BeamformerBridgeCommand.acknowledgement.rawValue
        return try writeFrame(command: command, sequence: sequence, payloadByteCount: payloadByteCount, into: buffer) {
            payload in
            payload[0] = acknowledgement.acknowledgedCommandCode
            payload[1] = acknowledgement.status.rawValue
            storeUInt16(acknowledgement.detail, at: 2, in: payload)
            guard let block else { return }
            storeUInt16(UInt16(clamping: block.elementCount), at: 4, in: payload)
            payload[6] = UInt8(clamping: block.beamStateSlotCount)
            payload[7] = block.appliedSlot ?? BeamformerBridgeProtocol.noSlot
            storeUInt16(UInt16(truncatingIfNeeded: block.latchCount), at: 8, in: payload)
            storeUInt16(UInt16(truncatingIfNeeded: block.latchCount >> 16), at: 10, in: payload)
        }
    }

    /// A frame as a new array (for tests and the simulated bridge, not the hot path).
    package static func frame(
        _ encode: (UnsafeMutableRawBufferPointer) throws(BeamformerBridgeFrameError) -> Int
    ) throws(BeamformerBridgeFrameError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: BeamformerBridgeProtocol.maximumFrameByteCount)
        let count = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(BeamformerBridgeFrameError) in try encode(buffer) }
        }.get()
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Writes header, payload (through `writePayload`, given exactly `payloadByteCount` bytes)
    /// and CRC into `buffer`; returns the frame's length.
    static func writeFrame(
        command: UInt8, sequence: UInt16, payloadByteCount: Int, into buffer: UnsafeMutableRawBufferPointer,
        writePayload: (UnsafeMutableRawBufferPointer) -> Void
    ) throws(BeamformerBridgeFrameError) -> Int {
        guard payloadByteCount <= BeamformerBridgeProtocol.maximumPayloadByteCount else {
            throw .invalidRequest(
                "a \(payloadByteCount)-byte payload exceeds \(BeamformerBridgeProtocol.maximumPayloadByteCount)")
        }
        let header = BeamformerBridgeProtocol.headerByteCount
        let total = BeamformerBridgeProtocol.frameByteCount(payloadByteCount: payloadByteCount)
        guard buffer.count >= total else { throw .bufferTooSmall(neededByteCount: total, availableByteCount: buffer.count) }
        buffer[0] = BeamformerBridgeProtocol.magic.0
        buffer[1] = BeamformerBridgeProtocol.magic.1
        buffer[2] = BeamformerBridgeProtocol.version
        buffer[3] = command
        storeUInt16(sequence, at: 4, in: buffer)
        storeUInt16(UInt16(payloadByteCount), at: 6, in: buffer)
        writePayload(UnsafeMutableRawBufferPointer(rebasing: buffer[header..<header + payloadByteCount]))
        let crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: buffer[0..<header + payloadByteCount]))
        storeUInt16(UInt16(truncatingIfNeeded: crc), at: header + payloadByteCount, in: buffer)
        storeUInt16(UInt16(truncatingIfNeeded: crc >> 16), at: header + payloadByteCount + 2, in: buffer)
        return total
    }

    static func storeUInt16(_ value: UInt16, at offset: Int, in buffer: UnsafeMutableRawBufferPointer) {
        buffer[offset] = UInt8(truncatingIfNeeded: value)
        buffer[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }
}
