import Synchronization
import Platform

/// UTC tracked beside the monotonic timeline: the offset that maps monotonic nanoseconds to
/// UTC, unknown until a time source (GNSS time, or a system clock known to be synchronised)
/// sets it.
///
/// Pacing never reads this: the loop sleeps on its `TickClock` alone, and only *labels* each
/// tick with the UTC of its scheduled instant. A step of UTC (a first GNSS fix after booting
/// with a 1970 clock, a leap-second smear, an operator setting the date) therefore moves the
/// labels and nothing else — no burst of ticks, no skipped ticks (design invariant 5).
///
/// Thread safety: one atomic word holds the whole mapping, so a reader sees either the old or
/// the new offset, never a mix. Loads and stores are relaxed: the offset carries no other
/// data with it, and a reader that sees a step one tick late is harmless.
package final class UTCReference: Sendable {
    /// Offset value that means "UTC unknown". No real offset reaches it: it would put UTC
    /// 292 years before the monotonic epoch.
    private static let unknownOffset = Int64.min

    /// UTC nanoseconds since the Unix epoch minus monotonic nanoseconds, or `unknownOffset`.
    private let offsetNanoseconds = Atomic<Int64>(UTCReference.unknownOffset)
    private let synchronisations = Atomic<UInt64>(0)

    /// Creates a reference with UTC unknown.
    package init() {}

    /// Whether UTC is known (set and not invalidated since).
    package var isKnown: Bool {
        offsetNanoseconds.load(ordering: .relaxed) != UTCReference.unknownOffset
    }

    /// How many times `synchronise` has been called (each one may have stepped UTC).
    package var synchronisationCount: UInt64 {
        synchronisations.load(ordering: .relaxed)
    }

    /// Sets the mapping from one simultaneous reading of UTC and of the monotonic clock.
    ///
    /// - Parameters:
    ///   - utc: UTC at the moment of the reading (e.g. a GNSS PPS-aligned time).
    ///   - monotonicNanoseconds: the monotonic clock at that same moment.
    /// - Returns: the step this applied to UTC in nanoseconds (new minus old mapping), or
    ///   `nil` when UTC was unknown before.
    @discardableResult
    package func synchronise(utc: UTCInstant, atMonotonicNanoseconds monotonicNanoseconds: Nanoseconds)
        -> Nanoseconds?
    {
        let newOffset = utc.nanosecondsSinceUnixEpoch &- monotonicNanoseconds
        let oldOffset = offsetNanoseconds.exchange(newOffset, ordering: .relaxed)
        synchronisations.wrappingAdd(1, ordering: .relaxed)
        return oldOffset == UTCReference.unknownOffset ? nil : newOffset &- oldOffset
    }

    /// Forgets UTC (e.g. the time source was found wrong); until the next `synchronise`,
    /// `utc(atMonotonicNanoseconds:)` answers `nil`, and whatever needs UTC must stop.
    package func invalidate() {
        offsetNanoseconds.store(UTCReference.unknownOffset, ordering: .relaxed)
    }

    /// UTC at a monotonic instant, or `nil` while UTC is unknown.
    package func utc(atMonotonicNanoseconds monotonicNanoseconds: Nanoseconds) -> UTCInstant? {
        let offset = offsetNanoseconds.load(ordering: .relaxed)
        guard offset != UTCReference.unknownOffset else { return nil }
        return UTCInstant(nanosecondsSinceUnixEpoch: monotonicNanoseconds &+ offset)
    }

    /// The monotonic instant at which UTC reads `utc` under the current mapping, or `nil`
    /// while UTC is unknown (to schedule work at a UTC boundary on the monotonic timeline).
    package func monotonicNanoseconds(at utc: UTCInstant) -> Nanoseconds? {
        let offset = offsetNanoseconds.load(ordering: .relaxed)
        guard offset != UTCReference.unknownOffset else { return nil }
        return utc.nanosecondsSinceUnixEpoch &- offset
    }

    /// Sets the mapping from the system's realtime clock (`CLOCK_REALTIME`), read back to back
    /// with the monotonic clock.
    ///
    /// Call this only when the system clock is known to be synchronised (NTP/chrony/gpsd
    /// report it so): a Raspberry Pi has no battery clock and boots with a wrong date.
    /// - Returns: the step applied, as for `synchronise(utc:atMonotonicNanoseconds:)`.
    @discardableResult
    package func synchroniseFromSystemClock() -> Nanoseconds? {
        let sample = MonotonicTime.realtimeAndMonotonicNanoseconds()
        return synchronise(
            utc: UTCInstant(nanosecondsSinceUnixEpoch: sample.realtimeNanoseconds),
            atMonotonicNanoseconds: sample.monotonicNanoseconds)
    }
}
