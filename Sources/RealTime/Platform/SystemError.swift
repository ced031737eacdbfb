#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error number from a failed system call (`errno`, or the error a `pthread_*` call
/// returns), with the name and text the C library gives it.
package struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error number, as in `<errno.h>`.
    package let code: Int32

    /// Wraps an error number.
    package init(code: Int32) {
        self.code = code
    }

    /// `EPERM`: the caller lacks the privilege (in containers, or without root or
    /// `CAP_SYS_NICE` / `CAP_IPC_LOCK`).
    package static let notPermitted = SystemError(code: EPERM)
    /// `ENOMEM`: for `mlockall`, usually `RLIMIT_MEMLOCK` is smaller than the process.
    package static let outOfMemory = SystemError(code: ENOMEM)
    /// `EINVAL`: an argument the kernel refused (a priority out of range, a CPU not present).
    package static let invalidArgument = SystemError(code: EINVAL)

    /// Whether this error means "not allowed here" rather than "broken": `EPERM`, and
    /// `ENOMEM` from a memory lock limit. The loop then goes on without the setting.
    package var isPermissionLimit: Bool {
        code == EPERM || code == ENOMEM || code == EACCES
    }

    /// The symbolic name where known, then the C library's text, e.g. `EPERM (Operation not permitted)`.
    package var description: String {
        let text = String(cString: strerror(code))
        switch code {
        case EPERM: return "EPERM (\(text))"
        case ENOMEM: return "ENOMEM (\(text))"
        case EINVAL: return "EINVAL (\(text))"
        case EACCES: return "EACCES (\(text))"
        case ESRCH: return "ESRCH (\(text))"
        case EAGAIN: return "EAGAIN (\(text))"
        default: return "errno \(code) (\(text))"
        }
    }
}
