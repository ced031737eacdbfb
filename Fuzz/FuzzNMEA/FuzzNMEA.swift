import Drivers
import FuzzSupport

/// libFuzzer entry: NMEA 0183 from a GNSS receiver's serial line: each line parsed, the
/// sentences assembled into fixes as the GNSS reader does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNMEA(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var assembler = NMEAFixAssembler()
    var received: UInt64 = 0
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
        received += 100_000_000
        guard let sentence = try? NMEAParser.parse(line) else { continue }
        keep(assembler.consume(sentence, receivedAtNanoseconds: received))
    }
    return 0
}
