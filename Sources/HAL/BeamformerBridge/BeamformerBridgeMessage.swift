/// A decoded bridge frame: its sequence number and what it says.
///
/// Decoding copies nothing out of the buffer: a load-beam-state message records where its
/// channel codes sit (`BeamStateLoad.codesByteOffset`), and
/// `BeamformerBridgeCodec.channelCode(_:of:in:)` reads them from the same buffer.
public struct BeamformerBridgeFrame: Sendable, Hashable {
    /// The sequence number: the host's counter for a request, the request's for a reply.
    public var sequence: UInt16
    /// The command and its payload.
    public var message: BeamformerBridgeMessage

    /// Builds a frame.
    public init(sequence: UInt16, message: BeamformerBridgeMessage) {
        self.sequence = sequence
        self.message = message
    }
}

/// What a frame says.
public enum BeamformerBridgeMessage: Sendable, Hashable {
    /// Clear every beam state and the applied state.
    case reset
    /// Ask for the status block.
    case readStatus
    /// Write channel codes into a slot.
    case loadBeamState(BeamStateLoad)
    /// Apply stored slot `slot` to all chips.
    case latch(slot: UInt8)
    /// The bridge's reply.
    case acknowledgement(BeamformerBridgeAcknowledgement)

    /// The command of this message.
    public var command: BeamformerBridgeCommand {
        switch self {
        case .reset: .reset
        case .readStatus: .readStatus
        case .loadBeamState: .loadBeamState
        case .latch: .latch
        case .acknowledgement: .acknowledgement
        }
    }
}

/// The fixed part of a load-beam-state payload.
public struct BeamStateLoad: Sendable, Hashable {
    /// The slot written, 0...120.
    public var slot: UInt8
    /// The first element written.
    public var firstElement: Int
    /// How many consecutive elements are written.
    public var elementCount: Int
    /// Where, in the frame's bytes, the first element's phase code sits (two bytes each:
    /// phase, gain).
    public var codesByteOffset: Int

    /// Builds the description of a load.
    public init(slot: UInt8, firstElement: Int, elementCount: Int, codesByteOffset: Int) {
        self.slot = slot
        self.firstElement = firstElement
        self.elementCount = elementCount
        self.codesByteOffset = codesByteOffset
    }
}

/// The bridge's answer to one request.
public struct BeamformerBridgeAcknowledgement: Sendable, Hashable, CustomStringConvertible {
    /// The command byte of the request answered, as received (it may be an unknown one).
    public var acknowledgedCommandCode: UInt8
    /// Success, or why the request was refused.
    public var status: BeamformerBridgeStatus
    /// For `wrongSequence` the sequence expected, for `codeOutOfRange` the element; else 0.
    public var detail: UInt16
    /// The status block, in the answer to a read status that succeeded.
    public var statusBlock: BeamformerBridgeStatusBlock?

    /// Builds an acknowledgement.
    public init(
        acknowledgedCommandCode: UInt8, status: BeamformerBridgeStatus, detail: UInt16 = 0,
        statusBlock: BeamformerBridgeStatusBlock? = nil
    ) {
        self.acknowledgedCommandCode = acknowledgedCommandCode
        self.status = status
        self.detail = detail
        self.statusBlock = statusBlock
    }

    /// The request answered, when its command byte is a known one.
    public var acknowledgedCommand: BeamformerBridgeCommand? { BeamformerBridgeCommand(rawValue: acknowledgedCommandCode) }

    /// `ack latch: ok` or `nak load-beam-state: wrong-sequence (detail 7)`.
    public var description: String {
        let command = acknowledgedCommand?.description ?? "0x\(String(acknowledgedCommandCode, radix: 16))"
        let head = status == .ok ? "ack \(command): ok" : "nak \(command): \(status)"
        return detail == 0 ? head : head + " (detail \(detail))"
    }
}

/// What a read status reports about the bridge.
public struct BeamformerBridgeStatusBlock: Sendable, Hashable {
    /// Elements the bridge drives (chips × 4).
    public var elementCount: Int
    /// Stored beam-state slots per chip.
    public var beamStateSlotCount: Int
    /// The slot last latched, or nil when none was since reset.
    public var appliedSlot: UInt8?
    /// Latches since reset.
    public var latchCount: UInt32

    /// Builds a status block.
    public init(elementCount: Int, beamStateSlotCount: Int, appliedSlot: UInt8?, latchCount: UInt32) {
        self.elementCount = elementCount
        self.beamStateSlotCount = beamStateSlotCount
        self.appliedSlot = appliedSlot
        self.latchCount = latchCount
    }
}
