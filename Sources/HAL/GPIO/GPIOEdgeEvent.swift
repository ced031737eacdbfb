/// A change of a line's logical level, as edge detection reports it.
///
/// Edges are logical: on an active-low line a physical falling edge is `rising` (the line
/// became active). The kernel's character device reports them the same way.
package enum GPIOEdge: String, Sendable, Hashable, CaseIterable {
    /// The line became active (`GPIOD_LINE_EVENT_RISING_EDGE`).
    case rising
    /// The line became inactive (`GPIOD_LINE_EVENT_FALLING_EDGE`).
    case falling

    /// The logical level the line has after this edge.
    package var levelAfter: LogicalLevel { self == .rising ? .active : .inactive }
}

/// One edge event of an input line, with the time the kernel (or the simulation) saw it.
package struct GPIOEdgeEvent: Sendable, Hashable, CustomStringConvertible {
    /// Which way the logical level went.
    package var edge: GPIOEdge
    /// When, in nanoseconds. On Linux this is the kernel's `CLOCK_MONOTONIC` at the interrupt
    /// (the GPIO character device uses it for v1 events since Linux 5.7); in the simulation it
    /// is the virtual clock.
    package var timestampNanoseconds: UInt64

    /// Builds an event.
    package init(edge: GPIOEdge, timestampNanoseconds: UInt64) {
        self.edge = edge
        self.timestampNanoseconds = timestampNanoseconds
    }

    /// `rising@1000ns`.
    package var description: String { "\(edge.rawValue)@\(timestampNanoseconds)ns" }
}
