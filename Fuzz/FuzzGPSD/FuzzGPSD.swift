import FuzzSupport

@testable import Drivers

/// libFuzzer entry: gpsd's JSON reports (one per line), decoded and turned into fixes as the
/// gpsd client does. `@testable`: the decoder is internal (fuzz builds are debug builds).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGPSD(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
        guard let report = try? GPSDReport.decode(line) else { continue }
        keep(try? report.fix(satellitesUsed: report.satellitesUsed, receivedAtNanoseconds: 1_000_000_000))
    }
    return 0
}
