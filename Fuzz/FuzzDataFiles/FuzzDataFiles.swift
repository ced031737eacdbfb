import Daemon
import Foundation
import FuzzSupport
import Simulation
import Terminal

/// libFuzzer entry: the YAML data files. The first byte picks the reader (board, scenario,
/// daemon configuration, rig, or the bare YAML tree under them all); the rest is the file.
/// Errors must name file:line:column: field; a crash or trap is a finding.
private let rigPath = NSTemporaryDirectory() + "utermd-fuzz-rig-\(getpid()).yaml"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataFiles(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    switch data[0] % 5 {
    case 0: keep(try? BoardFile.parse(yaml: text, file: "fuzz-board.yaml"))
    case 1: keep(try? ScenarioFile.parse(yaml: text, file: "fuzz-scenario.yaml"))
    case 2: keep(try? DaemonConfigurationFile.parse(yaml: text, file: "fuzz-config.yaml", baseDirectory: "/nonexistent"))
    case 3:
        FileManager.default.createFile(atPath: rigPath, contents: Data(text.utf8))
        keep(try? RigFile.load(path: rigPath))
    default: keep(try? DataNode.parse(yaml: text, file: "fuzz.yaml"))
    }
    return 0
}
