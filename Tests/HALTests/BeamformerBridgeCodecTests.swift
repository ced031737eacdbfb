import HAL
import Platform
import Testing

/// The beamformer bridge codec: CRC, every command both ways, and every way a frame is
/// rejected, each with its typed error.
@Suite struct BeamformerBridgeCodecTests {
    /// A frame built by hand, as the protocol table describes it, with a correct CRC-32C.
    static func handFrame(command: UInt8, sequence: UInt16, payload: [UInt8], version: UInt8 = 1) -> [UInt8] {
        var bytes: [UInt8] = [0x55, 0x42, version, command, UInt8(sequence & 0xFF), UInt8(sequence >> 8)]
        bytes += [UInt8(payload.count & 0xFF), UInt8(payload.count >> 8)] + payload
        let crc = CRC32C.checksum(bytes)
        return bytes + [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 24)]
    }

    func expectFrameError(
        _ expected: BeamformerBridgeFrameError, _ bytes: [UInt8], expectedSequence: UInt16? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: BeamformerBridgeFrameError.self, sourceLocation: sourceLocation) {
            _ = try BeamformerBridgeCodec.decode(bytes, expectedSequence: expectedSequence)
        }
        #expect(error == expected, sourceLocation: sourceLocation)
    }

    @Test func crc32cHasTheCatalogueCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum(Array("123456789".utf8)) == CRC32C.checkValue)
        #expect(CRC32C.checksum([]) == 0)
        // RFC 3720 appendix B.4: 32 bytes of zeros give 0x8A9136AA.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        // The other vectors of B.4: 32 bytes of 0xFF, bytes 0...31 ascending, 31...0 descending.
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }) == 0x113F_DB5C)
    }

    /// Slicing-by-8 against the bit-by-bit definition, at every length and split point
    /// (the eight-byte path, the byte tail, unaligned starts, updates in pieces).
    @Test func crc32cAgreesWithTheBitwiseDefinition() {
        func bitwise(_ bytes: ArraySlice<UInt8>, from register: UInt32 = 0xFFFF_FFFF) -> UInt32 {
            var crc = register
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ CRC32C.reflectedPolynomial : crc >> 1 }
            }
            return crc
        }
        var generator = SystemRandomNumberGenerator()
        let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for length in 0..<data.count {
            let slice = data[0..<length]
            #expect(CRC32C.checksum(Array(slice)) == bitwise(slice) ^ 0xFFFF_FFFF, "length \(length)")
        }
        for split in [1, 3, 7, 8, 9, 100] {
            let head = data[0..<split]
            let tail = data[split...]
            let pieces = tail.withUnsafeBytes { CRC32C.update(head.withUnsafeBytes { CRC32C.update(CRC32C.start, with: $0) }, with: $0) }
            #expect(CRC32C.finish(pieces) == CRC32C.checksum(data), "split at \(split)")
            let unaligned = data[split...].withUnsafeBytes { CRC32C.checksum($0) }
            #expect(unaligned == bitwise(data[split...]) ^ 0xFFFF_FFFF, "unaligned start \(split)")
        }
    }

    @Test func aLatchFrameIsExactlyTheDocumentedBytes() throws {
        let bytes = try BeamformerBridgeCodec.frame { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeLatch(slot: 7, sequence: 0x1234, into: buffer)
        }
        #expect(bytes == Self.handFrame(command: 0x04, sequence: 0x1234, payload: [7]))
        #expect(bytes.count == 13)
        #expect(try BeamformerBridgeCodec.decode(bytes) == BeamformerBridgeFrame(sequence: 0x1234, message: .latch(slot: 7)))
    }

    @Test func everyRequestRoundTrips() throws {
        let reset = try BeamformerBridgeCodec.frame { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeReset(sequence: 1, into: buffer)
        }
        #expect(try BeamformerBridgeCodec.decode(reset).message == .reset)
        let status = try BeamformerBridgeCodec.frame { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeReadStatus(sequence: 2, into: buffer)
        }
        #expect(try BeamformerBridgeCodec.decode(status, expectedSequence: 2).message == .readStatus)

        let codes = (0..<300).map { BeamformerChannelCode(phaseCode: UInt8($0 % 128), gainCode: UInt8(127 - $0 % 128)) }
        let load = try codes.withUnsafeBufferPointer { codes in
            try BeamformerBridgeCodec.frame { buffer throws(BeamformerBridgeFrameError) in
                try BeamformerBridgeCodec.encodeLoadBeamState(
                    slot: 120, firstElement: 980, codes: codes, sequence: 3, into: buffer)
            }
        }
        #expect(load.count == 8 + 6 + 600 + 4)
        let decoded = try BeamformerBridgeCodec.decode(load)
        guard case .loadBeamState(let header) = decoded.message else {
            Issue.record("not a load: \(decoded)")
            return
        }
        #expect(header.slot == 120 && header.firstElement == 980 && header.elementCount == 300)
        #expect(BeamformerBridgeCodec.channelCodes(of: header, in: load) == codes)
    }

    @Test func acknowledgementsRoundTripWithAndWithoutAStatusBlock() throws {
        let block = BeamformerBridgeStatusBlock(elementCount: 1280, beamStateSlotCount: 121, appliedSlot: nil, latchCount: 70_000)
        for ack in [
            BeamformerBridgeAcknowledgement(acknowledgedCommandCode: 0x02, status: .ok, statusBlock: block),
            BeamformerBridgeAcknowledgement(acknowledgedCommandCode: 0x03, status: .wrongSequence, detail: 41),
            BeamformerBridgeAcknowledgement(acknowledgedCommandCode: 0x99, status: .unknownCommand),
        ] {
            let bytes = try BeamformerBridgeCodec.frame { buffer throws(BeamformerBridgeFrameError) in
                try BeamformerBridgeCodec.encodeAcknowledgement(ack, sequence: 9, into: buffer)
            }
            #expect(
                try BeamformerBridgeCodec.decode(bytes, expectedSequence: 9) == .init(sequence: 9, message: .acknowledgement(ack))
            )
        }
    }

    @Test func badMagicVersionAndTruncationAreTyped() {
        var frame = Self.handFrame(command: 0x01, sequence: 5, payload: [])
        expectFrameError(.truncated(receivedByteCount: 5, neededByteCount: 8), Array(frame.prefix(5)))
        expectFrameError(.truncated(receivedByteCount: 10, neededByteCount: 12), Array(frame.prefix(10)))
        expectFrameError(.truncated(receivedByteCount: 0, neededByteCount: 8), [])
        frame[0] = 0x00
        expectFrameError(.badMagic(found: 0x0042), frame)
        expectFrameError(.unsupportedVersion(2), Self.handFrame(command: 0x01, sequence: 5, payload: [], version: 2))
    }

    @Test func lengthMismatchesAreTyped() {
        // Bytes after the CRC.
        expectFrameError(
            .lengthMismatch(command: 0x01, payloadByteCount: 0, receivedByteCount: 13),
            Self.handFrame(command: 0x01, sequence: 5, payload: []) + [0])
        // A reset with a payload; a latch without one; a load whose count disagrees with its bytes.
        expectFrameError(
            .lengthMismatch(command: 0x01, payloadByteCount: 1, receivedByteCount: 13),
            Self.handFrame(command: 0x01, sequence: 5, payload: [1]))
        expectFrameError(
            .lengthMismatch(command: 0x04, payloadByteCount: 0, receivedByteCount: 12),
            Self.handFrame(command: 0x04, sequence: 5, payload: []))
        expectFrameError(
            .lengthMismatch(command: 0x03, payloadByteCount: 8, receivedByteCount: 20),
            Self.handFrame(command: 0x03, sequence: 5, payload: [0, 0, 0, 0, 2, 0, 1, 1]))
        // A declared length beyond the protocol's maximum.
        var huge = Self.handFrame(command: 0x01, sequence: 5, payload: [])
        huge[6] = 0xFF
        huge[7] = 0xFF
        expectFrameError(.lengthMismatch(command: 0x01, payloadByteCount: 65535, receivedByteCount: 12), huge)
    }

    @Test func everySingleBitFlipIsCaughtByTheCRCOrAnEarlierCheck() {
        let frame = Self.handFrame(command: 0x04, sequence: 300, payload: [3])
        for byte in 0..<frame.count {
            for bit in 0..<8 {
                var damaged = frame
                damaged[byte] ^= 1 << bit
                #expect(throws: BeamformerBridgeFrameError.self) { _ = try BeamformerBridgeCodec.decode(damaged) }
            }
        }
        var damaged = frame
        damaged[8] ^= 0x10
        let error = #expect(throws: BeamformerBridgeFrameError.self) { _ = try BeamformerBridgeCodec.decode(damaged) }
        guard case .badCRC? = error else {
            Issue.record("a flipped payload bit should fail the CRC, got \(String(describing: error))")
            return
        }
    }

    @Test func unknownCommandsStatusesAndSequencesAreTyped() {
        expectFrameError(.unknownCommand(0x42), Self.handFrame(command: 0x42, sequence: 1, payload: []))
        expectFrameError(.unknownStatus(200), Self.handFrame(command: 0x80, sequence: 1, payload: [0x04, 200, 0, 0]))
        expectFrameError(
            .wrongSequence(expected: 8, received: 7), Self.handFrame(command: 0x80, sequence: 7, payload: [0x04, 0, 0, 0]),
            expectedSequence: 8)
    }

    @Test func theEncoderRefusesWhatTheBridgeCouldNotTake() {
        let bad = [BeamformerChannelCode(phaseCode: 1, gainCode: 1), BeamformerChannelCode(phaseCode: 128, gainCode: 0)]
        var buffer = [UInt8](repeating: 0, count: 64)
        buffer.withUnsafeMutableBytes { buffer in
            bad.withUnsafeBufferPointer { codes in
                #expect(throws: BeamformerBridgeFrameError.codeOutOfRange(element: 11)) {
                    _ = try BeamformerBridgeCodec.encodeLoadBeamState(
                        slot: 0, firstElement: 10, codes: codes, sequence: 0, into: buffer)
                }
                let slotError = #expect(throws: BeamformerBridgeFrameError.self) {
                    _ = try BeamformerBridgeCodec.encodeLoadBeamState(
                        slot: 121, firstElement: 0, codes: codes, sequence: 0, into: buffer)
                }
                #expect(slotError?.status == .elementRangeOutOfRange)
            }
            #expect(throws: BeamformerBridgeFrameError.bufferTooSmall(neededByteCount: 13, availableByteCount: 12)) {
                _ = try BeamformerBridgeCodec.encodeLatch(
                    slot: 0, sequence: 0, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<12]))
            }
        }
        let tooMany = [BeamformerChannelCode](repeating: .zero, count: BeamformerBridgeProtocol.maximumElementsPerLoad + 1)
        #expect(throws: BeamformerBridgeFrameError.self) {
            _ = try tooMany.withUnsafeBufferPointer { codes in
                try BeamformerBridgeCodec.frame { buffer throws(BeamformerBridgeFrameError) in
                    try BeamformerBridgeCodec.encodeLoadBeamState(
                        slot: 0, firstElement: 0, codes: codes, sequence: 0, into: buffer)
                }
            }
        }
    }

    @Test func channelCodesAreTwoBytesAndSevenBits() {
        #expect(MemoryLayout<BeamformerChannelCode>.size == 2)
        #expect(BeamformerChannelCode(phaseCode: 64, gainCode: 0).phaseDegrees == 180)
        #expect(BeamformerChannelCode(phaseCode: 127, gainCode: 127).isValid)
        #expect(!BeamformerChannelCode(phaseCode: 0, gainCode: 128).isValid)
        #expect(BeamformerBridgeProtocol.maximumElementsPerLoad == 2045)
    }
}
