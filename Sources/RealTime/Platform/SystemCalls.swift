import Platform
import Synchronization
import SystemPackage

#if os(Linux)
    import CPlatform
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The raw C calls of this module, and nothing else: scheduling, memory locking, CPU affinity,
/// threads (the clock is Platform's `MonotonicTime`; the calls glibc declares only under
/// `_GNU_SOURCE` come through the `CPlatform` shim). The typed API above this (`RealTimeSetup`,
/// `LoopThread`) never calls C itself; `EINTR` is retried by Platform's `SystemCall`.
enum SystemCalls {
    #if os(Linux)
        // MARK: Scheduling, memory, affinity (Linux)

        /// `pthread_setschedparam(pthread_self(), SCHED_FIFO, priority)`; `nil` on success.
        static func setCurrentThreadFIFOPriority(_ priority: Int32) -> Errno? {
            var parameters = sched_param()
            parameters.sched_priority = priority
            let result = pthread_setschedparam(pthread_self(), SCHED_FIFO, &parameters)
            return result == 0 ? nil : Errno(rawValue: result)
        }

        /// `sched_get_priority_min/max(SCHED_FIFO)`: 1…99 on Linux.
        static func fifoPriorityRange() -> ClosedRange<Int32> {
            let low = sched_get_priority_min(SCHED_FIFO)
            let high = sched_get_priority_max(SCHED_FIFO)
            return low <= high ? low...high : 1...99
        }

        /// `mlockall(MCL_CURRENT | MCL_FUTURE)`; `nil` on success.
        static func lockAllMemory() -> Errno? {
            mlockall(Int32(MCL_CURRENT | MCL_FUTURE)) == 0 ? nil : Errno.last
        }

        /// `sched_setaffinity(0, …)` (through the C shim): pins the calling thread to
        /// `processors`; `nil` on success.
        static func setCurrentThreadAffinity(_ processors: [Int]) -> Errno? {
            let capacity = MemoryLayout<cpu_set_t>.size * 8
            var words = [CUnsignedLongLong](repeating: 0, count: capacity / 64)
            for processor in processors {
                guard processor >= 0, processor < capacity else { return .invalidArgument }
                words[processor / 64] |= 1 << CUnsignedLongLong(processor % 64)
            }
            let result = utermd_set_thread_affinity(words, words.count)
            return result == 0 ? nil : Errno.last
        }

        /// Writes `/proc/<tid>/timerslack_ns` (Linux 4.6+) for the calling thread: how long the
        /// kernel may defer its timer expiries to batch wake-ups (50 µs by default; ignored for
        /// real-time threads). The file is per task but listed only under `/proc/<pid>/`, not
        /// under `/proc/thread-self/`, hence the thread id. The file rather than
        /// `prctl(PR_SET_TIMERSLACK)`, which is variadic and so not callable from Swift.
        static func setCurrentThreadTimerSlack(nanoseconds: UInt64) -> Errno? {
            let threadID = utermd_thread_id()
            let descriptor = open("/proc/\(threadID)/timerslack_ns", O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return Errno.last }
            defer { _ = close(descriptor) }
            let text = Array(String(nanoseconds).utf8)
            let failure = text.withUnsafeBytes { SystemCall.writeAll(descriptor, $0) }
            return failure.map { $0 }
        }

        /// `sysconf(_SC_NPROCESSORS_ONLN)`.
        /// The PM QoS request: the latency as a binary 32-bit integer written to
        /// `/dev/cpu_dma_latency`, in force while the descriptor stays open. It is kept open
        /// for the life of the process; a later request replaces the earlier one.
        static func requestCPUWakeLatency(microseconds: Int32) -> Errno? {
            let descriptor = open("/dev/cpu_dma_latency", O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return Errno.last }
            var value = microseconds
            switch SystemCall.retryingOnInterrupt({ withUnsafeBytes(of: &value) { write(descriptor, $0.baseAddress, $0.count) } }) {
            case .success(MemoryLayout<Int32>.size): break
            case .success:
                _ = close(descriptor)
                return .ioError
            case .failure(let failure):
                _ = close(descriptor)
                return failure
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
    static func createThread(argument: UnsafeMutableRawPointer) -> Result<ThreadHandle, Errno> {
        #if canImport(Darwin)
            var thread: pthread_t? = nil
            let result = pthread_create(&thread, nil, { ThreadEntry.enter($0) }, argument)
            guard result == 0, let created = thread else { return .failure(Errno(rawValue: result)) }
            return .success(created)
        #else
            var thread = pthread_t()
            let result = pthread_create(&thread, nil, { ThreadEntry.enter($0) }, argument)
            return result == 0 ? .success(thread) : .failure(Errno(rawValue: result))
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
            _ = utermd_set_thread_name(name)
        #elseif canImport(Darwin)
            _ = pthread_setname_np(name)
        #endif
    }
}

#if os(Linux)
    /// The open `/dev/cpu_dma_latency` of this process (the PM QoS request lasts while it is
    /// open): one per process, swapped under a `Mutex`.
    final class CPUWakeLatencyRequest: Sendable {
        static let shared = CPUWakeLatencyRequest()
        private let descriptor = Mutex<Int32>(-1)

        private init() {}

        /// Keeps `new` open; returns the descriptor it replaces (-1: none).
        func hold(_ new: Int32) -> Int32 {
            descriptor.withLock { held in
                let previous = held
                held = new
                return previous
            }
        }
    }
#endif
