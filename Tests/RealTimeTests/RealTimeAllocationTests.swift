#if os(Linux)
    import Foundation
    import Glibc
    import Testing

    @testable import RealTime

    /// The tick path allocates nothing: counted, not assumed.
    ///
    /// glibc's `mtrace` logs every `malloc`, `realloc` and `free` of the process while switched on,
    /// once `libc_malloc_debug.so.0` (part of Debian's `libc6`) is preloaded. Preloading must
    /// happen at process start, so the test runs itself again as a child process with
    /// `LD_PRELOAD` and `MALLOC_TRACE` set; the child traces pairs of runs of 1,000 and 21,000
    /// ticks (virtual clock) and 100 and 2,100 ticks (monotonic clock at 10 kHz) with the
    /// hand-offs exercised in every tick. Whatever a run allocates once (or what another thread
    /// of the test runner allocates meanwhile) appears in both runs of a pair; an allocation per
    /// tick would appear 20,000 (or 2,000) more times in the longer one.
    @Suite struct RealTimeAllocationTests {
        static let probeVariable = "UTERMD_REALTIME_ALLOCATION_PROBE"
        static let markerSizes = [123_457, 123_458, 123_459]
        static let mallocDebugLibrary = "libc_malloc_debug.so.0"
        static var mallocDebugIsInstalled: Bool {
            ["/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu"]
                .contains { access("\($0)/\(mallocDebugLibrary)", R_OK) == 0 }
        }

        @Test(.enabled(if: mallocDebugIsInstalled, "needs glibc's libc_malloc_debug.so.0"))
        func theTickPathAllocatesNothingPerTick() throws {
            if ProcessInfo.processInfo.environment[Self.probeVariable] == "1" {
                try Self.traceRuns()
                return
            }
            let tracePath = NSTemporaryDirectory() + "utermd-realtime-mtrace-\(getpid()).log"
            defer { unlink(tracePath) }
            let child = Process()
            child.executableURL = URL(
                fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            child.arguments = ["--testing-library", "swift-testing", "--filter", #"RealTimeTests\.RealTimeAllocationTests/"#]
            var environment = ProcessInfo.processInfo.environment
            environment[Self.probeVariable] = "1"
            environment["LD_PRELOAD"] = Self.mallocDebugLibrary
            environment["MALLOC_TRACE"] = tracePath
            child.environment = environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            child.waitUntilExit()
            #expect(child.terminationStatus == 0)

            let windows = try Self.allocationsBetweenMarkers(in: String(contentsOfFile: tracePath, encoding: .utf8))
            try #require(windows.count == 4, "trace windows: \(windows)")
            let virtualExtra = windows[1] - windows[0]
            let monotonicExtra = windows[3] - windows[2]
            print(
                "RealTime allocations: virtual 1k/21k ticks \(windows[0])/\(windows[1]), monotonic 100/2.1k ticks \(windows[2])/\(windows[3])"
            )
            // Zero is expected; a little slack for the test runner's own threads.
            #expect(virtualExtra < 20, "20,000 extra virtual ticks allocated \(virtualExtra) times")
            #expect(monotonicExtra < 20, "2,000 extra monotonic ticks allocated \(monotonicExtra) times")
        }

        /// In the child: the traced runs, separated by marker allocations of known sizes.
        private static func traceRuns() throws {
            let on = try #require(mallocDebugFunction("mtrace"), "libc_malloc_debug's mtrace")
            let off = try #require(mallocDebugFunction("muntrace"), "libc_malloc_debug's muntrace")
            func marker(_ index: Int) { free(malloc(markerSizes[index])) }

            let utc = UTCReference()
            utc.synchronise(utc: UTCInstant(nanosecondsSinceUnixEpoch: 1_735_689_600_000_000_000), atMonotonicNanoseconds: 0)
            let configuration = LoopConfiguration(healthWindowTicks: 100)
            let clock = VirtualClock(wakeLatency: .uniform(maximumNanoseconds: 1_200_000, seed: 3))  // with overruns
            let monitor = LoopTimingMonitor(capacity: 256)
            let virtualLoop = FixedStepLoop(
                clock: clock, configuration: configuration, utcReference: utc, timingSamples: monitor.samples)
            let fast = LoopConfiguration(rate: try TickRate(hertz: 10_000), healthWindowTicks: 100)
            let monotonicLoop = FixedStepLoop(
                clock: MonotonicClock(), configuration: fast, utcReference: utc, timingSamples: monitor.samples)
            var body = HandoffExercisingBody(monitor: monitor)
            virtualLoop.run(&body, until: .ticks(1_000))  // warm-up: first touches, lazy initialisation
            monotonicLoop.run(&body, until: .ticks(100))

            on()
            virtualLoop.run(&body, until: .ticks(1_000))
            marker(0)
            virtualLoop.run(&body, until: .ticks(21_000))
            marker(1)
            monotonicLoop.run(&body, until: .ticks(100))
            marker(2)
            monotonicLoop.run(&body, until: .ticks(2_100))
            off()
            #expect(body.ticks > 0)
        }

        /// `mtrace`/`muntrace` of the preloaded debug library. It defines them only under a
        /// non-default symbol version (libc's own are do-nothing stubs, found by plain `dlsym`), so
        /// they are looked up with `dlvsym` and the architecture's base glibc version.
        private static func mallocDebugFunction(_ name: String) -> (@convention(c) () -> Void)? {
            typealias VersionedLookup =
                @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) ->
                UnsafeMutableRawPointer?
            guard let lookup = dlsym(nil, "dlvsym").map({ unsafeBitCast($0, to: VersionedLookup.self) }),
                let library = dlopen(mallocDebugLibrary, RTLD_NOW | RTLD_NOLOAD)
            else { return nil }
            for version in ["GLIBC_2.2.5", "GLIBC_2.17"] {  // x86-64, aarch64
                if let address = lookup(library, name, version) {
                    return unsafeBitCast(address, to: (@convention(c) () -> Void).self)
                }
            }
            return nil
        }

        /// Allocation lines (`+` malloc, `>` realloc) of an mtrace log, counted between the markers.
        private static func allocationsBetweenMarkers(in trace: String) throws -> [Int] {
            let markers = Set(markerSizes.map { "0x" + String($0, radix: 16) })
            var windows = [0]
            for line in trace.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard let operation = fields.firstIndex(where: { $0 == "+" || $0 == ">" }) else { continue }
                if fields.count > operation + 2, markers.contains(String(fields[operation + 2])) {
                    windows.append(0)
                } else {
                    windows[windows.count - 1] += 1
                }
            }
            return windows
        }
    }

    /// A tick body that uses both hand-offs every tick, as the terminal's tick will, and drains
    /// the timing monitor now and then (its consumer side, here on the same thread).
    struct HandoffExercisingBody: TickBody {
        let monitor: LoopTimingMonitor
        let mailbox = LatestValueMailbox(initial: CheckedPayload(0))
        let ring = SPSCRingBuffer<CheckedPayload>(minimumCapacity: 64)
        private(set) var ticks: UInt64 = 0
        private(set) var checksum: UInt64 = 0

        mutating func tick(_ context: TickContext) {
            ticks &+= 1
            mailbox.publish(CheckedPayload(context.tickIndex))
            checksum &+= mailbox.read().sequence
            ring.tryPush(CheckedPayload(context.sequenceNumber))
            if context.tickIndex % 3 == 0 { ring.drain { checksum &+= $0.squared } }
            if context.tickIndex % 7 == 0 { checksum &+= UInt64(monitor.drain()) }
            checksum &+= UInt64(bitPattern: context.scheduledUTC?.nanosecondsSinceUnixEpoch ?? 0)
        }
    }
#endif
