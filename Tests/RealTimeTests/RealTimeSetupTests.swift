import Foundation
import SystemPackage
import Testing

@testable import RealTime

/// A kernel that answers every call with a chosen error and records what it was asked.
final class ScriptedRealTimeSystem: RealTimeSystem {
    var supportsRealTimeSettings = true
    var error: Errno?
    private(set) var calls: [String] = []

    init(error: Errno?) { self.error = error }

    func fifoPriorityRange() -> ClosedRange<Int32> { 1...99 }
    func setCurrentThreadFIFOPriority(_ priority: Int32) -> Errno? {
        calls.append("pthread_setschedparam(SCHED_FIFO, \(priority))")
        return error
    }
    func lockAllMemory() -> Errno? {
        calls.append("mlockall(MCL_CURRENT|MCL_FUTURE)")
        return error
    }
    func setCurrentThreadAffinity(_ processors: [Int]) -> Errno? {
        calls.append("sched_setaffinity(\(processors))")
        return error
    }
    func setCurrentThreadTimerSlack(nanoseconds: UInt64) -> Errno? {
        calls.append("timerslack_ns(\(nanoseconds))")
        return error
    }
    func requestCPUWakeLatency(microseconds: Int32) -> Errno? {
        calls.append("cpu_dma_latency(\(microseconds))")
        return error
    }
    func onlineProcessorCount() -> Int { 2 }
}

@Suite struct RealTimeSetupTests {
    static let everything = RealTimeOptions(
        fifoPriority: 50, lockMemory: true, cpuAffinity: [1], timerSlackNanoseconds: 0, cpuWakeLatencyMicroseconds: 0)

    @Test func nothingRequestedDoesNothing() {
        let system = ScriptedRealTimeSystem(error: nil)
        let report = RealTimeSetup.apply(.none, using: system)
        #expect(report.outcomes.isEmpty && report.isFullyApplied && report.warnings.isEmpty)
        #expect(system.calls.isEmpty)
    }

    @Test func everySettingIsAppliedInOrder() {
        let system = ScriptedRealTimeSystem(error: nil)
        let report = RealTimeSetup.apply(Self.everything, using: system)
        #expect(
            system.calls == [
                "mlockall(MCL_CURRENT|MCL_FUTURE)", "sched_setaffinity([1])", "timerslack_ns(1)",
                "pthread_setschedparam(SCHED_FIFO, 50)", "cpu_dma_latency(0)",
            ])
        #expect(report.isFullyApplied)
        #expect(report.outcomes.map(\.setting) == [.memoryLock, .cpuAffinity, .timerSlack, .fifoScheduling, .cpuWakeLatency])
    }

    /// In a container or as non-root, every call fails with EPERM: each becomes a warning that
    /// names the setting, the error and the remedy, and nothing throws.
    @Test func permissionRefusalsBecomeWarnings() {
        let system = ScriptedRealTimeSystem(error: .notPermitted)
        let report = RealTimeSetup.apply(Self.everything, using: system)
        #expect(!report.isFullyApplied)
        #expect(report.warnings.count == 5)
        for outcome in report.outcomes {
            guard case .notPermitted(_, let error, let warning) = outcome else {
                Issue.record("expected notPermitted, got \(outcome)")
                continue
            }
            #expect(error == .notPermitted)
            #expect(warning.contains("Operation not permitted (errno 1)"))
        }
        #expect(report.warnings[0].contains("mlockall") && report.warnings[0].contains("CAP_IPC_LOCK"))
        #expect(report.warnings[2].contains("timer slack 1 ns"))
        #expect(report.warnings[3].contains("SCHED_FIFO priority 50") && report.warnings[3].contains("CAP_SYS_NICE"))
        #expect(report.warnings[4].contains("/dev/cpu_dma_latency") && report.warnings[4].contains("root"))
    }

    @Test func aMemoryLockLimitIsAPermissionLimit() {
        let report = RealTimeSetup.apply(
            RealTimeOptions(lockMemory: true), using: ScriptedRealTimeSystem(error: .noMemory))
        guard case .notPermitted(.memoryLock, .noMemory, let warning) = report.outcomes.first else {
            Issue.record("expected notPermitted, got \(report.outcomes)")
            return
        }
        #expect(warning.contains("RLIMIT_MEMLOCK"))
    }

    @Test func invalidRequestsFailWithoutCallingTheKernel() {
        let system = ScriptedRealTimeSystem(error: nil)
        let report = RealTimeSetup.apply(RealTimeOptions(fifoPriority: 120, cpuAffinity: [5]), using: system)
        #expect(system.calls.isEmpty)
        #expect(report.outcomes.count == 2)
        #expect(report.outcomes.allSatisfy { if case .failed(_, .invalidArgument, _) = $0 { true } else { false } })
        #expect(report.warnings[0].contains("processors 0…1"))
    }

    @Test func otherPlatformsReportUnsupported() {
        let system = ScriptedRealTimeSystem(error: nil)
        system.supportsRealTimeSettings = false
        let report = RealTimeSetup.apply(Self.everything, using: system)
        #expect(system.calls.isEmpty)
        #expect(report.outcomes.allSatisfy { if case .unsupported = $0 { true } else { false } })
        #expect(report.warnings.allSatisfy { $0.contains("Linux only") })
    }

    @Test func systemErrorsNameThemselves() {
        #expect(Errno.notPermitted.report == "Operation not permitted (errno 1)")
        #expect(Errno.noMemory.isPermissionLimit)
        #expect(!Errno.invalidArgument.isPermissionLimit)
    }

    /// On the real kernel, on a throwaway thread: each request is applied or refused with a
    /// warning, and the thread's body runs either way.
    @Test func theRealKernelAnswersEveryRequest() throws {
        let options = RealTimeOptions(fifoPriority: 10, cpuAffinity: [0], timerSlackNanoseconds: 1)
        let thread = try LoopThread.start(name: "test-rt-setup", realTime: options) { setup in setup }
        let report = thread.join()
        #expect(report.outcomes.count == 3)
        for outcome in report.outcomes {
            #expect(outcome.isApplied || outcome.warning != nil)
        }
        #if !os(Linux)
            #expect(report.outcomes.allSatisfy { if case .unsupported = $0 { true } else { false } })
        #endif
    }

    /// Why the PM QoS device cannot be used here, or nil where it can.
    static let wakeLatencyDeviceUnavailable: Comment? = {
        #if os(Linux)
            FileManager.default.isReadableFile(atPath: "/dev/cpu_dma_latency")
                ? nil : "/dev/cpu_dma_latency cannot be read here (no PM QoS device, or not root)"
        #else
            "PM QoS (/dev/cpu_dma_latency) is Linux-only"
        #endif
    }()

    /// The PM QoS request on the real kernel: once applied, reading `/dev/cpu_dma_latency`
    /// gives the machine's aggregate request, which can be no more than ours (0 µs).
    @Test(.enabled(if: wakeLatencyDeviceUnavailable == nil, wakeLatencyDeviceUnavailable ?? ""))
    func theWakeLatencyRequestIsInForce() throws {
        #if os(Linux)
            let device = try #require(FileHandle(forReadingAtPath: "/dev/cpu_dma_latency"))
            defer { try? device.close() }
            let report = RealTimeSetup.apply(RealTimeOptions(cpuWakeLatencyMicroseconds: 0))
            if !report.isFullyApplied {
                // Readable but the write refused (a container's seccomp, say): known only by trying.
                try recordSkip("the PM QoS request was refused: \(report.warnings.joined(separator: "; "))")
                return
            }
            let bytes = try #require(try device.read(upToCount: 4))
            #expect(bytes.count == 4)
            let aggregate = bytes.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) }
            #expect(aggregate == 0, "the kernel's aggregate request with ours held open")
        #endif
    }
}
