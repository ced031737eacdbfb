import HAL

/// The beamformer bridge as a simulated USB device: it decodes every request frame, checks
/// its CRC and sequence number, stores beam states, applies a slot on latch, and answers
/// with acknowledgements, exactly as `BeamformerBridgeProtocol` describes.
///
/// Tests (and the simulated HIL rig) read back what the array would radiate with:
/// `appliedCodes` after the last latch, compared with what the steering computed. Faults of
/// the link (disconnect mid-transfer, stall, corrupted or truncated replies, timeouts) are
/// injected through `SimulatedUSB.inject(_:into:)`; faults of the bridge itself through
/// `isSilent` and `injectStatus(_:)`.
///
/// ```swift
/// let bridge = SimulatedBeamformerBridge(chipCount: 320)   // 1,280 elements
/// bus.plug(bridge)
/// // ... the driver loads and latches ...
/// #expect(bridge.appliedCodes == steering.codes)
/// ```
///
/// Re-plugging the same model keeps its state, like a device on a powered hub; call
/// `powerCycle()` first to model a bridge that lost power.
package final class SimulatedBeamformerBridge: USBDeviceModel {
    /// The device's vendor:product (the board's `beamformer` id by default).
    package let identifier: USBIdentifier
    /// Its serial number.
    package let serialNumber: String?
    /// Elements driven: chips × 4.
    package let elementCount: Int

    /// The channel codes in force on the array: zero after power-up and reset, a slot's
    /// codes after it is latched.
    package private(set) var appliedCodes: [BeamformerChannelCode]
    /// The slot last latched, nil since power-up or reset.
    package private(set) var appliedSlot: UInt8?
    /// Every latch that took effect, oldest first.
    package private(set) var latches: [BeamformerBridgeLatchRecord] = []
    /// Every request frame received and how it was answered, oldest first.
    package private(set) var requests: [BeamformerBridgeRequestRecord] = []
    /// At most this many latches and requests are kept each (the oldest dropped);
    /// unbounded by default. Set it for long runs.
    package var maximumRecordCount = Int.max
    /// When true the bridge takes requests but never answers (its IN endpoint NAKs), as a
    /// hung firmware would.
    package var isSilent = false

    private var slots: BeamStateSlots
    private var latchCount: UInt32 = 0
    /// The last request executed, kept to recognise a retry and answer it the same way.
    private var lastAccepted: (sequence: UInt16, request: [UInt8], reply: BeamformerBridgeAcknowledgement)?
    private var replies: [[UInt8]] = []
    private var injectedStatus: BeamformerBridgeStatus?

    /// A bridge driving `chipCount` beamformer chips (four elements each).
    package init(
        chipCount: Int, identifier: USBIdentifier = USBIdentifier(vendorID: 0x1209, productID: 0x0001),
        serialNumber: String? = nil
    ) {
        self.identifier = identifier
        self.serialNumber = serialNumber
        elementCount = max(0, chipCount) * BeamformerBridgeProtocol.channelsPerChip
        appliedCodes = Array(repeating: .zero, count: elementCount)
        slots = BeamStateSlots(elementCount: elementCount)
    }

    /// The phases in force, degrees, element by element.
    package var appliedPhasesDegrees: [Double] { appliedCodes.map(\.phaseDegrees) }

    /// Latches since power-up or the last reset.
    package var latchCountSinceReset: UInt32 { latchCount }

    /// The codes stored in `slot`, or nil when nothing was written there since reset.
    package func storedCodes(inSlot slot: UInt8) -> [BeamformerChannelCode]? { slots.codes(inSlot: slot) }

    /// Loses every state, as a bridge that lost power: nothing stored or applied, the
    /// sequence unsynchronised, no reply pending.
    package func powerCycle() {
        clearBeamStates()
        lastAccepted = nil
        replies.removeAll()
        injectedStatus = nil
    }

    /// Makes the bridge refuse the next request that would succeed with `status` (e.g.
    /// `.deviceFault`), without executing it.
    package func injectStatus(_ status: BeamformerBridgeStatus) {
        injectedStatus = status
    }

    // MARK: USBDeviceModel

    /// Takes one request frame from the request endpoint and queues its answer.
    package func receiveBulkOut(_ bytes: [UInt8], on endpoint: USBEndpointAddress, atNanoseconds time: UInt64) -> USBOutReply {
        guard endpoint == BeamformerBridgeProtocol.requestEndpoint else { return .stall }
        let (sequence, command, reply) = answer(bytes, atNanoseconds: time)
        requests.append(
            BeamformerBridgeRequestRecord(timeNanoseconds: time, sequence: sequence, commandCode: command, reply: reply))
        trimRecords(&requests, to: maximumRecordCount)
        // An acknowledgement always fits a frame, so encoding cannot fail here.
        if let encoded = try? BeamformerBridgeCodec.frame({ buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.encodeAcknowledgement(reply, sequence: sequence, into: buffer)
        }) {
            replies.append(encoded)
        }
        return .accepted
    }

    /// Sends the oldest pending answer; NAKs when none is pending or the bridge is silent.
    package func produceBulkIn(on endpoint: USBEndpointAddress, maxLength: Int, atNanoseconds time: UInt64) -> USBInReply {
        guard endpoint == BeamformerBridgeProtocol.replyEndpoint else { return .stall }
        guard !isSilent, !replies.isEmpty else { return .nak }
        return .data(replies.removeFirst())
    }

    // MARK: The protocol

    /// Decodes and executes one request; returns the sequence and command byte to echo and
    /// the acknowledgement to send.
    private func answer(_ bytes: [UInt8], atNanoseconds time: UInt64) -> (UInt16, UInt8, BeamformerBridgeAcknowledgement) {
        let echoedCommand = bytes.count > 3 ? bytes[3] : 0
        let echoedSequence = bytes.count > 5 ? UInt16(bytes[4]) | UInt16(bytes[5]) << 8 : 0
        let frame: BeamformerBridgeFrame
        do {
            frame = try BeamformerBridgeCodec.decode(bytes)
        } catch {
            return (echoedSequence, echoedCommand, .init(acknowledgedCommandCode: echoedCommand, status: error.status))
        }
        let command = frame.message.command
        guard command.isRequest else {
            return (frame.sequence, command.rawValue, .init(acknowledgedCommandCode: command.rawValue, status: .unknownCommand))
        }
        if command != .reset, let last = lastAccepted {
            if frame.sequence == last.sequence, bytes == last.request {
                return (frame.sequence, command.rawValue, last.reply)  // a retry: answered again, not executed twice
            }
            let expected = last.sequence &+ 1
            guard frame.sequence == expected else {
                return (
                    frame.sequence, command.rawValue,
                    .init(acknowledgedCommandCode: command.rawValue, status: .wrongSequence, detail: expected)
                )
            }
        }
        let ack: BeamformerBridgeAcknowledgement
        if let status = injectedStatus {
            injectedStatus = nil
            ack = .init(acknowledgedCommandCode: command.rawValue, status: status)
        } else {
            ack = execute(frame.message, bytes: bytes, atNanoseconds: time)
        }
        lastAccepted = (frame.sequence, bytes, ack)
        return (frame.sequence, command.rawValue, ack)
    }

    private func execute(_ message: BeamformerBridgeMessage, bytes: [UInt8], atNanoseconds time: UInt64)
        -> BeamformerBridgeAcknowledgement
    {
        let code = message.command.rawValue
        switch message {
        case .reset:
            clearBeamStates()
            return .init(acknowledgedCommandCode: code, status: .ok)
        case .readStatus:
            let block = BeamformerBridgeStatusBlock(
                elementCount: elementCount, beamStateSlotCount: BeamformerBridgeProtocol.beamStateSlotCount,
                appliedSlot: appliedSlot, latchCount: latchCount)
            return .init(acknowledgedCommandCode: code, status: .ok, statusBlock: block)
        case .loadBeamState(let load):
            let (status, detail) = slots.store(load, from: bytes)
            return .init(acknowledgedCommandCode: code, status: status, detail: detail)
        case .latch(let slot):
            let codes: [BeamformerChannelCode]
            switch slots.codesToLatch(slot) {
            case .success(let latched): codes = latched
            case .failure(let refusal): return .init(acknowledgedCommandCode: code, status: refusal.status)
            }
            appliedCodes = codes
            appliedSlot = slot
            latchCount &+= 1
            latches.append(BeamformerBridgeLatchRecord(timeNanoseconds: time, slot: slot, codes: codes))
            trimRecords(&latches, to: maximumRecordCount)
            return .init(acknowledgedCommandCode: code, status: .ok)
        case .acknowledgement:
            return .init(acknowledgedCommandCode: code, status: .unknownCommand)
        }
    }

    private func clearBeamStates() {
        slots.clear()
        appliedCodes = Array(repeating: .zero, count: elementCount)
        appliedSlot = nil
        latchCount = 0
    }
}
