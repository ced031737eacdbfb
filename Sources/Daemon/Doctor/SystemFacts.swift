import Foundation

/// What the machine offers the real-time loop and the daemon: limits, scheduling, kernel,
/// PM QoS, clock, processors, ports. Gathered by `SystemFactsProbe`; built by hand in tests.
public struct SystemFacts: Sendable {
    /// The effective user is root (limits and capabilities do not apply).
    public var isRoot = false
    /// `RLIMIT_RTPRIO`'s soft limit: the highest SCHED_FIFO priority allowed without
    /// CAP_SYS_NICE (nil: unlimited).
    public var rtprioLimit: UInt64? = 0
    /// `RLIMIT_MEMLOCK`'s soft limit in bytes (nil: unlimited).
    public var memlockLimitBytes: UInt64? = 0
    /// The SCHED_FIFO priority tried (the configuration's, or 1).
    public var fifoTrialPriority: Int32 = 1
    /// Why a thread could not be made SCHED_FIFO at that priority, or nil when it could.
    public var fifoTrialProblem: String?
    /// `uname -r`.
    public var kernelRelease = ""
    /// The kernel is PREEMPT_RT (`/sys/kernel/realtime` is 1, or `uname -v` says so).
    public var kernelIsPreemptRT = false
    /// Why `/dev/cpu_dma_latency` cannot be opened for writing, or nil when it can.
    public var cpuDMALatencyProblem: String?
    /// adjtimex(2) reports the clock synchronised (not TIME_ERROR).
    public var clockSynchronised = false
    /// The time daemons running (`chronyd`, `systemd-timesyncd`, `ntpd`, `gpsd`, `ptp4l`).
    public var timeSources: [String] = []
    /// `scaling_governor` of each processor that has cpufreq (empty without cpufreq).
    public var governors: [String] = []
    /// The sockets the daemon will listen on.
    public var ports: [PortFact] = []

    /// Nothing gathered yet.
    public init() {}

    /// A listening socket the configuration asks for.
    public struct PortFact: Sendable {
        /// `status_api` or `rotctld`.
        public var name: String
        /// The address.
        public var address: String
        /// The TCP port.
        public var port: UInt16
        /// Why binding it failed (in use: EADDRINUSE), or nil when it is free.
        public var problem: String?
        /// Builds a port fact.
        public init(name: String, address: String, port: UInt16, problem: String? = nil) {
            self.name = name
            self.address = address
            self.port = port
            self.problem = problem
        }
    }
}
