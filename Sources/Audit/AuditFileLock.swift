import Platform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-writer rule of a file (the audit log, the simulated GPIO trace): an exclusive
/// `flock(2)` on the open file, taken before anything is written and held while the
/// descriptor is open. `flock` rather than `fcntl` record locks, because a record lock is
/// dropped when *any* descriptor of the process on that file is closed (a reader in the same
/// process would silently release it).
package enum AuditFileLock {
    /// Takes the exclusive lock on `descriptor` without waiting.
    /// - Throws: `.locked` with the holder's process id when another open file holds it.
    package static func lockExclusively(_ descriptor: Int32, path: String) throws(AuditError) {
        if case .failure(let failure) = SystemCall.retryingOnInterrupt({ flock(descriptor, LOCK_EX | LOCK_NB) }) {
            if failure.rawValue == EWOULDBLOCK {
                let holder = procLocksHolder(of: descriptor)
                throw .locked(path: path, holderPID: holder)
            }
            throw .system(operation: "flock", path: path, errno: failure)
        }
    }

    /// The process holding an exclusive `flock` on the file behind `descriptor`, if another
    /// one does: tried with a non-blocking shared lock (released at once), and the holder's
    /// id read from `/proc/locks` (Linux; elsewhere `-1` stands for "some other process").
    package static func holder(of descriptor: Int32) -> Int32? {
        if case .success = SystemCall.retryingOnInterrupt({ flock(descriptor, LOCK_SH | LOCK_NB) }) {
            _ = flock(descriptor, LOCK_UN)
            return nil
        }
        return procLocksHolder(of: descriptor) ?? -1
    }

    /// Looks the file up in `/proc/locks`: lines such as
    /// `1: FLOCK  ADVISORY  WRITE 4242 fd:01:1234567 0 EOF` (type, mode, access, pid,
    /// major:minor:inode in hex:hex:decimal, range), as `proc(5)` describes.
    static func procLocksHolder(of descriptor: Int32) -> Int32? {
        #if os(Linux)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        guard let file = fopen("/proc/locks", "r") else { return nil }
        defer { fclose(file) }
        let device = UInt64(status.st_dev)
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        var buffer = [CChar](repeating: 0, count: 512)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", fields[3] == "WRITE" else { continue }
            let place = fields[5].split(separator: ":")
            guard place.count == 3, UInt64(place[0], radix: 16) == major, UInt64(place[1], radix: 16) == minor,
                UInt64(place[2]) == UInt64(status.st_ino)
            else { continue }
            return Int32(fields[4])
        }
        return nil
        #else
        return nil
        #endif
    }
}
