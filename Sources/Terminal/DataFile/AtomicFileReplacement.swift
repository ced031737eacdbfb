import Foundation
import Platform
import SystemPackage

/// Replaces a small state file so that a crash leaves either the old or the new content:
/// written to `<path>.new`, fsync'ed, renamed over `path`, the directory fsync'ed (POSIX
/// `rename(2)` is atomic; the fsyncs make the data and the rename durable).
enum AtomicFileReplacement {
    /// A step that failed, with the file it concerned and `strerror`'s text.
    struct Failure: Error {
        var path: String
        var reason: String
    }

    static func replace(path: String, with data: Data, permissions: mode_t = 0o640) throws(Failure) {
        let temporary = path + ".new"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard fd >= 0 else { throw Failure(path: temporary, reason: "cannot create: \(Errno.last)") }
        var failure = data.withUnsafeBytes { SystemCall.writeAll(fd, $0) }
        if failure == nil, case .failure(let error) = SystemCall.retryingOnInterrupt({ fsync(fd) }) { failure = error }
        let synced = failure == nil
        let reason = failure?.description ?? ""
        close(fd)
        guard synced else {
            unlink(temporary)
            throw Failure(path: temporary, reason: "cannot write: \(reason)")
        }
        guard rename(temporary, path) == 0 else {
            throw Failure(path: path, reason: "cannot replace: \(Errno.last)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
