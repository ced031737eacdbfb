/// A decoded bridge frame: its sequence number and what it says.
///
/// Decoding copies nothing out of the buffer: a load-beam-state message records where its
/// channel codes sit (`BeamStateLoad.codesByteOffset`), and
/// `BeamformerBridgeCodec.channelCode(_:of:in:)` reads them from the same buffer.
package struct BeamformerBridgeFrame: Sendable, Hashable {
    /// The sequence number: the host's counter for a request, the request's for a reply.
    package var sequence: UInt16
    /// The command and its payload.
    package var message: BeamformerBridgeMessage

    /// Builds a frame.
    package init(sequence: UInt16, message: BeamformerBridgeMessage) {
        self.sequence = sequence
        self.message = message
    }
}

/// What a frame says.
package enum BeamformerBridgeMessage: Sendable, Hashable {
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
    package var command: BeamformerBridgeCommand {
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
package struct BeamStateLoad: Sendable, Hashable {
    /// The slot written, 0...120.
    package var slot: UInt8
    /// The first element written.
    package var firstElement: Int
    /// How many consecutive elements are written.
    package var elementCount: Int
    /// Where, in the frame's bytes, the first element's phase code sits (two bytes each:
    /// phase, gain).
    package var codesByteOffset: Int

    /// Builds the description of a load.
    package init(slot: UInt8, firstElement: Int, elementCount: Int, codesByteOffset: Int) {
        self.slot = slot
        self.firstElement = firstElement
        self.elementCount = elementCount
        self.codesByteOffset = codesByteOffset
    }
}

/// The bridge's answer to one request.
package struct BeamformerBridgeAcknowledgement: Sendable, Hashable, CustomStringConvertible {
    /// The command byte of the request answered, as received (it may be an unknown one).
    package var acknowledgedCommandCode: UInt8
    /// Success, or why the request was refused.
    package var status: BeamformerBridgeStatus
    /// For `wrongSequence` the sequence expected, for `codeOutOfRange` the element; else 0.
    package var detail: UInt16
    /// The status block, in the answer to a read status that succeeded.
    package var statusBlock: BeamformerBridgeStatusBlock?

    /// Builds an acknowledgement.
    package init(
        acknowledgedCommandCode: UInt8, status: BeamformerBridgeStatus, detail: UInt16 = 0,
        statusBlock: BeamformerBridgeStatusBlock? = nil
    ) {
        self.acknowledgedCommandCode = acknowledgedCommandCode
        self.status = status
        self.detail = detail
        self.statusBlock = statusBlock
    }

    /// The request answered, when its command byte is a known one.
    package var acknowledgedCommand: BeamformerBridgeCommand? { BeamformerBridgeCommand(rawValue: acknowledgedCommandCode) }

    /// `ack latch: ok` or `nak load-beam-state: wrong-sequence (detail 7)`.
    package var description: String {
        let command = acknowledgedCommand?.description ?? "0x\(String(acknowledgedCommandCode, radix: 16))"
        let head = status == .ok ? "ack \(command): ok" : "nak \(command): \(status)"
        return detail == 0 ? head : head + " (detail \(detail))"
    }
}

/// What a read status reports about the bridge.
package struct BeamformerBridgeStatusBlock: Sendable, Hashable {
    /// Elements the bridge drives (chips × 4).
    package var elementCount: Int
    /// Stored beam-state slots per chip.
    package var beamStateSlotCount: Int
    /// The slot last latched, or nil when none was since reset.
    package var appliedSlot: UInt8?
    /// Latches since reset.
    package var latchCount: UInt32

    /// Builds a status block.
    package init(elementCount: Int, beamStateSlotCount: Int, appliedSlot: UInt8?, latchCount: UInt32) {
        self.elementCount = elementCount
        self.beamStateSlotCount = beamStateSlotCount
        self.appliedSlot = appliedSlot
        self.latchCount = latchCount
    }
}
