import FuzzSupport
import Orbit

/// libFuzzer entry: element-set files (TLE, OMM JSON, OMM CSV). The first byte picks the
/// format (0: detect from the bytes, as `--elements` does; 1–3: forced), the rest is the file.
/// Any throw is an answer; a crash, trap or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzElementSets(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var options = ElementSetParsingOptions()
    switch data[0] % 4 {
    case 1: options.format = .tle
    case 2: options.format = .ommJSON
    case 3: options.format = .ommCSV
    default: break
    }
    if let loaded = try? ElementSetFile.parse(bytes: bytes, source: "fuzz", options: options) {
        // Propagate what was accepted: a parsed element set must not trap SGP4's set-up.
        for elements in loaded.sets.prefix(4) {
            if let propagator = try? SGP4Propagator(elements: elements) { keep(try? propagator.propagate(minutesSinceEpoch: 1_440)) }
        }
    }
    return 0
}
