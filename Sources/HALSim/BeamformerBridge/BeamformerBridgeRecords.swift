import HAL

/// One request the simulated bridge received, and its answer.
package struct BeamformerBridgeRequestRecord: Sendable, Hashable, CustomStringConvertible {
    /// When it arrived, in virtual nanoseconds.
    package var timeNanoseconds: UInt64
    /// Its sequence number (as received; 0 when the frame was too short to carry one).
    package var sequence: UInt16
    /// Its command byte (as received; 0 when the frame was too short to carry one).
    package var commandCode: UInt8
    /// What the bridge answered.
    package var reply: BeamformerBridgeAcknowledgement

    /// The command, when the byte is a known one.
    package var command: BeamformerBridgeCommand? { BeamformerBridgeCommand(rawValue: commandCode) }

    /// `#7 latch -> ack latch: ok`.
    package var description: String {
        "#\(sequence) \(command?.description ?? "0x" + String(commandCode, radix: 16)) -> \(reply)"
    }
}

/// One latch that took effect on the simulated array.
package struct BeamformerBridgeLatchRecord: Sendable, Hashable {
    /// When, in virtual nanoseconds.
    package var timeNanoseconds: UInt64
    /// The slot applied.
    package var slot: UInt8
    /// The codes applied, element by element.
    package var codes: [BeamformerChannelCode]
}
