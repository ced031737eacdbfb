import Foundation
import NIOCore
import NIOPosix
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Gathers `SystemFacts` on this machine. Each probe only looks, or tries and undoes: the
/// SCHED_FIFO trial returns the thread to SCHED_OTHER, `/dev/cpu_dma_latency` is closed at
/// once (which withdraws the request), the ports are bound and closed.
package enum SystemFactsProbe {
    /// The time daemons `utermd doctor` names as the clock's source when it finds them running.
    static let timeDaemons = ["chronyd", "systemd-timesyn", "ntpd", "ntpsec", "openntpd", "gpsd", "ptp4l", "phc2sys"]

    /// The facts for a loop asking SCHED_FIFO `fifoPriority` (1 is tried when nil) and for
    /// these listening sockets.
    package static func gather(fifoPriority: Int32?, ports: [(name: String, address: String, port: UInt16)]) -> SystemFacts {
        var facts = SystemFacts()
        facts.isRoot = geteuid() == 0
        facts.fifoTrialPriority = fifoPriority ?? 1
        facts.kernelRelease = read("/proc/sys/kernel/osrelease") ?? "unknown kernel"
        facts.kernelIsPreemptRT =
            read("/sys/kernel/realtime") == "1" || (read("/proc/sys/kernel/version") ?? "").contains("PREEMPT_RT")
        facts.clockSynchronised = SystemClockStatus.isSynchronised()
        facts.timeSources = runningTimeDaemons()
        facts.governors = governors()
        #if os(Linux)
            facts.rtprioLimit = softLimit(__rlimit_resource_t(__RLIMIT_RTPRIO.rawValue))
            facts.memlockLimitBytes = softLimit(__rlimit_resource_t(__RLIMIT_MEMLOCK.rawValue))
            facts.fifoTrialProblem = tryFIFO(priority: facts.fifoTrialPriority)
            facts.cpuDMALatencyProblem = cpuDMALatencyProblem()
        #else
            facts.fifoTrialProblem = "SCHED_FIFO is Linux-only here"
            facts.cpuDMALatencyProblem = "Linux-only"
        #endif
        facts.ports = ports.map { port in
            SystemFacts.PortFact(
                name: port.name, address: port.address, port: port.port, problem: bindProblem(port.address, port.port))
        }
        return facts
    }

    static func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `comm` of every process, matched against `timeDaemons`.
    static func runningTimeDaemons() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var found = Set<String>()
        for entry in entries where entry.first?.isNumber == true {
            if let name = read("/proc/\(entry)/comm"), timeDaemons.contains(name) { found.insert(name) }
        }
        return found.sorted()
    }

    /// `scaling_governor` of each `cpuN` with cpufreq.
    static func governors() -> [String] {
        let base = "/sys/devices/system/cpu"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        return entries.filter { $0.hasPrefix("cpu") && Int($0.dropFirst(3)) != nil }
            .sorted { Int($0.dropFirst(3))! < Int($1.dropFirst(3))! }
            .compactMap { read("\(base)/\($0)/cpufreq/scaling_governor") }
    }

    /// Binds `address:port` (swift-nio, as the daemon's servers do) and closes it again: nil
    /// when free, else `bind 127.0.0.1:9201: Address already in use (errno 98)`.
    static func bindProblem(_ address: String, _ port: UInt16) -> String? {
        guard let listen = ListenAddress(host: address, port: port) else { return "not an IP address" }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        do {
            let channel = try bootstrap.bind(host: listen.host, port: Int(listen.port)).wait()
            try? channel.close().wait()
            return nil
        } catch let error as IOError {
            return "\(SocketError(operation: "bind \(listen)", errno: Errno(rawValue: error.errnoCode)))"
        } catch {
            return "bind \(listen): \(error)"
        }
    }

    #if os(Linux)
        /// The soft limit, nil when unlimited.
        static func softLimit(_ resource: __rlimit_resource_t) -> UInt64? {
            var limit = rlimit()
            guard getrlimit(resource, &limit) == 0 else { return 0 }
            // RLIM_INFINITY is (rlim_t)-1, which Swift cannot import as an unsigned constant.
            return limit.rlim_cur == .max ? nil : UInt64(limit.rlim_cur)
        }

        /// Makes this thread SCHED_FIFO `priority`, then SCHED_OTHER again: nil when allowed.
        static func tryFIFO(priority: Int32) -> String? {
            var parameters = sched_param()
            parameters.sched_priority = priority
            let result = pthread_setschedparam(pthread_self(), SCHED_FIFO, &parameters)
            guard result == 0 else { return Errno(rawValue: result).report }
            parameters.sched_priority = 0
            _ = pthread_setschedparam(pthread_self(), SCHED_OTHER, &parameters)
            return nil
        }

        /// Opens `/dev/cpu_dma_latency` for writing and closes it: nil when allowed.
        static func cpuDMALatencyProblem() -> String? {
            let descriptor = open("/dev/cpu_dma_latency", O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                return Errno.last.report
            }
            close(descriptor)
            return nil
        }
    #endif
}
