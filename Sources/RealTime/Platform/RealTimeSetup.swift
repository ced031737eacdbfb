import SystemPackage
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Applies `RealTimeOptions` to the calling thread and the process, each setting on its own,
/// each with a typed outcome: a refusal is a warning and the loop runs on without it.
///
/// Linux only (`pthread_setschedparam`, `mlockall`, `sched_setaffinity`); elsewhere every
/// requested setting comes back `.unsupported` with the reason.
package enum RealTimeSetup {
    /// Applies `options`: memory lock (whole process), then CPU affinity, timer slack and
    /// `SCHED_FIFO` priority (calling thread only: call it on the loop's own thread, as
    /// `LoopThread` does).
    package static func apply(_ options: RealTimeOptions) -> RealTimeSetupReport {
        apply(options, using: HostRealTimeSystem())
    }

    static func apply(_ options: RealTimeOptions, using system: some RealTimeSystem) -> RealTimeSetupReport {
        guard system.supportsRealTimeSettings else {
            return RealTimeSetupReport(outcomes: requested(options).map { .unsupported($0, reason: unsupportedReason($0)) })
        }
        var outcomes: [RealTimeSetupOutcome] = []
        if options.lockMemory {
            outcomes.append(lockMemory(using: system))
        }
        if let processors = options.cpuAffinity {
            outcomes.append(setAffinity(processors, using: system))
        }
        if let slack = options.timerSlackNanoseconds {
            outcomes.append(setTimerSlack(slack, using: system))
        }
        if let priority = options.fifoPriority {
            outcomes.append(setFIFOPriority(priority, using: system))
        }
        if let microseconds = options.cpuWakeLatencyMicroseconds {
            outcomes.append(requestWakeLatency(microseconds, using: system))
        }
        return RealTimeSetupReport(outcomes: outcomes)
    }

    /// The settings `options` asks for, in the order `apply` applies them.
    private static func requested(_ options: RealTimeOptions) -> [RealTimeSetting] {
        var settings: [RealTimeSetting] = []
        if options.lockMemory { settings.append(.memoryLock) }
        if options.cpuAffinity != nil { settings.append(.cpuAffinity) }
        if options.timerSlackNanoseconds != nil { settings.append(.timerSlack) }
        if options.fifoPriority != nil { settings.append(.fifoScheduling) }
        if options.cpuWakeLatencyMicroseconds != nil { settings.append(.cpuWakeLatency) }
        return settings
    }

    /// A refusal of `setting` by the kernel: `notPermitted` for a privilege limit, else `failed`.
    private static func refusal(
        _ setting: RealTimeSetting, _ error: Errno, notPermitted: String, failed: String
    ) -> RealTimeSetupOutcome {
        error.isPermissionLimit
            ? .notPermitted(setting, error: error, warning: notPermitted) : .failed(setting, error: error, warning: failed)
    }

    private static func requestWakeLatency(_ microseconds: Int32, using system: some RealTimeSystem)
        -> RealTimeSetupOutcome
    {
        let latency = max(0, microseconds)
        guard let error = system.requestCPUWakeLatency(microseconds: latency) else {
            return .applied(.cpuWakeLatency, detail: "/dev/cpu_dma_latency \(latency) µs")
        }
        let consequence = "idle processors may enter deep states whose exit delays the loop's wake-ups by tens of µs"
        return refusal(
            .cpuWakeLatency, error,
            notPermitted: "CPU wake-up latency \(latency) µs (/dev/cpu_dma_latency) not permitted: \(error.report); \(consequence). "
                + "To enable: root, or write access to /dev/cpu_dma_latency.",
            failed: "CPU wake-up latency \(latency) µs (/dev/cpu_dma_latency) failed: \(error.report); \(consequence).")
    }

    private static func lockMemory(using system: some RealTimeSystem) -> RealTimeSetupOutcome {
        guard let error = system.lockAllMemory() else {
            return .applied(.memoryLock, detail: "mlockall(MCL_CURRENT | MCL_FUTURE)")
        }
        let consequence = "memory stays pageable, so a page fault can delay a tick"
        return refusal(
            .memoryLock, error,
            notPermitted: "mlockall(MCL_CURRENT | MCL_FUTURE) not permitted: \(error.report); \(consequence). "
                + "To enable: CAP_IPC_LOCK or root, and RLIMIT_MEMLOCK unlimited (LimitMEMLOCK=infinity "
                + "in the systemd unit).",
            failed: "mlockall failed: \(error.report); \(consequence).")
    }

    private static func setAffinity(_ processors: [Int], using system: some RealTimeSystem) -> RealTimeSetupOutcome {
        let consequence = "the loop thread may run on any processor"
        let online = system.onlineProcessorCount()
        guard !processors.isEmpty, processors.allSatisfy({ (0..<online).contains($0) }) else {
            return .failed(
                .cpuAffinity, error: .invalidArgument,
                warning: "CPU affinity \(processors) refused: this machine has processors 0…\(online - 1); "
                    + "\(consequence).")
        }
        guard let error = system.setCurrentThreadAffinity(processors) else {
            return .applied(.cpuAffinity, detail: "pinned to processors \(processors)")
        }
        return refusal(
            .cpuAffinity, error, notPermitted: "CPU affinity \(processors) not permitted: \(error.report); \(consequence).",
            failed: "CPU affinity \(processors) failed: \(error.report); \(consequence).")
    }

    private static func setTimerSlack(_ nanoseconds: UInt64, using system: some RealTimeSystem)
        -> RealTimeSetupOutcome
    {
        // 0 would mean "the default" to the kernel; the smallest real slack is 1 ns.
        let slack = max(1, nanoseconds)
        guard let error = system.setCurrentThreadTimerSlack(nanoseconds: slack) else {
            return .applied(.timerSlack, detail: "timer slack \(slack) ns")
        }
        let consequence = "wake-ups may come up to the default 50 µs late"
        return refusal(
            .timerSlack, error, notPermitted: "timer slack \(slack) ns not permitted: \(error.report); \(consequence).",
            failed: "timer slack \(slack) ns failed: \(error.report) (needs Linux 4.6+); \(consequence).")
    }

    private static func setFIFOPriority(_ priority: Int32, using system: some RealTimeSystem) -> RealTimeSetupOutcome {
        let consequence = "the loop runs under the normal time-sharing scheduler, and other work can delay its ticks"
        let range = system.fifoPriorityRange()
        guard range.contains(priority) else {
            return .failed(
                .fifoScheduling, error: .invalidArgument,
                warning: "SCHED_FIFO priority \(priority) is outside \(range.lowerBound)…\(range.upperBound); "
                    + "\(consequence).")
        }
        guard let error = system.setCurrentThreadFIFOPriority(priority) else {
            return .applied(.fifoScheduling, detail: "SCHED_FIFO priority \(priority)")
        }
        return refusal(
            .fifoScheduling, error,
            notPermitted: "SCHED_FIFO priority \(priority) not permitted: \(error.report); \(consequence). "
                + "To enable: CAP_SYS_NICE or root, or an rtprio limit (LimitRTPRIO in the systemd unit); "
                + "in a container also --cap-add=SYS_NICE.",
            failed: "SCHED_FIFO priority \(priority) failed: \(error.report); \(consequence).")
    }

    private static func unsupportedReason(_ setting: RealTimeSetting) -> String {
        "\(setting.rawValue) is applied on Linux only; on this platform the loop runs without it."
    }
}

/// The kernel calls `RealTimeSetup` makes, behind a protocol so that tests can play a kernel
/// that refuses (`EPERM`) without needing one.
protocol RealTimeSystem {
    /// Whether the platform has these settings at all.
    var supportsRealTimeSettings: Bool { get }
    func fifoPriorityRange() -> ClosedRange<Int32>
    func setCurrentThreadFIFOPriority(_ priority: Int32) -> Errno?
    func lockAllMemory() -> Errno?
    func setCurrentThreadAffinity(_ processors: [Int]) -> Errno?
    func setCurrentThreadTimerSlack(nanoseconds: UInt64) -> Errno?
    func requestCPUWakeLatency(microseconds: Int32) -> Errno?
    func onlineProcessorCount() -> Int
}

/// The running kernel.
struct HostRealTimeSystem: RealTimeSystem {
    #if os(Linux)
        var supportsRealTimeSettings: Bool { true }
        func fifoPriorityRange() -> ClosedRange<Int32> { SystemCalls.fifoPriorityRange() }
        func setCurrentThreadFIFOPriority(_ priority: Int32) -> Errno? {
            SystemCalls.setCurrentThreadFIFOPriority(priority)
        }
        func lockAllMemory() -> Errno? { SystemCalls.lockAllMemory() }
        func setCurrentThreadAffinity(_ processors: [Int]) -> Errno? {
            SystemCalls.setCurrentThreadAffinity(processors)
        }
        func setCurrentThreadTimerSlack(nanoseconds: UInt64) -> Errno? {
            SystemCalls.setCurrentThreadTimerSlack(nanoseconds: nanoseconds)
        }
        func requestCPUWakeLatency(microseconds: Int32) -> Errno? {
            SystemCalls.requestCPUWakeLatency(microseconds: microseconds)
        }
        func onlineProcessorCount() -> Int { SystemCalls.onlineProcessorCount() }
    #else
        var supportsRealTimeSettings: Bool { false }
        func fifoPriorityRange() -> ClosedRange<Int32> { 1...99 }
        func setCurrentThreadFIFOPriority(_ priority: Int32) -> Errno? { Errno(rawValue: ENOSYS) }
        func lockAllMemory() -> Errno? { Errno(rawValue: ENOSYS) }
        func setCurrentThreadAffinity(_ processors: [Int]) -> Errno? { Errno(rawValue: ENOSYS) }
        func setCurrentThreadTimerSlack(nanoseconds: UInt64) -> Errno? { Errno(rawValue: ENOSYS) }
        func requestCPUWakeLatency(microseconds: Int32) -> Errno? { Errno(rawValue: ENOSYS) }
        func onlineProcessorCount() -> Int { 1 }
    #endif
}
