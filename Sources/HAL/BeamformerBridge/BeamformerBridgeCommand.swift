/// The command byte of a bridge frame (see `BeamformerBridgeProtocol`).
package enum BeamformerBridgeCommand: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Clear every beam state and the applied state; resynchronise the sequence.
    case reset = 0x01
    /// Ask for the status block.
    case readStatus = 0x02
    /// Write channel codes for a range of elements into a stored beam-state slot.
    case loadBeamState = 0x03
    /// Apply a stored slot to all chips at once.
    case latch = 0x04
    /// The bridge's reply to any request.
    case acknowledgement = 0x80

    /// Whether the host sends this command (as opposed to the bridge).
    package var isRequest: Bool { self != .acknowledgement }

    /// `load-beam-state` etc.
    package var description: String {
        switch self {
        case .reset: "reset"
        case .readStatus: "read-status"
        case .loadBeamState: "load-beam-state"
        case .latch: "latch"
        case .acknowledgement: "acknowledgement"
        }
    }
}

/// The status code of an acknowledgement: 0 is success, anything else a refusal (a NAK).
package enum BeamformerBridgeStatus: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Done.
    case ok = 0
    /// The frame did not start with "UB".
    case badMagic = 1
    /// The frame's version is not one the bridge speaks.
    case unsupportedVersion = 2
    /// The CRC did not match.
    case badCRC = 3
    /// The frame ended before its declared length.
    case truncated = 4
    /// The payload length does not fit the command, or bytes follow the CRC.
    case lengthMismatch = 5
    /// The command byte is not a request this bridge knows.
    case unknownCommand = 6
    /// The sequence is neither the next nor a retry of the last (detail: the one expected).
    case wrongSequence = 7
    /// The slot is not 0...120.
    case slotOutOfRange = 8
    /// The element range runs past the last element.
    case elementRangeOutOfRange = 9
    /// A phase or gain code is above 127 (detail: the element).
    case codeOutOfRange = 10
    /// The slot has elements never written since reset.
    case slotNotLoaded = 11
    /// The bridge or a chip reports a fault.
    case deviceFault = 12

    /// `wrong-sequence` etc.
    package var description: String {
        switch self {
        case .ok: "ok"
        case .badMagic: "bad-magic"
        case .unsupportedVersion: "unsupported-version"
        case .badCRC: "bad-crc"
        case .truncated: "truncated"
        case .lengthMismatch: "length-mismatch"
        case .unknownCommand: "unknown-command"
        case .wrongSequence: "wrong-sequence"
        case .slotOutOfRange: "slot-out-of-range"
        case .elementRangeOutOfRange: "element-range-out-of-range"
        case .codeOutOfRange: "code-out-of-range"
        case .slotNotLoaded: "slot-not-loaded"
        case .deviceFault: "device-fault"
        }
    }
}
