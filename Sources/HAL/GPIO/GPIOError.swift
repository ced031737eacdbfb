import SystemPackage
/// A failure to open, drive, read or release a GPIO line.
///
/// Thrown by every GPIO backend. When the operating system reported the failure (libgpiod
/// sets `errno`), `errno` carries the value and `reason` its `strerror` text; failures the
/// firmware detects itself (a role the board lacks, a chip label not found) have `errno` 0.
package struct GPIOError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, for callers that react differently to each.
    package enum Kind: Sendable, Hashable {
        /// The board file assigns no line to the role.
        case roleNotOnBoard
        /// The role is an input and was opened as an output, or the reverse.
        case wrongDirection
        /// The board description fails `BoardProfile.validate()`; no line is opened from it.
        case invalidBoard
        /// No GPIO chip carries the label the board names.
        case chipNotFound
        /// The chip exists but has no line at the board's offset.
        case lineOutOfRange
        /// Another consumer holds the line (`EBUSY`).
        case busy
        /// The process may not open the chip (`EACCES`, `EPERM`): root or the `gpio` group.
        case accessDenied
        /// The handle was released; it drives nothing any more.
        case released
        /// Edge events were asked of an input opened without edge detection.
        case edgesNotRequested
        /// This platform has no GPIO character devices (macOS); only the simulation runs.
        case unavailableOnPlatform
        /// libgpiod (`libgpiod.so.3` of 2.x or `libgpiod.so.2` of 1.6) could not be loaded:
        /// not installed, or `UTERMD_LIBGPIOD` names a file that is not libgpiod.
        case libraryNotFound
        /// Any other failure the operating system reported; see `errno`.
        case system
    }

    /// What kind of failure this is.
    package var kind: Kind
    /// What was being done, e.g. `open /dev/gpiochip0` or `set transmit_enable`.
    package var operation: String
    /// The errno libgpiod left (nil when none was set).
    package var errno: Errno?
    /// `strerror(errno)`, or the firmware's own explanation when `errno` is 0.
    package var reason: String

    /// Builds an error of a given kind.
    package init(kind: Kind, operation: String, errno: Errno? = nil, reason: String) {
        self.kind = kind
        self.operation = operation
        self.errno = errno
        self.reason = reason
    }

    /// Builds an error the operating system reported, of kind `system`.
    package init(operation: String, errno: Errno, reason: String) {
        self.init(kind: .system, operation: operation, errno: errno, reason: reason)
    }

    /// `operation: reason (errno N)`.
    package var description: String {
        errno.map { "\(operation): \(reason) (errno \($0.rawValue))" } ?? "\(operation): \(reason)"
    }
}
