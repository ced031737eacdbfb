import Audit
import FuzzSupport

/// libFuzzer entry: the audit log scan (`utermd audit show`, the daemon's open): every line
/// checked (CRC, sequence, hash chain), a torn tail taken, the chain required.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAuditScan(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var check = AuditLogCheck()
    var lineNumber = 0
    var start = 0
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
        lineNumber += 1
        keep(check.take(line: bytes[start..<offset], lineNumber: lineNumber))
        start = offset + 1
    }
    if start < bytes.count { check.takeTail(bytes[start...], lineNumber: lineNumber + 1) }
    check.requireChain()
    return 0
}
