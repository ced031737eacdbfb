import HAL
import HALSim
import Terminal

/// What a beamformer bridge answering garbage sends instead of its acknowledgement
/// (`bridge_garbage:` in a scenario file).
package enum BridgeGarbageKind: String, Sendable, Hashable, CaseIterable {
    /// The frame's magic bytes damaged: not a frame at all.
    case malformed
    /// The frame whole but its CRC-32C wrong (the last byte flipped).
    case wrongCRC = "wrong_crc"
    /// Only the first six bytes of the frame.
    case truncated

    /// `reply` as this kind of garbage.
    func mangle(_ reply: [UInt8]) -> [UInt8] {
        var bytes = reply
        switch self {
        case .malformed:
            if bytes.count > 1 {
                bytes[0] ^= 0xFF
                bytes[1] ^= 0xFF
            }
        case .wrongCRC:
            if let last = bytes.indices.last { bytes[last] ^= 0x5A }
        case .truncated:
            bytes = Array(bytes.prefix(6))
        }
        return bytes
    }
}

/// The simulated beamformer bridge as the bench plugs it: the bridge itself, whose replies are
/// turned into garbage while `garbage` is set. Requests reach the bridge intact (it executes
/// them); only the acknowledgements the driver reads are damaged.
final class GarbageReplyingBridge: USBDeviceModel {
    /// The bridge.
    let bridge: SimulatedBeamformerBridge
    /// The garbage sent instead of each reply (nil: the replies as they are).
    var garbage: BridgeGarbageKind?
    /// The deliberately broken path (`SimulatedDefect.trustsBridgeGarbage`): the driver is
    /// handed the intact reply, as a driver that takes garbage for an acknowledgement would
    /// read it, while the garbage is counted as sent.
    var passesGarbageAsValid = false
    /// Replies sent as garbage so far.
    private(set) var garbageRepliesSent = 0

    init(_ bridge: SimulatedBeamformerBridge) { self.bridge = bridge }

    var identifier: USBIdentifier { bridge.identifier }
    var serialNumber: String? { bridge.serialNumber }

    func receiveBulkOut(_ bytes: [UInt8], on endpoint: USBEndpointAddress, atNanoseconds time: UInt64) -> USBOutReply {
        bridge.receiveBulkOut(bytes, on: endpoint, atNanoseconds: time)
    }

    func produceBulkIn(on endpoint: USBEndpointAddress, maxLength: Int, atNanoseconds time: UInt64) -> USBInReply {
        let reply = bridge.produceBulkIn(on: endpoint, maxLength: maxLength, atNanoseconds: time)
        guard let garbage, case .data(let bytes) = reply else { return reply }
        garbageRepliesSent += 1
        return passesGarbageAsValid ? reply : .data(garbage.mangle(bytes))
    }

    func handleControl(_ setup: USBControlSetup, data: [UInt8], atNanoseconds time: UInt64) -> USBInReply {
        bridge.handleControl(setup, data: data, atNanoseconds: time)
    }
}
