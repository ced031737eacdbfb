import HAL

/// One request the simulated bridge received, and its answer.
public struct BeamformerBridgeRequestRecord: Sendable, Hashable, CustomStringConvertible {
    /// When it arrived, in virtual nanoseconds.
    public var timeNanoseconds: UInt64
    /// Its sequence number (as received; 0 when the frame was too short to carry one).
    public var sequence: UInt16
    /// Its command byte (as received; 0 when the frame was too short to carry one).
    public var commandCode: UInt8
    /// What the bridge answered.
    public var reply: BeamformerBridgeAcknowledgement

    /// The command, when the byte is a known one.
    public var command: BeamformerBridgeCommand? { BeamformerBridgeCommand(rawValue: commandCode) }

    /// `#7 latch -> ack latch: ok`.
    public var description: String {
        "#\(sequence) \(command?.description ?? "0x" + String(commandCode, radix: 16)) -> \(reply)"
    }
}

/// One latch that took effect on the simulated array.
public struct BeamformerBridgeLatchRecord: Sendable, Hashable {
    /// When, in virtual nanoseconds.
    public var timeNanoseconds: UInt64
    /// The slot applied.
    public var slot: UInt8
    /// The codes applied, element by element.
    public var codes: [BeamformerChannelCode]
}
