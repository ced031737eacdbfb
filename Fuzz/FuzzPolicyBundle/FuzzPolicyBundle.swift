import Foundation
import FuzzSupport
import Geofence
import Terminal

/// libFuzzer entry: signed policy bundles as `POST /policy` and SIGHUP receive them: the
/// signature line, then (whatever the signature says) the policy document itself, and the
/// whole offer through the keeper with the example key.
private let keeperKey = try? EmbeddedDefaults.examplePolicyPublicKey()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicyBundle(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    keep(try? SignedPolicyFile(fileBytes: bytes))
    keep(try? PolicyFile.parse(bytes: SignedPolicyFile.unsignedContent(of: bytes), file: "fuzz.yaml"))
    if let keeperKey {
        var keeper = PolicyKeeper(operatorKey: keeperKey)
        keep(keeper.offer(fileBytes: bytes, source: "fuzz", at: Date(timeIntervalSince1970: 1_787_443_200)))
    }
    return 0
}
