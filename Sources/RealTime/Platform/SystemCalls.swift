#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The raw C calls of this module, and nothing else: clocks, sleeping, scheduling, memory
/// locking, CPU affinity, threads. The typed API above this (clocks, `RealTimeSetup`,
/// `LoopThread`) never calls C itself, and `EINTR` is retried here and only here.
enum SystemCalls {
    // MARK: Clocks

    /// `clock_gettime(CLOCK_MONOTONIC)` on Linux; `clock_gettime_nsec_np(CLOCK_UPTIME_RAW)`
    /// (the clock of `mach_absolute_time`) on Darwin. Neither is ever stepped.
    @inline(__always)
    static func monotonicNanoseconds() -> Nanoseconds {
        #if os(Linux)
            var time = timespec()
            // Cannot fail for CLOCK_MONOTONIC with a valid pointer (clock_gettime(2)).
            _ = clock_gettime(CLOCK_MONOTONIC, &time)
            return Nanoseconds(time.tv_sec) &* nanosecondsPerSecond &+ Nanoseconds(time.tv_nsec)
        #elseif canImport(Darwin)
            return Nanoseconds(truncatingIfNeeded: clock_gettime_nsec_np(CLOCK_UPTIME_RAW))
        #else
            var time = timespec()
            _ = clock_gettime(CLOCK_MONOTONIC, &time)
            return Nanoseconds(time.tv_sec) &* nanosecondsPerSecond &+ Nanoseconds(time.tv_nsec)
        #endif
    }

    /// `CLOCK_REALTIME` read between two monotonic readings, paired with their midpoint.
    static func realtimeAndMonotonicNanoseconds() -> (realtimeNanoseconds: Int64, monotonicNanoseconds: Nanoseconds) {
        let before = monotonicNanoseconds()
        #if canImport(Darwin)
            let realtime = Int64(truncatingIfNeeded: clock_gettime_nsec_np(CLOCK_REALTIME))
        #else
            var time = timespec()
            _ = clock_gettime(CLOCK_REALTIME, &time)
            let realtime = Int64(time.tv_sec) &* nanosecondsPerSecond &+ Int64(time.tv_nsec)
        #endif
        let after = monotonicNanoseconds()
        return (realtime, before &+ (after &- before) / 2)
    }

    /// Sleeps until the monotonic clock reads at least `deadline`.
    ///
    /// Linux: `clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, …)`, the call cyclictest and
    /// LinuxCNC use: an absolute deadline cannot drift, and after a signal (`EINTR`) the same
    /// deadline is simply slept for again. Elsewhere: `nanosleep` of the time remaining,
    /// repeated until the deadline has passed (it may return early on a signal).
    static func sleepUntilMonotonic(nanoseconds deadline: Nanoseconds) {
        #if os(Linux)
            var target = timespec(
                tv_sec: Int(deadline / nanosecondsPerSecond), tv_nsec: Int(deadline % nanosecondsPerSecond))
            while true {
                // clock_nanosleep returns the error number instead of setting errno.
                let result = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, nil)
                if result != EINTR { return }
            }
        #else
            while true {
                let remaining = deadline &- monotonicNanoseconds()
                if remaining <= 0 { return }
                var interval = timespec(
                    tv_sec: Int(remaining / nanosecondsPerSecond), tv_nsec: Int(remaining % nanosecondsPerSecond))
                _ = nanosleep(&interval, nil)
            }
        #endif
    }

    #if os(Linux)
        // MARK: Scheduling, memory, affinity (Linux)

        /// `pthread_setschedparam(pthread_self(), SCHED_FIFO, priority)`; `nil` on success.
        static func setCurrentThreadFIFOPriority(_ priority: Int32) -> SystemError? {
            var parameters = sched_param()
            parameters.sched_priority = priority
            let result = pthread_setschedparam(pthread_self(), SCHED_FIFO, &parameters)
            return result == 0 ? nil : SystemError(code: result)
        }

        /// `sched_get_priority_min/max(SCHED_FIFO)`: 1…99 on Linux.
        static func fifoPriorityRange() -> ClosedRange<Int32> {
            let low = sched_get_priority_min(SCHED_FIFO)
            let high = sched_get_priority_max(SCHED_FIFO)
            return low <= high ? low...high : 1...99
        }

        /// `mlockall(MCL_CURRENT | MCL_FUTURE)`; `nil` on success.
        static func lockAllMemory() -> SystemError? {
            mlockall(Int32(MCL_CURRENT | MCL_FUTURE)) == 0 ? nil : SystemError(code: errno)
        }

        /// `sched_setaffinity(0, …)`: pins the calling thread to `processors`; `nil` on success.
        static func setCurrentThreadAffinity(_ processors: [Int]) -> SystemError? {
            guard let setAffinity = GNUExtensions.schedSetAffinity else { return SystemError(code: ENOSYS) }
            var set = cpu_set_t()
            let bitsPerWord = UInt.bitWidth
            let capacity = MemoryLayout<cpu_set_t>.size / MemoryLayout<UInt>.size * bitsPerWord
            for processor in processors {
                guard processor >= 0, processor < capacity else { return .invalidArgument }
            }
            withUnsafeMutableBytes(of: &set) { raw in
                let words = raw.bindMemory(to: UInt.self)
                for processor in processors {
                    words[processor / bitsPerWord] |= 1 << UInt(processor % bitsPerWord)
                }
            }
            let result = withUnsafePointer(to: &set) { setAffinity(0, MemoryLayout<cpu_set_t>.size, $0) }
            return result == 0 ? nil : SystemError(code: errno)
        }

        /// Writes `/proc/<tid>/timerslack_ns` (Linux 4.6+) for the calling thread: how long the
        /// kernel may defer its timer expiries to batch wake-ups (50 µs by default; ignored for
        /// real-time threads). The file is per task but listed only under `/proc/<pid>/`, not
        /// under `/proc/thread-self/`, hence the thread id. The file rather than
        /// `prctl(PR_SET_TIMERSLACK)`, which is variadic and so not callable from Swift.
        static func setCurrentThreadTimerSlack(nanoseconds: UInt64) -> SystemError? {
            guard let threadID = GNUExtensions.gettid?() else { return SystemError(code: ENOSYS) }
            let descriptor = open("/proc/\(threadID)/timerslack_ns", O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return SystemError(code: errno) }
            defer { _ = close(descriptor) }
            let text = Array(String(nanoseconds).utf8)
            while true {
                let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written >= 0 { return nil }
                if errno != EINTR { return SystemError(code: errno) }
            }
        }

        /// `sysconf(_SC_NPROCESSORS_ONLN)`.
        /// The PM QoS request: the latency as a binary 32-bit integer written to
        /// `/dev/cpu_dma_latency`, in force while the descriptor stays open. It is kept open
        /// for the life of the process; a later request replaces the earlier one.
        static func requestCPUWakeLatency(microseconds: Int32) -> SystemError? {
            let descriptor = open("/dev/cpu_dma_latency", O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return SystemError(code: errno) }
            var value = microseconds
            while true {
                let written = withUnsafeBytes(of: &value) { write(descriptor, $0.baseAddress, $0.count) }
                if written == MemoryLayout<Int32>.size { break }
                if written < 0, errno == EINTR { continue }
                let error = SystemError(code: written < 0 ? errno : EIO)
                _ = close(descriptor)
                return error
            }
            let previous = CPUWakeLatencyRequest.shared.hold(descriptor)
            if previous >= 0 { _ = close(previous) }
            return nil
        }

        static func onlineProcessorCount() -> Int {
            max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        }
    #endif

    // MARK: Threads

    /// A thread of the C library (`pthread_t`: an integer on Linux, a pointer on Darwin).
    typealias ThreadHandle = pthread_t

    /// `pthread_create` with default attributes, running `ThreadEntry.enter(argument)`.
    static func createThread(argument: UnsafeMutableRawPointer) -> Result<ThreadHandle, SystemError> {
        #if canImport(Darwin)
            var thread: pthread_t? = nil
            let result = pthread_create(&thread, nil, { ThreadEntry.enter($0) }, argument)
            guard result == 0, let created = thread else { return .failure(SystemError(code: result)) }
            return .success(created)
        #else
            var thread = pthread_t()
            let result = pthread_create(&thread, nil, { ThreadEntry.enter($0) }, argument)
            return result == 0 ? .success(thread) : .failure(SystemError(code: result))
        #endif
    }

    /// `pthread_join`, discarding the thread's C return value.
    static func joinThread(_ thread: ThreadHandle) {
        _ = pthread_join(thread, nil)
    }

    /// `pthread_detach`: the thread's resources go when it ends.
    static func detachThread(_ thread: ThreadHandle) {
        _ = pthread_detach(thread)
    }

    /// `pthread_setname_np` for the calling thread (at most 15 bytes are kept on Linux).
    static func setCurrentThreadName(_ name: String) {
        #if os(Linux)
            guard let setName = GNUExtensions.pthreadSetName else { return }
            let bytes = Array(name.utf8.prefix(15)) + [0]
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { _ = setName(pthread_self(), $0.baseAddress) }
            }
        #elseif canImport(Darwin)
            _ = pthread_setname_np(name)
        #endif
    }
}

#if os(Linux)
    /// glibc functions declared only under `_GNU_SOURCE`, which the Swift `Glibc` module does not
    /// define, so they are not imported. This module may not add a C shim target, so they are
    /// looked up once by name in the already-loaded C library, with their exact C signatures.
    enum GNUExtensions {
        /// `int sched_setaffinity(pid_t, size_t, const cpu_set_t *)`.
        typealias SchedSetAffinity = @convention(c) (pid_t, Int, UnsafeRawPointer?) -> Int32
        /// `int pthread_setname_np(pthread_t, const char *)`.
        typealias PthreadSetName = @convention(c) (pthread_t, UnsafePointer<CChar>?) -> Int32

        /// `pid_t gettid(void)` (glibc 2.30+).
        typealias GetThreadID = @convention(c) () -> pid_t

        static let schedSetAffinity: SchedSetAffinity? = symbol("sched_setaffinity", as: SchedSetAffinity.self)
        static let pthreadSetName: PthreadSetName? = symbol("pthread_setname_np", as: PthreadSetName.self)
        static let gettid: GetThreadID? = symbol("gettid", as: GetThreadID.self)

        private static func symbol<Function>(_ name: String, as type: Function.Type) -> Function? {
            // A nil handle is RTLD_DEFAULT: search the global symbol scope of the process.
            guard let address = dlsym(nil, name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
    }
#endif

#if os(Linux)
    /// The open `/dev/cpu_dma_latency` of this process (the PM QoS request lasts while it is
    /// open): one per process, swapped under a lock.
    final class CPUWakeLatencyRequest: @unchecked Sendable {
        // @unchecked: `descriptor` only under `lock`.
        static let shared = CPUWakeLatencyRequest()
        private var lock = pthread_mutex_t()
        private var descriptor: Int32 = -1

        private init() { pthread_mutex_init(&lock, nil) }

        /// Keeps `new` open; returns the descriptor it replaces (-1: none).
        func hold(_ new: Int32) -> Int32 {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            let previous = descriptor
            descriptor = new
            return previous
        }
    }
#endif
