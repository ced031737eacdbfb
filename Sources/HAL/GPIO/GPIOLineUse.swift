/// Whether a board line is held, as the kernel reports it (`gpioinfo`'s columns).
package struct GPIOLineUse: Sendable, Hashable {
    /// Requested by some process, or claimed by a kernel driver.
    package var used: Bool
    /// Who holds it (`utermd`, `gpioset`, a driver's name); empty when not given.
    package var consumer: String

    /// Builds a line use.
    package init(used: Bool, consumer: String) {
        self.used = used
        self.consumer = consumer
    }
}
