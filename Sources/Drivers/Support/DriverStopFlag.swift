import Synchronization

/// A flag one thread raises to ask a driver thread to stop.
package final class DriverStopFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// A flag not yet raised.
    package init() {}

    /// Asks the thread to stop.
    package func raise() { raised.store(true, ordering: .releasing) }

    /// Whether `raise()` was called.
    package var isRaised: Bool { raised.load(ordering: .acquiring) }
}
