import Geofence
import Synchronization

/// Hands a new, already verified policy from the daemon (SIGHUP, an update) to the tick.
///
/// The tick takes it with `takeIfPresent()`, which never waits (a try-lock: if the daemon is
/// depositing at that instant, the tick takes it on the next one). The policy then takes
/// effect in that tick (the "within a tick"). The replaced policy is handed back
/// through `takeRetired()` so that its memory is freed on the daemon's thread, not the tick's.
public final class PolicyHandoff: Sendable {
    private struct Slots: ~Copyable {
        var pending: (policy: GeofencePolicy, validUntilUnixNanoseconds: Int64)?
        var retired: [GeofencePolicy] = []
    }

    private let slots: Mutex<Slots>

    /// An empty hand-off (room for a few retired policies reserved up front, so the tick's
    /// `retire` does not grow the array).
    public init() {
        var initial = Slots(pending: nil)
        initial.retired.reserveCapacity(8)
        slots = Mutex(initial)
    }

    /// Deposits a policy (daemon side); replaces one not yet taken.
    public func deposit(_ policy: GeofencePolicy, validUntilUnixNanoseconds: Int64) {
        slots.withLock { $0.pending = (policy, validUntilUnixNanoseconds) }
    }

    /// The pending policy, if any and if the lock is free (tick side). Never waits.
    public func takeIfPresent() -> (policy: GeofencePolicy, validUntilUnixNanoseconds: Int64)? {
        slots.withLockIfAvailable { slots -> (policy: GeofencePolicy, validUntilUnixNanoseconds: Int64)? in
            let pending = slots.pending
            slots.pending = nil
            return pending
        } ?? nil
    }

    /// Gives a replaced policy back for release off the tick (tick side). Never waits; if the
    /// lock is busy, the policy is released here after all (rare, and only on a change).
    public func retire(_ policy: GeofencePolicy) {
        _ = slots.withLockIfAvailable { $0.retired.append(policy) }
    }

    /// Frees the policies the tick replaced (daemon side).
    public func takeRetired() -> Int {
        slots.withLock { slots in
            let count = slots.retired.count
            slots.retired.removeAll()
            return count
        }
    }
}
