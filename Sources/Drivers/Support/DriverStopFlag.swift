import Synchronization

/// A flag one thread raises to ask a driver thread to stop.
public final class DriverStopFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// A flag not yet raised.
    public init() {}

    /// Asks the thread to stop.
    public func raise() { raised.store(true, ordering: .releasing) }

    /// Whether `raise()` was called.
    public var isRaised: Bool { raised.load(ordering: .acquiring) }
}
