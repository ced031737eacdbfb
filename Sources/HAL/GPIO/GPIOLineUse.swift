/// Whether a board line is held, as the kernel reports it (`gpioinfo`'s columns).
public struct GPIOLineUse: Sendable, Hashable {
    /// Requested by some process, or claimed by a kernel driver.
    public var used: Bool
    /// Who holds it (`utermd`, `gpioset`, a driver's name); empty when not given.
    public var consumer: String

    /// Builds a line use.
    public init(used: Bool, consumer: String) {
        self.used = used
        self.consumer = consumer
    }
}
