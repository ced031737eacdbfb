import Synchronization

/// Hands a value prepared off the tick (a verified policy, refreshed element sets) to the
/// tick, and hands the value it replaced back, so that its memory is freed on the daemon's
/// thread, not the tick's.
///
/// The tick takes a value with `takeIfPresent()`, which never waits: it is a try-lock, so if
/// the daemon is depositing at that instant the tick takes the value on its next tick. The
/// value then takes effect in that tick. `retire` never waits either; if the lock is busy (rare,
/// and only on a change) the replaced value is released on the tick after all. The daemon side
/// (`deposit`, `takeRetired`) may wait for the lock, for as long as the tick holds it: a copy of
/// one value.
package final class TickHandoff<Value: Sendable>: Sendable {
    private struct Slots: ~Copyable {
        var pending: Value?
        var retired: [Value] = []
    }

    private let slots: Mutex<Slots>

    /// An empty hand-off, with room for a few retired values reserved up front so that the
    /// tick's `retire` does not grow the array.
    package init() {
        var initial = Slots(pending: nil)
        initial.retired.reserveCapacity(8)
        slots = Mutex(initial)
    }

    /// Deposits a value (daemon side); replaces one not yet taken.
    package func deposit(_ value: Value) {
        slots.withLock { $0.pending = value }
    }

    /// The pending value, if any and if the lock is free (tick side). Never waits.
    package func takeIfPresent() -> Value? {
        slots.withLockIfAvailable { slots -> Value? in
            let pending = slots.pending
            slots.pending = nil
            return pending
        } ?? nil
    }

    /// Gives a replaced value back for release off the tick (tick side). Never waits.
    package func retire(_ value: Value) {
        _ = slots.withLockIfAvailable { slots in
            // Within the reserved capacity the append allocates nothing; past it (the daemon
            // has not collected for 8 changes) the value is dropped here instead.
            if slots.retired.count < slots.retired.capacity { slots.retired.append(value) }
        }
    }

    /// Releases the values the tick replaced (daemon side); returns how many there were.
    @discardableResult
    package func takeRetired() -> Int {
        slots.withLock { slots in
            let count = slots.retired.count
            slots.retired.removeAll(keepingCapacity: true)
            return count
        }
    }
}
