#if os(Linux)
    import Foundation
    import Glibc
    import HAL
    @testable import HALLinux
    import Testing

    /// The calls the real-time tick makes on lines (`set` on an output, `pollEvents(into:)` on
    /// an input with events ready) allocate nothing: counted, not assumed.
    ///
    /// As in RealTime's allocation test: glibc's `mtrace` (from `libc_malloc_debug.so.0`, which
    /// must be preloaded at process start, so the test re-runs itself as a child) logs every
    /// allocation between marker allocations of known sizes, around runs of 1,000 and 21,000
    /// ticks. libgpiod is replaced by a fake that records nothing, so what is counted is HALLinux.
    @Suite struct TickPathAllocationTests {
        static let probeVariable = "UTERMD_HAL_ALLOCATION_PROBE"
        static let markerSizes = [223_457, 223_458]
        static let mallocDebugLibrary = "libc_malloc_debug.so.0"
        static var mallocDebugIsInstalled: Bool {
            ["/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu"]
                .contains { access("\($0)/\(mallocDebugLibrary)", R_OK) == 0 }
        }

        @Test(.enabled(if: mallocDebugIsInstalled, "needs glibc's libc_malloc_debug.so.0"))
        func settingAndPollingLinesAllocatesNothingPerTick() throws {
            if ProcessInfo.processInfo.environment[Self.probeVariable] == "1" {
                try Self.traceRuns()
                return
            }
            let tracePath = NSTemporaryDirectory() + "utermd-hal-mtrace-\(getpid()).log"
            defer { unlink(tracePath) }
            let child = Process()
            child.executableURL = URL(
                fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            child.arguments = ["--testing-library", "swift-testing", "--filter", "TickPathAllocationTests"]
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
            try #require(windows.count == 3, "trace windows: \(windows)")
            print("HALLinux tick-path allocations: 1k/21k ticks \(windows[0])/\(windows[1])")
            // Zero is expected; a little slack for the test runner's own threads.
            #expect(windows[1] - windows[0] < 20, "20,000 extra ticks allocated \(windows[1] - windows[0]) times")
        }

        /// In the child: two traced runs of ticks, separated by marker allocations.
        private static func traceRuns() throws {
            let on = try #require(mallocDebugFunction("mtrace"), "libc_malloc_debug's mtrace")
            let off = try #require(mallocDebugFunction("muntrace"), "libc_malloc_debug's muntrace")
            let fake = try QuietLibGPIOD()
            let gpio = try LinuxGPIO(board: LibGPIODAdapterTests.board, deviceDirectory: fake.directory, calls: fake.calls)
            let transmit = try gpio.openOutput(.transmitEnable)
            let fault = try gpio.openInput(.faultIn)
            var buffer = GPIOEdgeEventBuffer(capacity: 4)
            var seen = 0
            func ticks(_ count: Int) throws {
                for tick in 0..<count {
                    fake.eventsReady = 2
                    buffer.removeAll()
                    seen += try fault.pollEvents(into: &buffer)
                    try transmit.set(tick.isMultiple(of: 2) ? .active : .inactive)
                }
            }
            try ticks(1_000)  // warm-up
            on()
            try ticks(1_000)
            free(malloc(markerSizes[0]))
            try ticks(21_000)
            free(malloc(markerSizes[1]))
            off()
            #expect(seen == 2 * 23_000)
        }

        /// `mtrace`/`muntrace` of the preloaded library, found with `dlvsym` (libc's own are stubs).
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

    /// libgpiod replaced by counters: one chip labelled `pinctrl-rp1`, `eventsReady` events
    /// waiting on any line. Records nothing, so it allocates nothing per call.
    final class QuietLibGPIOD {
        let directory: String
        var eventsReady = 0
        private var timestampNanoseconds: UInt64 = 0

        init() throws {
            directory = NSTemporaryDirectory() + "utermd-quiet-gpiod-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: directory + "/gpiochip0", contents: nil)
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        var calls: GPIODCalls {
            let chip = OpaquePointer(bitPattern: 0x10000)
            return GPIODCalls(
                chipOpen: { _ in (chip, GPIODStatus(value: 0)) },
                chipName: { _ in "gpiochip0" },
                chipLabel: { _ in "pinctrl-rp1" },
                chipLineCount: { _ in 54 },
                chipClose: { _ in },
                lineUsage: { _, _ in (GPIODLineUsage(used: false, consumer: ""), GPIODStatus(value: 0)) },
                requestLine: { _, offset, _, _, _ in
                    (GPIODLineHandle(pointer: OpaquePointer(bitPattern: 0x10000 + Int(offset) + 1)!, offset: offset), GPIODStatus(value: 0))
                },
                lineSetValue: { _, _ in GPIODStatus(value: 0) },
                lineGetValue: { _ in GPIODStatus(value: 0) },
                lineEventWait: { [unowned self] _, _ in GPIODStatus(value: eventsReady > 0 ? 1 : 0) },
                lineEventRead: { [unowned self] _ in
                    eventsReady -= 1
                    timestampNanoseconds += 1
                    return (
                        GPIODStatus(value: 0),
                        GPIODEvent(rising: eventsReady.isMultiple(of: 2), timestampNanoseconds: timestampNanoseconds)
                    )
                },
                lineRelease: { _ in },
                errorText: { _ in "" })
        }
    }
#endif
