import Audit
import Foundation
import Platform

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The simulated GPIO trace file, held by one daemon: opened (created if missing, not
/// truncated) and locked with `flock` at start, written once at exit through the same
/// descriptor. A second daemon naming the same file is refused with the holder's process id.
final class LockedTraceFile {
    let path: String
    private let descriptor: Int32

    init(path: String) throws(AuditError) {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .system(operation: "open", path: path, errno: .last) }
        do {
            try AuditFileLock.lockExclusively(fd, path: path)
        } catch {
            close(fd)
            throw error
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Replaces the file's contents with `bytes`.
    func replaceContents(with bytes: [UInt8]) throws(AuditError) {
        guard ftruncate(descriptor, 0) == 0 else { throw .system(operation: "ftruncate", path: path, errno: .last) }
        var offset = 0
        while offset < bytes.count {
            let start = offset
            switch bytes.withUnsafeBytes({ buffer in
                SystemCall.retryingOnInterrupt { pwrite(descriptor, buffer.baseAddress! + start, buffer.count - start, off_t(start)) }
            }) {
            case .success(let written): offset += written
            case .failure(let failure): throw .system(operation: "write", path: path, errno: failure)
            }
        }
    }
}
