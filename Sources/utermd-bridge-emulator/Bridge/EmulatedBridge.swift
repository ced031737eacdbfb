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

    private var slots: BeamStateSlots
    /// The last request executed (sequence and bytes) and its answer, to recognise a retry.
    private var lastExecuted: (sequence: UInt16, request: [UInt8], reply: BeamformerBridgeAcknowledgement)?

    /// A bridge for `elementCount` elements (rounded up to whole chips of four).
    init(elementCount: Int) {
        let chips =
            (max(0, elementCount) + BeamformerBridgeProtocol.channelsPerChip - 1) / BeamformerBridgeProtocol.channelsPerChip
        self.elementCount = chips * BeamformerBridgeProtocol.channelsPerChip
        appliedCodes = Array(repeating: .zero, count: self.elementCount)
        slots = BeamStateSlots(elementCount: self.elementCount)
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
            let (status, detail) = slots.store(load, from: bytes)
            return (.init(acknowledgedCommandCode: code, status: status, detail: detail), false)
        case .latch(let slot):
            switch slots.codesToLatch(slot) {
            case .success(let codes): appliedCodes = codes
            case .failure(let refusal): return (.init(acknowledgedCommandCode: code, status: refusal.status), false)
            }
            appliedSlot = slot
            latchCount &+= 1
            return (.init(acknowledgedCommandCode: code, status: .ok), true)
        case .acknowledgement:
            return (.init(acknowledgedCommandCode: code, status: .unknownCommand), false)
        }
    }

    private mutating func clearBeamStates() {
        slots.clear()
        appliedCodes = Array(repeating: .zero, count: elementCount)
        appliedSlot = nil
        latchCount = 0
    }
}
