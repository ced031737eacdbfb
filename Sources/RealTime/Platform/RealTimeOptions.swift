import SystemPackage
/// What to ask of the kernel for a loop's thread: real-time priority, locked memory, a fixed
/// processor. Every setting is optional, and none is required for the loop to run.
package struct RealTimeOptions: Sendable, Hashable {
    /// `SCHED_FIFO` priority for the loop thread (1…99 on Linux), or `nil` to keep the normal
    /// scheduler.
    package var fifoPriority: Int32?
    /// Lock the process's memory (`mlockall(MCL_CURRENT | MCL_FUTURE)`), so a page fault
    /// cannot delay a tick.
    package var lockMemory: Bool
    /// Processors the loop thread may run on (`sched_setaffinity`), or `nil` for any.
    package var cpuAffinity: [Int]?
    /// Timer slack of the loop thread in nanoseconds (at least 1), or `nil` for the kernel's
    /// 50 µs: how late the kernel may wake the thread to batch wake-ups. Matters when
    /// `SCHED_FIFO` is refused (real-time threads have no slack).
    package var timerSlackNanoseconds: UInt64?
    /// The longest wake-up latency the processors may take from idle, microseconds, asked of
    /// the kernel's PM QoS through `/dev/cpu_dma_latency` (held for the life of the process,
    /// as cyclictest does), or `nil` to leave idle states alone. 0 keeps the processors out of
    /// deep idle states, whose exit adds tens of microseconds to every wake-up of the loop.
    package var cpuWakeLatencyMicroseconds: Int32?

    /// Options; by default none is requested.
    package init(
        fifoPriority: Int32? = nil, lockMemory: Bool = false, cpuAffinity: [Int]? = nil,
        timerSlackNanoseconds: UInt64? = nil, cpuWakeLatencyMicroseconds: Int32? = nil
    ) {
        self.fifoPriority = fifoPriority
        self.lockMemory = lockMemory
        self.cpuAffinity = cpuAffinity
        self.timerSlackNanoseconds = timerSlackNanoseconds
        self.cpuWakeLatencyMicroseconds = cpuWakeLatencyMicroseconds
    }

    /// Nothing: an ordinary thread.
    package static let none = RealTimeOptions()

    /// What ros2_control's realtime tools set up, `SCHED_FIFO` priority 50 and locked memory,
    /// plus a 1 ns timer slack for when `SCHED_FIFO` is refused, and processors kept out of
    /// deep idle states (PM QoS 0 µs, as cyclictest asks).
    package static let recommended = RealTimeOptions(
        fifoPriority: 50, lockMemory: true, timerSlackNanoseconds: 1, cpuWakeLatencyMicroseconds: 0)
}

/// One of the real-time settings.
package enum RealTimeSetting: String, Sendable, Hashable, CaseIterable {
    /// `SCHED_FIFO` priority of the loop thread.
    case fifoScheduling = "SCHED_FIFO priority"
    /// `mlockall(MCL_CURRENT | MCL_FUTURE)`.
    case memoryLock = "memory lock"
    /// `sched_setaffinity` of the loop thread.
    case cpuAffinity = "CPU affinity"
    /// `/proc/thread-self/timerslack_ns` of the loop thread.
    case timerSlack = "timer slack"
    /// The PM QoS request on `/dev/cpu_dma_latency` (the whole machine, while the process lives).
    case cpuWakeLatency = "CPU wake-up latency"
}

/// What became of one requested setting. Only `applied` is silent; every other case carries a
/// sentence for the log, and in every case the loop runs on.
package enum RealTimeSetupOutcome: Sendable, Hashable {
    /// The kernel accepted the setting.
    case applied(RealTimeSetting, detail: String)
    /// The kernel refused for lack of privilege (`EPERM`, or `ENOMEM` from the memory-lock limit):
    /// usual in containers and for non-root users.
    case notPermitted(RealTimeSetting, error: Errno, warning: String)
    /// The kernel refused the setting itself (a priority out of range, an absent processor).
    case failed(RealTimeSetting, error: Errno, warning: String)
    /// This platform has no such setting (everything except Linux).
    case unsupported(RealTimeSetting, reason: String)

    /// The setting this is about.
    package var setting: RealTimeSetting {
        switch self {
        case .applied(let setting, _), .notPermitted(let setting, _, _), .failed(let setting, _, _),
            .unsupported(let setting, _):
            return setting
        }
    }

    /// Whether the setting is in force.
    package var isApplied: Bool {
        if case .applied = self { return true }
        return false
    }

    /// The sentence to log when the setting is not in force, else `nil`.
    package var warning: String? {
        switch self {
        case .applied: return nil
        case .notPermitted(_, _, let warning), .failed(_, _, let warning): return warning
        case .unsupported(_, let reason): return reason
        }
    }
}

/// The outcomes of one `RealTimeSetup.apply`, in the order applied.
package struct RealTimeSetupReport: Sendable, Hashable {
    /// One outcome per requested setting.
    package var outcomes: [RealTimeSetupOutcome]

    /// Builds a report.
    package init(outcomes: [RealTimeSetupOutcome]) {
        self.outcomes = outcomes
    }

    /// The warnings to log (empty when everything requested is in force).
    package var warnings: [String] {
        outcomes.compactMap(\.warning)
    }

    /// Whether every requested setting is in force.
    package var isFullyApplied: Bool {
        outcomes.allSatisfy(\.isApplied)
    }
}
