/// A failure reported by libgpiod, with the errno it set.
public struct GPIOError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done, e.g. `open /dev/gpiochip0`.
    public var operation: String
    /// The errno value libgpiod left (0 when none was set).
    public var errno: Int32
    /// `strerror(errno)`.
    public var reason: String

    /// Builds an error.
    public init(operation: String, errno: Int32, reason: String) {
        self.operation = operation
        self.errno = errno
        self.reason = reason
    }

    public var description: String { "\(operation): \(reason) (errno \(errno))" }
}
