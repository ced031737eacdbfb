import HAL
import Platform

/// The bridge protocol checked frame by frame over a real USB link: the answers
/// `BeamformerBridgeProtocol` prescribes for good requests, retries and each kind of bad one.
struct ProtocolChecks {
    let session: BridgeSession
    let elementCount: Int

    /// Runs the checks in order (they depend on one another's state) into `report`.
    func run(into report: inout ExerciseReport) throws {
        // Start near the top of the sequence space, so the loads wrap through 0xFFFF → 0.
        var sequence: UInt16 = 0xFFFD
        func next() -> UInt16 {
            defer { sequence &+= 1 }
            return sequence
        }

        let reset = try Self.frame { try BeamformerBridgeCodec.encodeReset(sequence: sequence, into: $0) }
        try expect(reset, sequence: next(), .reset, .ok, "reset with any sequence", &report)

        let status = try expect(
            try Self.frame { try BeamformerBridgeCodec.encodeReadStatus(sequence: sequence, into: $0) },
            sequence: next(), .readStatus, .ok, "read status after reset", &report)
        let block = status?.statusBlock
        report.check(
            block?.elementCount == elementCount && block?.beamStateSlotCount == BeamformerBridgeProtocol.beamStateSlotCount
                && block?.appliedSlot == nil && block?.latchCount == 0,
            "status block: \(elementCount) elements, 121 slots, nothing applied", detail: "\(String(describing: block))")

        let codes = (0..<elementCount).map { (element: Int) -> BeamformerChannelCode in
            let phase = UInt8(truncatingIfNeeded: (element * 7) % 128)
            let gain = UInt8(truncatingIfNeeded: 127 - element % 64)
            return BeamformerChannelCode(phaseCode: phase, gainCode: gain)
        }
        var first = 0
        var loads = 0
        while first < elementCount {
            let count = min(512, elementCount - first)
            let start = first
            let load = try Self.frame { buffer in
                try codes.withUnsafeBufferPointer { all in
                    try BeamformerBridgeCodec.encodeLoadBeamState(
                        slot: 0, firstElement: start, codes: UnsafeBufferPointer(rebasing: all[start..<start + count]),
                        sequence: sequence, into: buffer)
                }
            }
            _ = try expect(
                load, sequence: next(), .loadBeamState, .ok, "load slot 0, elements \(start)..<\(start + count)", &report)
            first += count
            loads += 1
        }

        let latch = try Self.frame { try BeamformerBridgeCodec.encodeLatch(slot: 0, sequence: sequence, into: $0) }
        let latchSequence = next()
        try expect(latch, sequence: latchSequence, .latch, .ok, "latch slot 0 (sequence wrapped through 0xFFFF)", &report)
        try expect(latch, sequence: latchSequence, .latch, .ok, "the same latch again is a retry, answered the same", &report)
        let after = try expect(
            try Self.frame { try BeamformerBridgeCodec.encodeReadStatus(sequence: sequence, into: $0) },
            sequence: next(), .readStatus, .ok, "read status after the latch", &report)
        report.check(
            after?.statusBlock?.appliedSlot == 0 && after?.statusBlock?.latchCount == 1,
            "slot 0 applied, one latch (the retry was not executed twice)", detail: "\(String(describing: after?.statusBlock))")

        var corrupted = try Self.frame { try BeamformerBridgeCodec.encodeReadStatus(sequence: sequence, into: $0) }
        corrupted[corrupted.count - 1] ^= 0xFF
        try expect(corrupted, sequence: sequence, .readStatus, .badCRC, "a corrupted CRC is refused", &report)

        var truncated = try Self.frame { try BeamformerBridgeCodec.encodeReadStatus(sequence: sequence, into: $0) }
        truncated.removeLast(2)
        try expect(truncated, sequence: sequence, .readStatus, .truncated, "a truncated frame is refused", &report)

        let skipped = try Self.frame { try BeamformerBridgeCodec.encodeReadStatus(sequence: sequence &+ 5, into: $0) }
        try expect(
            skipped, sequence: sequence &+ 5, .readStatus, .wrongSequence, detail: sequence,
            "a skipped sequence is refused, naming the one expected", &report)

        let unloaded = try Self.frame { try BeamformerBridgeCodec.encodeLatch(slot: 7, sequence: sequence, into: $0) }
        try expect(unloaded, sequence: next(), .latch, .slotNotLoaded, "latching a slot never loaded is refused", &report)

        let pastLastSlot = try Self.frame { try BeamformerBridgeCodec.encodeLatch(slot: 121, sequence: sequence, into: $0) }
        try expect(pastLastSlot, sequence: next(), .latch, .slotOutOfRange, "latching slot 121 is refused", &report)

        let tail = try Self.frame { buffer in
            try codes.withUnsafeBufferPointer { all in
                try BeamformerBridgeCodec.encodeLoadBeamState(
                    slot: 2, firstElement: elementCount - 2, codes: UnsafeBufferPointer(rebasing: all[0..<4]), sequence: sequence,
                    into: buffer)
            }
        }
        try expect(
            tail, sequence: next(), .loadBeamState, .elementRangeOutOfRange, "a load past the last element is refused", &report)

        // The encoder refuses codes above 127, so the bad code is written into a good frame
        // and its CRC made right again: only the code is wrong.
        var badCode = try Self.frame { buffer in
            try codes.withUnsafeBufferPointer { all in
                try BeamformerBridgeCodec.encodeLoadBeamState(
                    slot: 2, firstElement: 0, codes: UnsafeBufferPointer(rebasing: all[0..<4]), sequence: sequence, into: buffer)
            }
        }
        badCode[BeamformerBridgeProtocol.headerByteCount + BeamformerBridgeProtocol.loadHeaderByteCount + 2] = 200
        Self.resealCRC(&badCode)
        try expect(
            badCode, sequence: next(), .loadBeamState, .codeOutOfRange, detail: 1,
            "a phase code of 200 is refused, naming element 1",
            &report)

        // A frame of exactly 512 bytes (one high-speed packet, no short packet after it) must
        // arrive as one transfer: 247 elements make 8 + 6 + 494 + 4 bytes.
        let packetSized = try Self.frame { buffer in
            try codes.withUnsafeBufferPointer { all in
                try BeamformerBridgeCodec.encodeLoadBeamState(
                    slot: 3, firstElement: 0, codes: UnsafeBufferPointer(rebasing: all[0..<247]), sequence: sequence,
                    into: buffer)
            }
        }
        try expect(packetSized, sequence: next(), .loadBeamState, .ok, "a 512-byte frame (a whole packet) loads", &report)
    }

    /// Sends `request`, checks that the reply acknowledges `command` with `status` (and
    /// `detail`) and echoes `sequence`; records the round trip. Returns the acknowledgement.
    @discardableResult
    private func expect(
        _ request: [UInt8], sequence: UInt16, _ command: BeamformerBridgeCommand, _ status: BeamformerBridgeStatus,
        detail: UInt16? = nil, _ what: String, _ report: inout ExerciseReport
    ) throws -> BeamformerBridgeAcknowledgement? {
        let reply: (frame: BeamformerBridgeFrame, nanoseconds: UInt64)
        do {
            reply = try session.exchange(request)
        } catch {
            report.fail("\(what): \(error)")
            return nil
        }
        report.roundTripsNanoseconds.append(reply.nanoseconds)
        guard let ack = BridgeSession.acknowledgement(reply.frame) else {
            report.fail("\(what): the reply is no acknowledgement (\(reply.frame.message.command))")
            return nil
        }
        let good =
            reply.frame.sequence == sequence && ack.acknowledgedCommandCode == command.rawValue && ack.status == status
            && (detail == nil || ack.detail == detail)
        report.check(good, "\(what) [\(ack)]", detail: "sequence \(reply.frame.sequence), expected \(sequence)")
        return ack
    }

    /// A frame as bytes, from one of the codec's encoders.
    private static func frame(_ encode: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: BeamformerBridgeProtocol.maximumFrameByteCount)
        let count = try bytes.withUnsafeMutableBytes { try encode($0) }
        return Array(bytes[0..<count])
    }

    /// Rewrites the CRC at the end of `frame` for its other bytes.
    private static func resealCRC(_ frame: inout [UInt8]) {
        let body = frame.count - BeamformerBridgeProtocol.crcByteCount
        let crc = CRC32C.checksum(Array(frame[0..<body]))
        for index in 0..<4 { frame[body + index] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(index))) }
    }
}
