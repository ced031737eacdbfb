#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutex with a condition variable, over pthreads (the same on Linux and macOS): the one
/// primitive for waiting on another thread (`Synchronization.Mutex`, the lock everywhere
/// else, has no condition). Timed waits measure the one monotonic clock (`MonotonicTime`).
///
/// The real-time tick only ever calls `tryLock()`, which never waits: when the other side
/// holds the lock (for a copy of a few words), the tick carries on and tries again next tick.
///
/// `@unchecked Sendable`: the pthread objects live in memory allocated here (a stable
/// address) and are only touched through the pthread calls, which are thread-safe by contract.
package final class ConditionLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    /// An unlocked lock.
    package init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_mutex_init(mutex, nil)
        #if canImport(Glibc)
            // Timed waits measure CLOCK_MONOTONIC, so a step of the wall clock does not
            // stretch or cut them.
            var attributes = pthread_condattr_t()
            pthread_condattr_init(&attributes)
            pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
            pthread_cond_init(condition, &attributes)
            pthread_condattr_destroy(&attributes)
        #else
            pthread_cond_init(condition, nil)
        #endif
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Takes the lock, waiting for it.
    package func lock() { pthread_mutex_lock(mutex) }

    /// Releases the lock.
    package func unlock() { pthread_mutex_unlock(mutex) }

    /// Takes the lock if it is free; never waits.
    package func tryLock() -> Bool { pthread_mutex_trylock(mutex) == 0 }

    /// `body` with the lock held.
    package func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Wakes one waiter. Callable with or without the lock held.
    package func signal() { pthread_cond_signal(condition) }

    /// Wakes every waiter.
    package func broadcast() { pthread_cond_broadcast(condition) }

    /// With the lock held: releases it, waits for a signal, takes it again. Spurious
    /// wake-ups happen: callers re-check their predicate.
    package func wait() { pthread_cond_wait(condition, mutex) }

    /// With the lock held: waits until `ready()` holds or `seconds` have passed on the
    /// monotonic clock (a step of the wall clock neither stretches nor cuts it); true when
    /// `ready()` holds. No wait for a negative or NaN time; at most 10⁹ s for a longer one.
    package func wait(seconds: Double, until ready: () -> Bool) -> Bool {
        let budget = seconds.isFinite ? max(0, seconds) : (seconds > 0 ? 1e9 : 0)
        let deadline = MonotonicTime.unsignedNanoseconds() &+ UInt64(min(budget, 1e9) * 1e9)
        while !ready() {
            let now = MonotonicTime.unsignedNanoseconds()
            guard now < deadline else { return false }
            wait(timeoutNanoseconds: deadline - now)
        }
        return true
    }

    /// With the lock held: releases it, waits for a signal or `timeoutNanoseconds`, takes it
    /// again. Spurious wake-ups happen: callers re-check their predicate.
    package func wait(timeoutNanoseconds: UInt64) {
        #if canImport(Glibc)
            let now = MonotonicTime.unsignedNanoseconds()
            let (end, overflow) = now.addingReportingOverflow(timeoutNanoseconds)
            let deadlineNanoseconds = overflow || end > UInt64(Int64.max) ? UInt64(Int64.max) : end
            var deadline = timespec()
            deadline.tv_sec = Int(deadlineNanoseconds / 1_000_000_000)
            deadline.tv_nsec = Int(deadlineNanoseconds % 1_000_000_000)
            pthread_cond_timedwait(condition, mutex, &deadline)
        #else
            var relative = timespec()
            relative.tv_sec = Int(timeoutNanoseconds / 1_000_000_000)
            relative.tv_nsec = Int(timeoutNanoseconds % 1_000_000_000)
            pthread_cond_timedwait_relative_np(condition, mutex, &relative)
        #endif
    }
}
