import Platform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only audit log: every record is written with one `write(2)` and made durable
/// with `fsync(2)` before `append` returns, so a caller that acts only after `append`
/// returned never acts unaudited (safety invariant 4). Each record carries the digest of the
/// one before it (`AuditChain`), so removal or alteration is detectable.
///
/// Opening never destroys what it does not understand. After a crash (power loss, SIGKILL)
/// the last record may be torn: opening cuts only that incomplete last line — when it looks
/// like the start of a record — and records the cut as the log's next record
/// (`lifecycle/torn_tail_cut`). Anything else (a file that does not begin with a valid
/// record, a CRLF-converted log, damage or missing, repeated or reordered records before the
/// tail, a device, a line longer than any record) is refused with an error naming the line,
/// and the file is left byte for byte as it was.
///
/// One writer per log: opening takes an exclusive `flock(2)` on the file, held until the log
/// is released, before anything is read or written; a second opener gets `.locked` with the
/// holder's process id (from `/proc/locks`). Readers (`read`, `scan`) take no lock.
///
/// The type is not `Sendable`; the daemon owns it on its audit thread.
package final class AuditLog {
    /// The log file.
    package let path: String
    /// Bytes cut from a torn tail when the log was opened (0 after a clean shutdown).
    package let recoveredTornBytes: Int
    /// The sequence number the next record will get.
    package private(set) var nextSequence: UInt64
    /// The chain value the next record will carry (the digest of the last line).
    package private(set) var headDigest: String
    private let descriptor: Int32

    /// Opens (creating if needed) the log at `path`, locking it and cutting a torn tail.
    /// - Throws: `.locked` (another process has it), `.notAuditLog`, `.damaged`,
    ///   `.lineTooLong` (the file is left untouched), `.system` for a failed call.
    package init(path: String) throws(AuditError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .system(operation: "open", path: path, errno: .last) }
        let scan: AuditFileScan
        do throws(AuditError) {
            try Self.requireRegularFile(fd, path)
            try AuditFileLock.lockExclusively(fd, path: path)
            scan = try AuditFileScan(descriptor: fd, path: path, keepEntries: false)
            try Self.refuseUnlessIntact(scan, path)
            if scan.tornBytes > 0 {
                guard ftruncate(fd, off_t(scan.validLength)) == 0 else {
                    throw AuditError.system(operation: "ftruncate", path: path, errno: .last)
                }
                guard fsync(fd) == 0 else { throw AuditError.system(operation: "fsync", path: path, errno: .last) }
            }
        } catch {
            close(fd)
            throw error
        }
        descriptor = fd
        recoveredTornBytes = scan.tornBytes
        nextSequence = scan.check.lastSequence + 1
        headDigest = scan.check.headDigest
        try Self.syncDirectory(of: path)
        if scan.tornBytes > 0 {
            try append(
                AuditEntry(
                    kind: .lifecycle, event: "torn_tail_cut",
                    reason: "\(scan.tornBytes) bytes of an incomplete last record (a crash while it was written) cut at open",
                    details: ["bytes": "\(scan.tornBytes)", "offset": "\(scan.validLength)"]))
        }
    }

    deinit { close(descriptor) }

    /// Appends `entry` (its sequence number and chain are assigned here) and returns once it
    /// is on stable storage. On failure nothing may be assumed written.
    @discardableResult
    package func append(_ entry: AuditEntry) throws(AuditError) -> AuditEntry {
        var entry = entry
        entry.sequence = nextSequence
        entry.chain = headDigest
        let line: [UInt8]
        do { line = try AuditLineFormat.encode(entry) } catch { throw .encoding("\(error)") }
        if let failure = line.withUnsafeBytes({ SystemCall.writeAll(descriptor, $0) }) {
            throw .system(operation: "write", path: path, errno: failure)
        }
        if case .failure(let failure) = SystemCall.retryingOnInterrupt({ fsync(descriptor) }) {
            throw .system(operation: "fsync", path: path, errno: failure)
        }
        nextSequence += 1
        headDigest = AuditChain.digest(ofLine: line.dropLast())
        return entry
    }

    /// Reads every valid record of a log, checking it, without changing the file or locking it.
    package static func read(path: String) throws(AuditError) -> AuditFileScan {
        try scan(path: path, keepEntries: true)
    }

    /// Reads a log record by record in bounded memory (`visit` sees each valid record as it is
    /// read; entries are kept only when `keepEntries`), checking every line, without changing
    /// or locking the file.
    package static func scan(
        path: String, keepEntries: Bool = false, visit: (AuditEntry) -> Void = { _ in }
    ) throws(AuditError) -> AuditFileScan {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(operation: "open", path: path, errno: .last) }
        defer { close(fd) }
        try requireRegularFile(fd, path)
        return try AuditFileScan(descriptor: fd, path: path, keepEntries: keepEntries, visit: visit)
    }

    /// Checks, without changing it, that the file at `path` could be opened as the daemon's
    /// log: absent (it would be created), or a regular file that is an intact log (a torn
    /// tail is fine: opening cuts it) and not held by another process.
    package static func checkUsable(path: String) throws(AuditError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return }
            throw .system(operation: "open", path: path, errno: .last)
        }
        defer { close(fd) }
        try requireRegularFile(fd, path)
        if let holder = AuditFileLock.holder(of: fd) { throw .locked(path: path, holderPID: holder < 0 ? nil : holder) }
        try refuseUnlessIntact(try AuditFileScan(descriptor: fd, path: path, keepEntries: false), path)
    }

    /// Moves a damaged log aside (to `path.corrupt-N`) so a new one can start; returns the new name.
    package static func quarantine(path: String) throws(AuditError) -> String {
        var suffix = 1
        var target = "\(path).corrupt-\(suffix)"
        while access(target, F_OK) == 0 {
            suffix += 1
            target = "\(path).corrupt-\(suffix)"
        }
        guard rename(path, target) == 0 else { throw .system(operation: "rename", path: path, errno: .last) }
        return target
    }

    private static func refuseUnlessIntact(_ scan: AuditFileScan, _ path: String) throws(AuditError) {
        guard !scan.isIntactButForTornTail else { return }
        if scan.check.recordCount == 0, let first = scan.findings.first {
            throw .notAuditLog(path: path, reason: first.description)
        }
        throw .damaged(path: path, findings: scan.findings)
    }

    private static func requireRegularFile(_ fd: Int32, _ path: String) throws(AuditError) {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .system(operation: "fstat", path: path, errno: .last) }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw .notAuditLog(
                path: path, reason: type == S_IFDIR ? "is a directory" : "not a regular file (a device, FIFO or socket)")
        }
    }

    /// A new file's directory entry must be durable too (fsync of the directory, as
    /// `fsync(2)` itself notes).
    private static func syncDirectory(of path: String) throws(AuditError) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = fsync(fd)
    }
}
