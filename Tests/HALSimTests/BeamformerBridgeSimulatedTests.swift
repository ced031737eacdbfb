import HAL
import HALSim
import Platform
import TestSupport
import Testing

/// The simulated beamformer bridge, spoken to frame by frame over the simulated bus.
@Suite struct BeamformerBridgeSimulatedTests {
    let clock = ManualSimulationClock()
    let timeout = Duration.milliseconds(20)

    /// A bus with a 2-chip (8-element) bridge, opened and claimed.
    func bench() throws -> (SimulatedUSB, SimulatedBeamformerBridge, SimulatedUSBDevice) {
        let bus = SimulatedUSB(clock: clock)
        let bridge = SimulatedBeamformerBridge(chipCount: 2)
        bus.plug(bridge)
        let device = try bus.openDevice(for: .beamformer, of: SimBoard.profile)
        try device.claimInterface(BeamformerBridgeProtocol.interfaceNumber)
        return (bus, bridge, device)
    }

    /// Sends one frame and returns the decoded answer.
    func request(
        _ device: SimulatedUSBDevice, _ encode: (UnsafeMutableRawBufferPointer) throws(BeamformerBridgeFrameError) -> Int
    ) throws -> BeamformerBridgeFrame {
        try send(device, try BeamformerBridgeCodec.frame(encode))
    }

    func send(_ device: SimulatedUSBDevice, _ frame: [UInt8]) throws -> BeamformerBridgeFrame {
        try device.bulkWrite(frame, to: BeamformerBridgeProtocol.requestEndpoint, timeout: timeout)
        let reply = try device.bulkRead(
            from: BeamformerBridgeProtocol.replyEndpoint, maxLength: BeamformerBridgeProtocol.maximumFrameByteCount,
            timeout: timeout)
        return try BeamformerBridgeCodec.decode(reply)
    }

    func load(_ codes: [BeamformerChannelCode], slot: UInt8, first: Int, sequence: UInt16) throws -> [UInt8] {
        try codes.withUnsafeBufferPointer { codes in
            try BeamformerBridgeCodec.frame { buffer throws(BeamformerBridgeFrameError) in
                try BeamformerBridgeCodec.encodeLoadBeamState(
                    slot: slot, firstElement: first, codes: codes, sequence: sequence, into: buffer)
            }
        }
    }

    func status(of frame: BeamformerBridgeFrame) -> BeamformerBridgeStatus? {
        guard case .acknowledgement(let ack) = frame.message else { return nil }
        return ack.status
    }

    static let codes = (0..<8).map { BeamformerChannelCode(phaseCode: UInt8(16 * $0 + 3), gainCode: 100) }

    @Test func loadThenLatchAppliesThePhasesToAllElementsAtOnce() throws {
        let (_, bridge, device) = try bench()
        #expect(bridge.appliedCodes == Array(repeating: .zero, count: 8))
        #expect(status(of: try send(device, load(Array(Self.codes[0..<4]), slot: 5, first: 0, sequence: 0))) == .ok)
        #expect(status(of: try send(device, load(Array(Self.codes[4..<8]), slot: 5, first: 4, sequence: 1))) == .ok)
        #expect(bridge.appliedSlot == nil)  // stored, not yet applied
        clock.advance(by: .milliseconds(3))
        let latch = try request(device) { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeLatch(slot: 5, sequence: 2, into: buffer)
        }
        #expect(latch.sequence == 2 && status(of: latch) == .ok)
        #expect(bridge.appliedCodes == Self.codes)
        #expect(bridge.appliedPhasesDegrees == Self.codes.map { Double($0.phaseCode) * 2.8125 })
        #expect(bridge.latches.map(\.timeNanoseconds) == [3_000_000])
        #expect(bridge.requests.map(\.command) == [.loadBeamState, .loadBeamState, .latch])

        let status = try request(device) { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeReadStatus(sequence: 3, into: buffer)
        }
        guard case .acknowledgement(let ack) = status.message else {
            Issue.record("no acknowledgement")
            return
        }
        #expect(
            ack.statusBlock
                == BeamformerBridgeStatusBlock(elementCount: 8, beamStateSlotCount: 121, appliedSlot: 5, latchCount: 1))
    }

    @Test func aSlotWithUnwrittenElementsIsNotLatched() throws {
        let (_, bridge, device) = try bench()
        _ = try send(device, load(Array(Self.codes[0..<4]), slot: 1, first: 0, sequence: 10))
        let latch = try request(device) { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeLatch(slot: 1, sequence: 11, into: buffer)
        }
        #expect(status(of: latch) == .slotNotLoaded)
        #expect(bridge.latches.isEmpty)
        #expect(status(of: try send(device, load(Self.codes, slot: 1, first: 4, sequence: 12))) == .elementRangeOutOfRange)
    }

    @Test func sequenceNumbersAreCheckedAndARetryIsNotExecutedTwice() throws {
        let (_, bridge, device) = try bench()
        _ = try send(device, load(Self.codes, slot: 0, first: 0, sequence: 40))
        let latch = try BeamformerBridgeCodec.frame { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeLatch(slot: 0, sequence: 41, into: buffer)
        }
        #expect(status(of: try send(device, latch)) == .ok)
        #expect(status(of: try send(device, latch)) == .ok)  // the host lost the ack and retried
        #expect(bridge.latchCountSinceReset == 1)
        let skipped = try request(device) { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeReadStatus(sequence: 45, into: buffer)
        }
        guard case .acknowledgement(let nak) = skipped.message else {
            Issue.record("no acknowledgement")
            return
        }
        #expect(nak.status == .wrongSequence && nak.detail == 42)
        // A reset resynchronises from any sequence, and clears everything.
        let reset = try request(device) { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeReset(sequence: 900, into: buffer)
        }
        #expect(status(of: reset) == .ok)
        #expect(bridge.appliedSlot == nil && bridge.storedCodes(inSlot: 0) == nil)
        #expect(bridge.appliedCodes == Array(repeating: .zero, count: 8))
    }

    @Test func aDamagedRequestIsRefusedWithItsStatusAndChangesNothing() throws {
        let (_, bridge, device) = try bench()
        var frame = try load(Self.codes, slot: 0, first: 0, sequence: 1)
        frame[12] ^= 0x01
        let reply = try send(device, frame)
        #expect(status(of: reply) == .badCRC && reply.sequence == 1)
        #expect(bridge.storedCodes(inSlot: 0) == nil)
        #expect(status(of: try send(device, Array(frame.prefix(10)))) == .truncated)
        #expect(status(of: try send(device, [0x47, 0x45, 0x54, 0x20, 0x2F, 0x20, 0x48, 0x54, 0x54, 0x50])) == .badMagic)
        // The undamaged frame with the same sequence still goes through.
        #expect(status(of: try send(device, load(Self.codes, slot: 0, first: 0, sequence: 1))) == .ok)
        var bad = Self.codes
        bad[6].gainCode = 200
        let codeReply = try send(device, load(Array(bad[4..<8]), slot: 0, first: 4, sequence: 2, unchecked: true))
        guard case .acknowledgement(let ack) = codeReply.message else {
            Issue.record("no acknowledgement")
            return
        }
        #expect(ack.status == .codeOutOfRange && ack.detail == 6)
    }

    @Test func aSilentBridgeTimesOutAndAnInjectedFaultIsReported() throws {
        let (_, bridge, device) = try bench()
        bridge.isSilent = true
        try device.bulkWrite(
            try load(Self.codes, slot: 0, first: 0, sequence: 1), to: BeamformerBridgeProtocol.requestEndpoint, timeout: timeout)
        expectUSBError(.timeout) {
            _ = try device.bulkRead(from: BeamformerBridgeProtocol.replyEndpoint, maxLength: 64, timeout: .milliseconds(20))
        }
        #expect(clock.nowNanoseconds == 20_000_000)
        bridge.isSilent = false
        bridge.powerCycle()
        bridge.injectStatus(.deviceFault)
        let reply = try request(device) { buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeReadStatus(sequence: 0, into: buffer)
        }
        #expect(status(of: reply) == .deviceFault)
    }
}

extension BeamformerBridgeSimulatedTests {
    /// A load frame built without the encoder's checks (to send codes above 127).
    func load(_ codes: [BeamformerChannelCode], slot: UInt8, first: Int, sequence: UInt16, unchecked: Bool) throws -> [UInt8] {
        var payload: [UInt8] = [
            slot, 0, UInt8(first & 0xFF), UInt8(first >> 8), UInt8(codes.count & 0xFF), UInt8(codes.count >> 8),
        ]
        for code in codes { payload += [code.phaseCode, code.gainCode] }
        var bytes: [UInt8] = [0x55, 0x42, 1, 0x03, UInt8(sequence & 0xFF), UInt8(sequence >> 8)]
        bytes += [UInt8(payload.count & 0xFF), UInt8(payload.count >> 8)] + payload
        let crc = CRC32C.checksum(bytes)
        return bytes + [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 24)]
    }
}
