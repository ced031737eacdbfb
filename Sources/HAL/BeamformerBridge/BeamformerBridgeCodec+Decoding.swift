import Platform

extension BeamformerBridgeCodec {
    /// Decodes the frame that is exactly `bytes` (one bulk transfer). With
    /// `expectedSequence`, a valid frame with another sequence throws `wrongSequence`.
    /// Allocates nothing; checks in the order `BeamformerBridgeFrameError` lists.
    package static func decode(_ bytes: UnsafeRawBufferPointer, expectedSequence: UInt16? = nil)
        throws(BeamformerBridgeFrameError) -> BeamformerBridgeFrame
    {
        let header = BeamformerBridgeProtocol.headerByteCount
        guard bytes.count >= header else { throw .truncated(receivedByteCount: bytes.count, neededByteCount: header) }
        guard bytes[0] == BeamformerBridgeProtocol.magic.0, bytes[1] == BeamformerBridgeProtocol.magic.1 else {
            throw .badMagic(found: UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
        }
        guard bytes[2] == BeamformerBridgeProtocol.version else { throw .unsupportedVersion(bytes[2]) }
        let command = bytes[3]
        let sequence = loadUInt16(at: 4, in: bytes)
        let payloadByteCount = Int(loadUInt16(at: 6, in: bytes))
        guard payloadByteCount <= BeamformerBridgeProtocol.maximumPayloadByteCount else {
            throw .lengthMismatch(command: command, payloadByteCount: payloadByteCount, receivedByteCount: bytes.count)
        }
        let total = BeamformerBridgeProtocol.frameByteCount(payloadByteCount: payloadByteCount)
        guard bytes.count >= total else { throw .truncated(receivedByteCount: bytes.count, neededByteCount: total) }
        guard bytes.count == total else {
            throw .lengthMismatch(command: command, payloadByteCount: payloadByteCount, receivedByteCount: bytes.count)
        }
        let crcOffset = header + payloadByteCount
        let inFrame = UInt32(loadUInt16(at: crcOffset, in: bytes)) | UInt32(loadUInt16(at: crcOffset + 2, in: bytes)) << 16
        let computed = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<crcOffset]))
        guard inFrame == computed else { throw .badCRC(inFrame: inFrame, computed: computed) }
        guard let known = BeamformerBridgeCommand(rawValue: command) else { throw .unknownCommand(command) }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[header..<crcOffset])
        let message = try decodeMessage(known, payload: payload, frameByteCount: bytes.count)
        if let expectedSequence, expectedSequence != sequence {
            throw .wrongSequence(expected: expectedSequence, received: sequence)
        }
        return BeamformerBridgeFrame(sequence: sequence, message: message)
    }

    /// Decodes the frame in `bytes` (a convenience over the buffer form).
    package static func decode(_ bytes: [UInt8], expectedSequence: UInt16? = nil) throws(BeamformerBridgeFrameError)
        -> BeamformerBridgeFrame
    {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(BeamformerBridgeFrameError) in try decode(buffer, expectedSequence: expectedSequence) }
        }.get()
    }

    /// The code of the `index`-th element (0-based within the load) of `load`, read from the
    /// frame's `bytes`. `index` must be below `load.elementCount`.
    package static func channelCode(_ index: Int, of load: BeamStateLoad, in bytes: UnsafeRawBufferPointer)
        -> BeamformerChannelCode
    {
        let offset = load.codesByteOffset + 2 * index
        return BeamformerChannelCode(phaseCode: bytes[offset], gainCode: bytes[offset + 1])
    }

    /// Every code of `load`, read from the frame's `bytes` (allocates the array).
    package static func channelCodes(of load: BeamStateLoad, in bytes: [UInt8]) -> [BeamformerChannelCode] {
        bytes.withUnsafeBytes { buffer in (0..<load.elementCount).map { channelCode($0, of: load, in: buffer) } }
    }

    private static func decodeMessage(_ command: BeamformerBridgeCommand, payload: UnsafeRawBufferPointer, frameByteCount: Int)
        throws(BeamformerBridgeFrameError) -> BeamformerBridgeMessage
    {
        let mismatch = BeamformerBridgeFrameError.lengthMismatch(
            command: command.rawValue, payloadByteCount: payload.count, receivedByteCount: frameByteCount)
        switch command {
        case .reset, .readStatus:
            guard payload.isEmpty else { throw mismatch }
            return command == .reset ? .reset : .readStatus
        case .latch:
            guard payload.count == 1 else { throw mismatch }
            return .latch(slot: payload[0])
        case .loadBeamState:
            let fixed = BeamformerBridgeProtocol.loadHeaderByteCount
            guard payload.count >= fixed else { throw mismatch }
            let count = Int(loadUInt16(at: 4, in: payload))
            guard payload.count == fixed + 2 * count else { throw mismatch }
            return .loadBeamState(
                BeamStateLoad(
                    slot: payload[0], firstElement: Int(loadUInt16(at: 2, in: payload)), elementCount: count,
                    codesByteOffset: BeamformerBridgeProtocol.headerByteCount + fixed))
        case .acknowledgement:
            let plain = BeamformerBridgeProtocol.acknowledgementByteCount
            guard payload.count == plain || payload.count == plain + BeamformerBridgeProtocol.statusBlockByteCount else {
                throw mismatch
            }
            guard let status = BeamformerBridgeStatus(rawValue: payload[1]) else { throw .unknownStatus(payload[1]) }
            var block: BeamformerBridgeStatusBlock?
            if payload.count > plain {
                let latches = UInt32(loadUInt16(at: 8, in: payload)) | UInt32(loadUInt16(at: 10, in: payload)) << 16
                block = BeamformerBridgeStatusBlock(
                    elementCount: Int(loadUInt16(at: 4, in: payload)), beamStateSlotCount: Int(payload[6]),
                    appliedSlot: payload[7] == BeamformerBridgeProtocol.noSlot ? nil : payload[7], latchCount: latches)
            }
            return .acknowledgement(
                BeamformerBridgeAcknowledgement(
                    acknowledgedCommandCode: payload[0], status: status, detail: loadUInt16(at: 2, in: payload),
                    statusBlock: block))
        }
    }

    static func loadUInt16(at offset: Int, in bytes: UnsafeRawBufferPointer) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }
}
