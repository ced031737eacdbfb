import Platform

/// The beamformer driver's state as the tick and telemetry see it.
package struct BeamformerHealth: Sendable, Hashable {
    /// Whether a bridge is open, reset and answering.
    package var isConnected = false
    /// Whether the last exchange succeeded (false from the first failure until a reconnect
    /// succeeds).
    package var isLinkHealthy = false
    /// The steering version last latched on the array (0: none since connecting).
    package var appliedVersion: UInt64 = 0
    /// When (driver's monotonic clock) that version was latched.
    package var appliedAtNanoseconds: UInt64 = 0
    /// When (tick's monotonic clock) that version had been posted.
    package var appliedPostedAtNanoseconds: UInt64 = 0
    /// Successful connections, the first included.
    package var connectionCount = 0
    /// Replies rejected (garbage, truncated, stale, NAKs), all time.
    package var rejectedReplyCount = 0
    /// Exchanges retried, all time.
    package var retryCount = 0
    /// The last failure, kept after recovery for telemetry.
    package var lastError: BeamformerBridgeError?

    /// Builds the state of a driver that has not connected yet.
    package init() {}

    /// Whether the array radiates the steering of the tick, for the interlock's
    /// `beamformerHealthy`: the link is healthy, and the newest steering posted (version
    /// `postedVersion`, at `postedAtNanoseconds`) is latched, or was posted less than
    /// `maximumLagNanoseconds` before `now` while an earlier one is latched (the driver
    /// needs a few milliseconds per update).
    package func isReady(
        postedVersion: UInt64, postedAtNanoseconds: UInt64, atNanoseconds now: UInt64, maximumLagNanoseconds: UInt64
    ) -> Bool {
        guard isConnected, isLinkHealthy, appliedVersion > 0 else { return false }
        if appliedVersion >= postedVersion { return true }
        return now >= postedAtNanoseconds && now - postedAtNanoseconds <= maximumLagNanoseconds
    }
}

/// Where the driver thread publishes its `BeamformerHealth` and the tick reads it.
///
/// The tick reads with `tryRead()`, which never waits: when the driver is publishing at
/// that instant, it returns nil and the tick keeps the value it read last (one tick old).
package final class BeamformerHealthCell: @unchecked Sendable {
    // `@unchecked Sendable`: `health` is touched only under `lock`.
    private let lock = ConditionLock()
    private var health = BeamformerHealth()

    /// A cell reporting "not connected".
    package init() {}

    /// The state now (may wait for the driver's publication: not for the tick).
    package var current: BeamformerHealth { lock.withLock { health } }

    /// The state now, or nil when the driver holds the lock. Never waits. (Copying the
    /// value retains `lastError`'s strings when it holds one; no allocation.)
    package func tryRead() -> BeamformerHealth? {
        guard lock.tryLock() else { return nil }
        defer { lock.unlock() }
        return health
    }

    /// Driver side: changes the published state.
    func update(_ change: (inout BeamformerHealth) -> Void) {
        lock.withLock { change(&health) }
    }
}
