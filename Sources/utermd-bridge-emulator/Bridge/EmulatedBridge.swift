import HAL

/// The beamformer bridge's firmware, as the device side of `BeamformerBridgeProtocol`: it
/// decodes each request frame with HAL's codec (CRC, length, magic, version), checks the
/// sequence number, stores beam states in 121 slots, applies a slot on latch, and answers
/// every request with one acknowledgement.
///
/// Written from the protocol's documentation, independently of HALSim's simulated bridge, so
/// the virtual bench checks the firmware's driver against a second reading of the protocol.
/// Its state is what a bridge would hold in RAM: `powerCycle()` loses all of it.
struct EmulatedBridge {
    /// What one request did.
    struct Outcome {
        /// The sequence echoed in the reply (the request's, or 0 when too short to carry one).
        var sequence: UInt16
        /// The command byte echoed (as received).
        var commandCode: UInt8
        /// The answer.
        var reply: BeamformerBridgeAcknowledgement
        /// Whether the request was a retry, answered again without being executed.
        var isRetry: Bool
        /// Whether the applied state changed (a latch or a reset took effect).
        var changedAppliedState: Bool
    }

    /// Elements driven: chips × 4.
    let elementCount: Int
    /// The codes in force on the array: zero after power-up and reset, a slot's after a latch.
    private(set) var appliedCodes: [BeamformerChannelCode]
    /// The slot last latched; nil since power-up or reset.
    private(set) var appliedSlot: UInt8?
    /// Latches since power-up or reset.
    private(set) var latchCount: UInt32 = 0

    private var slots: [StoredState?]
    /// The last request executed (sequence and bytes) and its answer, to recognise a retry.
    private var lastExecuted: (sequence: UInt16, request: [UInt8], reply: BeamformerBridgeAcknowledgement)?

    private struct StoredState {
        var codes: [BeamformerChannelCode]
        var written: [Bool]
        var unwrittenCount: Int
    }

    /// A bridge for `elementCount` elements (rounded up to whole chips of four).
    init(elementCount: Int) {
        let chips =
            (max(0, elementCount) + BeamformerBridgeProtocol.channelsPerChip - 1) / BeamformerBridgeProtocol.channelsPerChip
        self.elementCount = chips * BeamformerBridgeProtocol.channelsPerChip
        appliedCodes = Array(repeating: .zero, count: self.elementCount)
        slots = Array(repeating: nil, count: BeamformerBridgeProtocol.beamStateSlotCount)
    }

    /// Loses every state, as a bus-powered bridge does when its cable is pulled: nothing
    /// stored or applied, and the next request is accepted with any sequence.
    mutating func powerCycle() {
        clearBeamStates()
        lastExecuted = nil
    }

    /// Executes the request frame `bytes` (one bulk OUT transfer) and says how to answer.
    mutating func handle(_ bytes: [UInt8]) -> Outcome {
        let echoedCommand = bytes.count > 3 ? bytes[3] : 0
        let echoedSequence = bytes.count > 5 ? UInt16(bytes[4]) | UInt16(bytes[5]) << 8 : 0
        let frame: BeamformerBridgeFrame
        do {
            frame = try BeamformerBridgeCodec.decode(bytes)
        } catch {
            // Undecodable: answered with the matching status, echoing what was received.
            return Outcome(
                sequence: echoedSequence, commandCode: echoedCommand,
                reply: .init(acknowledgedCommandCode: echoedCommand, status: error.status), isRetry: false,
                changedAppliedState: false)
        }
        let command = frame.message.command
        func refuse(_ status: BeamformerBridgeStatus, detail: UInt16 = 0) -> Outcome {
            Outcome(
                sequence: frame.sequence, commandCode: command.rawValue,
                reply: .init(acknowledgedCommandCode: command.rawValue, status: status, detail: detail), isRetry: false,
                changedAppliedState: false)
        }
        guard command.isRequest else { return refuse(.unknownCommand) }
        // A reset, and the first request after power-up, are accepted with any sequence.
        if command != .reset, let last = lastExecuted {
            if frame.sequence == last.sequence {
                guard bytes == last.request else {
                    // Same number, other content: not a retry, and not the next request.
                    return refuse(.wrongSequence, detail: last.sequence &+ 1)
                }
                return Outcome(
                    sequence: frame.sequence, commandCode: command.rawValue, reply: last.reply, isRetry: true,
                    changedAppliedState: false)
            }
            guard frame.sequence == last.sequence &+ 1 else { return refuse(.wrongSequence, detail: last.sequence &+ 1) }
        }
        let (reply, changed) = execute(frame.message, bytes: bytes)
        lastExecuted = (frame.sequence, bytes, reply)
        return Outcome(
            sequence: frame.sequence, commandCode: command.rawValue, reply: reply, isRetry: false, changedAppliedState: changed)
    }

    private mutating func execute(_ message: BeamformerBridgeMessage, bytes: [UInt8]) -> (BeamformerBridgeAcknowledgement, Bool) {
        let code = message.command.rawValue
        switch message {
        case .reset:
            clearBeamStates()
            return (.init(acknowledgedCommandCode: code, status: .ok), true)
        case .readStatus:
            let block = BeamformerBridgeStatusBlock(
                elementCount: elementCount, beamStateSlotCount: BeamformerBridgeProtocol.beamStateSlotCount,
                appliedSlot: appliedSlot, latchCount: latchCount)
            return (.init(acknowledgedCommandCode: code, status: .ok, statusBlock: block), false)
        case .loadBeamState(let load):
            let (status, detail) = store(load, from: bytes)
            return (.init(acknowledgedCommandCode: code, status: status, detail: detail), false)
        case .latch(let slot):
            guard Int(slot) < BeamformerBridgeProtocol.beamStateSlotCount else {
                return (.init(acknowledgedCommandCode: code, status: .slotOutOfRange), false)
            }
            guard let state = slots[Int(slot)], state.unwrittenCount == 0 else {
                return (.init(acknowledgedCommandCode: code, status: .slotNotLoaded), false)
            }
            appliedCodes = state.codes
            appliedSlot = slot
            latchCount &+= 1
            return (.init(acknowledgedCommandCode: code, status: .ok), true)
        case .acknowledgement:
            return (.init(acknowledgedCommandCode: code, status: .unknownCommand), false)
        }
    }

    /// Checks a load and, when all of it is valid, writes its codes into the slot (a refused
    /// load changes nothing).
    private mutating func store(_ load: BeamStateLoad, from bytes: [UInt8]) -> (BeamformerBridgeStatus, UInt16) {
        guard Int(load.slot) < BeamformerBridgeProtocol.beamStateSlotCount else { return (.slotOutOfRange, 0) }
        guard load.firstElement + load.elementCount <= elementCount else { return (.elementRangeOutOfRange, 0) }
        let codes = BeamformerBridgeCodec.channelCodes(of: load, in: bytes)
        if let bad = codes.firstIndex(where: { !$0.isValid }) {
            return (.codeOutOfRange, UInt16(truncatingIfNeeded: load.firstElement + bad))
        }
        var state =
            slots[Int(load.slot)]
            ?? StoredState(
                codes: Array(repeating: .zero, count: elementCount), written: Array(repeating: false, count: elementCount),
                unwrittenCount: elementCount)
        for (offset, code) in codes.enumerated() {
            let element = load.firstElement + offset
            state.codes[element] = code
            if !state.written[element] {
                state.written[element] = true
                state.unwrittenCount -= 1
            }
        }
        slots[Int(load.slot)] = state
        return (.ok, 0)
    }

    private mutating func clearBeamStates() {
        for index in slots.indices { slots[index] = nil }
        appliedCodes = Array(repeating: .zero, count: elementCount)
        appliedSlot = nil
        latchCount = 0
    }
}
