import Crypto

/// The hash chain of an audit log: each record carries the SHA-256 of the line before it
/// (`AuditEntry.chain`), the first record the digest of nothing (`genesis`). Editing,
/// removing, inserting or reordering any record breaks the chain at the record after it.
///
/// What it proves, and what it does not: without a key, someone who rewrites the whole file
/// can recompute every link; the chain proves that the file is the one the terminal wrote
/// (no record lost or altered by accident, a copy, a tool or a careless edit) and, given the
/// head (`AuditLogCheck.headDigest`, printed by `utermd audit show --verify`) recorded
/// elsewhere, that nothing before that head changed. The last records can be cut away
/// without breaking the chain; the recorded head or the daemon's count reveals that.
package enum AuditChain {
    /// The chain value of the first record: 64 zeros.
    package static let genesis = String(repeating: "0", count: 64)

    /// The chain value that follows `line` (a record's bytes, without its newline).
    package static func digest<Bytes: Sequence>(ofLine line: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(data: Array(line))
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
