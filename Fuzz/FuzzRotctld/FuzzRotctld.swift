import Daemon
import FuzzSupport

/// libFuzzer entry: rotctld protocol lines from a TCP client (hamlib's `rotctl`, or anyone
/// on the port), each answered by the protocol as the server does.
private let rotator = RotctldProtocol(
    provider: RotatorProvider(beamDirection: { (-123.4, 56.7) }, park: { true }, info: "utermd fuzz"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRotctld(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) { keep(rotator.reply(to: String(line))) }
    return 0
}
