import Foundation

/// What the machine offers the real-time loop and the daemon: limits, scheduling, kernel,
/// PM QoS, clock, processors, ports. Gathered by `SystemFactsProbe`; built by hand in tests.
package struct SystemFacts: Sendable {
    /// The effective user is root (limits and capabilities do not apply).
    package var isRoot = false
    /// `RLIMIT_RTPRIO`'s soft limit: the highest SCHED_FIFO priority allowed without
    /// CAP_SYS_NICE (nil: unlimited).
    package var rtprioLimit: UInt64? = 0
    /// `RLIMIT_MEMLOCK`'s soft limit in bytes (nil: unlimited).
    package var memlockLimitBytes: UInt64? = 0
    /// The SCHED_FIFO priority tried (the configuration's, or 1).
    package var fifoTrialPriority: Int32 = 1
    /// Why a thread could not be made SCHED_FIFO at that priority, or nil when it could.
    package var fifoTrialProblem: String?
    /// `uname -r`.
    package var kernelRelease = ""
    /// The kernel is PREEMPT_RT (`/sys/kernel/realtime` is 1, or `uname -v` says so).
    package var kernelIsPreemptRT = false
    /// Why `/dev/cpu_dma_latency` cannot be opened for writing, or nil when it can.
    package var cpuDMALatencyProblem: String?
    /// adjtimex(2) reports the clock synchronised (not TIME_ERROR).
    package var clockSynchronised = false
    /// The time daemons running (`chronyd`, `systemd-timesyncd`, `ntpd`, `gpsd`, `ptp4l`).
    package var timeSources: [String] = []
    /// `scaling_governor` of each processor that has cpufreq (empty without cpufreq).
    package var governors: [String] = []
    /// The sockets the daemon will listen on.
    package var ports: [PortFact] = []

    /// Nothing gathered yet.
    package init() {}

    /// A listening socket the configuration asks for.
    package struct PortFact: Sendable {
        /// `status_api` or `rotctld`.
        package var name: String
        /// The address.
        package var address: String
        /// The TCP port.
        package var port: UInt16
        /// Why binding it failed (in use: EADDRINUSE), or nil when it is free.
        package var problem: String?
        /// Builds a port fact.
        package init(name: String, address: String, port: UInt16, problem: String? = nil) {
            self.name = name
            self.address = address
            self.port = port
            self.problem = problem
        }
    }
}
