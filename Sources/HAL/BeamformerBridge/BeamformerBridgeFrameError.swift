/// Why bytes are not a valid bridge frame, or why a frame could not be encoded.
///
/// Decoding checks in this order, so a frame is reported by its first fault: length of the
/// header (`truncated`), magic, version, declared length (`lengthMismatch` above 4,096),
/// length received (`truncated` / `lengthMismatch` for trailing bytes), CRC, command, the
/// payload's length for its command, and last the sequence when one is expected.
package enum BeamformerBridgeFrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer bytes came than the header (or the header's declared length) needs.
    case truncated(receivedByteCount: Int, neededByteCount: Int)
    /// The frame does not start with "UB"; the two bytes found, first in the high byte.
    case badMagic(found: UInt16)
    /// The version byte is not `BeamformerBridgeProtocol.version`.
    case unsupportedVersion(UInt8)
    /// The declared payload length is too long, does not fit the command, or bytes follow
    /// the CRC.
    case lengthMismatch(command: UInt8, payloadByteCount: Int, receivedByteCount: Int)
    /// The CRC in the frame is not the CRC-32C of its bytes.
    case badCRC(inFrame: UInt32, computed: UInt32)
    /// The command byte is not one of `BeamformerBridgeCommand`.
    case unknownCommand(UInt8)
    /// An acknowledgement carries a status code this codec does not know.
    case unknownStatus(UInt8)
    /// The frame is valid but answers another request than the one awaited.
    case wrongSequence(expected: UInt16, received: UInt16)
    /// Encoding: element `element`'s phase or gain code is above 127.
    case codeOutOfRange(element: Int)
    /// Encoding: the elements do not fit one frame, or the slot is not 0...120.
    case invalidRequest(String)
    /// Encoding: the caller's buffer is too small for the frame.
    case bufferTooSmall(neededByteCount: Int, availableByteCount: Int)

    /// The status a bridge answers when a request fails to decode this way.
    package var status: BeamformerBridgeStatus {
        switch self {
        case .truncated: .truncated
        case .badMagic: .badMagic
        case .unsupportedVersion: .unsupportedVersion
        case .lengthMismatch, .bufferTooSmall: .lengthMismatch
        case .badCRC: .badCRC
        case .unknownCommand, .unknownStatus: .unknownCommand
        case .wrongSequence: .wrongSequence
        case .codeOutOfRange: .codeOutOfRange
        case .invalidRequest: .elementRangeOutOfRange
        }
    }

    /// A sentence naming the fault and its numbers.
    package var description: String {
        switch self {
        case .truncated(let received, let needed):
            "truncated frame: \(received) bytes, \(needed) needed"
        case .badMagic(let found):
            "bad magic 0x\(String(found, radix: 16)) (expected 0x5542, \"UB\")"
        case .unsupportedVersion(let version):
            "unsupported protocol version \(version) (this codec speaks \(BeamformerBridgeProtocol.version))"
        case .lengthMismatch(let command, let payload, let received):
            "length mismatch: command 0x\(String(command, radix: 16)) with a \(payload)-byte payload in \(received) bytes"
        case .badCRC(let inFrame, let computed):
            "bad CRC: frame says 0x\(String(inFrame, radix: 16)), bytes give 0x\(String(computed, radix: 16))"
        case .unknownCommand(let command):
            "unknown command 0x\(String(command, radix: 16))"
        case .unknownStatus(let status):
            "unknown status code \(status)"
        case .wrongSequence(let expected, let received):
            "wrong sequence: expected \(expected), received \(received)"
        case .codeOutOfRange(let element):
            "element \(element): phase or gain code above 127"
        case .invalidRequest(let reason):
            "invalid request: \(reason)"
        case .bufferTooSmall(let needed, let available):
            "buffer too small: \(needed) bytes needed, \(available) available"
        }
    }
}
