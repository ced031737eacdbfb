import FuzzSupport

@testable import HAL

/// libFuzzer entry: frames from the beamformer bridge over USB (a replying device can send
/// anything): decoded with and without an expected sequence number. The input is decoded as
/// received, and again as the command byte, sequence and payload of a frame whose magic,
/// version, length and CRC-32C are made here: random bytes almost never pass those checks, so
/// without the second form the message decoders behind them would never see a mutation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBridgeFrames(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    keep(try? BeamformerBridgeCodec.decode(bytes))
    keep(try? BeamformerBridgeCodec.decode(bytes, expectedSequence: 7))
    guard size >= 3 else { return 0 }
    let payload = UnsafeRawBufferPointer(rebasing: bytes[3...])
    let sequence = UInt16(bytes[1]) | UInt16(bytes[2]) << 8
    guard
        let framed = try? BeamformerBridgeCodec.frame({ buffer throws(BeamformerBridgeFrameError) in
            try BeamformerBridgeCodec.writeFrame(
                command: bytes[0], sequence: sequence, payloadByteCount: payload.count, into: buffer
            ) { $0.copyMemory(from: payload) }
        })
    else { return 0 }
    keep(try? BeamformerBridgeCodec.decode(framed))
    keep(try? BeamformerBridgeCodec.decode(framed, expectedSequence: 7))
    return 0
}
