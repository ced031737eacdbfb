import HAL

/// libFuzzer entry: frames from the beamformer bridge over USB (a replying device can send
/// anything): decoded with and without an expected sequence number.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBridgeFrames(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = try? BeamformerBridgeCodec.decode(bytes)
    _ = try? BeamformerBridgeCodec.decode(bytes, expectedSequence: 7)
    return 0
}
