#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutex with a condition variable, over pthreads (the same on Linux and macOS).
///
/// Why not `Synchronization.Mutex`: it needs macOS 15 and the package supports macOS 14.
/// Why not atomics: swift-atomics is not a dependency of Drivers (see the module's notes).
/// The real-time tick only ever calls `tryLock()`, which never waits: when the other side
/// holds the lock (for a copy of a few words), the tick carries on and tries again next tick.
///
/// `@unchecked Sendable`: the pthread objects live in memory allocated here and are only
/// touched through the pthread calls, which are thread-safe by contract.
final class DriverLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    init() {
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

    func lock() { pthread_mutex_lock(mutex) }

    func unlock() { pthread_mutex_unlock(mutex) }

    /// Takes the lock if it is free; never waits.
    func tryLock() -> Bool { pthread_mutex_trylock(mutex) == 0 }

    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Wakes one waiter. Callable with or without the lock held.
    func signal() { pthread_cond_signal(condition) }

    /// Wakes every waiter.
    func broadcast() { pthread_cond_broadcast(condition) }

    /// With the lock held: releases it, waits for a signal or `timeoutNanoseconds`, takes it
    /// again. Spurious wake-ups happen: callers re-check their predicate.
    func wait(timeoutNanoseconds: UInt64) {
        #if canImport(Glibc)
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let total = UInt64(now.tv_nsec) + timeoutNanoseconds % 1_000_000_000
            var deadline = timespec()
            deadline.tv_sec = now.tv_sec + Int(timeoutNanoseconds / 1_000_000_000) + Int(total / 1_000_000_000)
            deadline.tv_nsec = Int(total % 1_000_000_000)
            pthread_cond_timedwait(condition, mutex, &deadline)
        #else
            var relative = timespec()
            relative.tv_sec = Int(timeoutNanoseconds / 1_000_000_000)
            relative.tv_nsec = Int(timeoutNanoseconds % 1_000_000_000)
            pthread_cond_timedwait_relative_np(condition, mutex, &relative)
        #endif
    }
}

/// A flag one thread raises to ask a driver thread to stop.
public final class DriverStopFlag: @unchecked Sendable {
    private let lock = DriverLock()
    private var raised = false

    /// A flag not yet raised.
    public init() {}

    /// Asks the thread to stop.
    public func raise() { lock.withLock { raised = true } }

    /// Whether `raise()` was called.
    public var isRaised: Bool { lock.withLock { raised } }
}
