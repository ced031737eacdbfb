import Platform
/// What one tick knows about itself: where it sits on the grid, when it was due and when it
/// actually woke, and the UTC of its scheduled instant when UTC is known.
///
/// A plain value, handed to the tick body by value: building it allocates nothing.
public struct TickContext: Sendable, Hashable, BitwiseCopyable {
    /// The tick's index on the grid: it was due at `origin + tickIndex · period`. Jumps past
    /// the indices of skipped periods after an overrun.
    public var tickIndex: UInt64
    /// How many ticks this run executed before this one (no gaps).
    package var sequenceNumber: UInt64
    /// When the tick was due, on the loop's monotonic clock.
    package var scheduledNanoseconds: Nanoseconds
    /// When the loop actually woke for it.
    package var wakeNanoseconds: Nanoseconds
    /// The deadline of the next grid tick: the tick body should be done by then.
    package var nextDeadlineNanoseconds: Nanoseconds
    /// UTC at `scheduledNanoseconds`, or `nil` while UTC is unknown. Labels the tick; never
    /// moves it.
    public var scheduledUTC: UTCInstant?
    /// Grid periods skipped just before this tick, because the previous one overran.
    package var missedPeriodsBefore: UInt64
    /// Whether the ticks before this one met their deadlines for the loop's health window.
    package var recentDeadlinesMet: Bool

    /// Builds a context (the loop does; tests and simulations may).
    public init(
        tickIndex: UInt64, sequenceNumber: UInt64, scheduledNanoseconds: Nanoseconds, wakeNanoseconds: Nanoseconds,
        nextDeadlineNanoseconds: Nanoseconds, scheduledUTC: UTCInstant?, missedPeriodsBefore: UInt64,
        recentDeadlinesMet: Bool
    ) {
        self.tickIndex = tickIndex
        self.sequenceNumber = sequenceNumber
        self.scheduledNanoseconds = scheduledNanoseconds
        self.wakeNanoseconds = wakeNanoseconds
        self.nextDeadlineNanoseconds = nextDeadlineNanoseconds
        self.scheduledUTC = scheduledUTC
        self.missedPeriodsBefore = missedPeriodsBefore
        self.recentDeadlinesMet = recentDeadlinesMet
    }

    /// How late the loop woke: `wakeNanoseconds - scheduledNanoseconds`.
    package var wakeLatencyNanoseconds: Nanoseconds {
        wakeNanoseconds &- scheduledNanoseconds
    }
}

/// The work of one tick, as a type: the loop calls `tick(_:)` once per executed tick.
///
/// Passing the body as a generic `inout` value (rather than a stored closure or an
/// existential) lets the compiler specialise the loop for it: no allocation, no dynamic
/// dispatch, no reference counting per tick. Bodies may be non-copyable.
package protocol TickBody: ~Copyable {
    /// Runs one tick. Should return before `context.nextDeadlineNanoseconds`.
    mutating func tick(_ context: TickContext)
}
