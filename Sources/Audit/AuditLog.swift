#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only audit log: every record is written with one `write(2)` and made durable
/// with `fsync(2)` before `append` returns, so a caller that acts only after `append`
/// returned never acts unaudited (safety invariant 4).
///
/// After a crash (power loss, SIGKILL) the last record may be torn: opening the log drops
/// only that incomplete or damaged tail, which was never reported as written. Damage
/// anywhere else is not a crash artefact and is reported, never silently repaired.
///
/// One writer at a time: the type is not `Sendable`; the daemon owns it on its audit thread.
public final class AuditLog {
    /// The log file.
    public let path: String
    /// Bytes dropped from a torn tail when the log was opened (0 after a clean shutdown).
    public let recoveredTornBytes: Int
    /// The sequence number the next record will get.
    public private(set) var nextSequence: UInt64
    private let descriptor: Int32

    /// Opens (creating if needed) the log at `path`, recovering a torn tail.
    public init(path: String) throws(AuditError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .system(operation: "open", path: path, errno: errno) }
        do {
            let scan = try AuditFileScan(descriptor: fd, path: path)
            if scan.tornBytes > 0 {
                guard ftruncate(fd, off_t(scan.validLength)) == 0 else {
                    throw AuditError.system(operation: "ftruncate", path: path, errno: errno)
                }
                guard fsync(fd) == 0 else { throw AuditError.system(operation: "fsync", path: path, errno: errno) }
            }
            recoveredTornBytes = scan.tornBytes
            nextSequence = (scan.entries.last?.sequence ?? 0) + 1
        } catch let error as AuditError {
            close(fd)
            throw error
        } catch {
            close(fd)
            throw .encoding("\(error)")
        }
        descriptor = fd
        try Self.syncDirectory(of: path)
    }

    deinit { close(descriptor) }

    /// Appends `entry` (its sequence number is assigned here) and returns once it is on
    /// stable storage. On failure nothing may be assumed written.
    @discardableResult
    public func append(_ entry: AuditEntry) throws(AuditError) -> AuditEntry {
        var entry = entry
        entry.sequence = nextSequence
        let line: [UInt8]
        do { line = try AuditLineFormat.encode(entry) } catch { throw .encoding("\(error)") }
        let failure: Int32? = line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw .system(operation: "write", path: path, errno: failure) }
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw .system(operation: "fsync", path: path, errno: errno) }
        }
        nextSequence += 1
        return entry
    }

    /// Reads every valid record of a log without changing the file.
    public static func read(path: String) throws(AuditError) -> AuditFileScan {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(operation: "open", path: path, errno: errno) }
        defer { close(fd) }
        return try AuditFileScan(descriptor: fd, path: path)
    }

    /// Moves a damaged log aside (to `path.corrupt-N`) so a new one can start; returns the new name.
    public static func quarantine(path: String) throws(AuditError) -> String {
        var suffix = 1
        var target = "\(path).corrupt-\(suffix)"
        while access(target, F_OK) == 0 {
            suffix += 1
            target = "\(path).corrupt-\(suffix)"
        }
        guard rename(path, target) == 0 else { throw .system(operation: "rename", path: path, errno: errno) }
        return target
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
