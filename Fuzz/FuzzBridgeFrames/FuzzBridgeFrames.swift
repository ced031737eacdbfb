import HAL

/// libFuzzer entry: frames from the beamformer bridge over USB (a replying device can send
/// anything): decoded with and without an expected sequence number.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBridgeFrames(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    keep(try? BeamformerBridgeCodec.decode(bytes))
    keep(try? BeamformerBridgeCodec.decode(bytes, expectedSequence: 7))
    return 0
}

/// Hands `value` to code the optimiser may not look into, so that a release build
/// (`make fuzz-long`) cannot drop a parse whose result this target does not otherwise use.
@inline(never) @_optimize(none)
private func keep<Value>(_ value: Value) {}
