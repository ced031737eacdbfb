#if os(Linux)
    import Foundation
    import Glibc
    import HAL
    @testable import HALLinux
    import Testing
    import TestSupport

    /// The calls the real-time tick makes on lines (`set` on an output, `pollEvents(into:)` on
    /// an input with events ready) allocate nothing: counted, not assumed.
    ///
    /// Counted by `MallocTrace` around runs of 1,000 and 21,000 ticks. libgpiod is replaced by a
    /// fake that records nothing, so what is counted is HALLinux.
    @Suite struct TickPathAllocationTests {
        @Test(.enabled(if: MallocTrace.isAvailable, "\(MallocTrace.unavailableReason)"))
        func settingAndPollingLinesAllocatesNothingPerTick() throws {
            if MallocTrace.isChild {
                try Self.traceRuns()
                return
            }
            let windows = try MallocTrace.countInChild(filter: "TickPathAllocationTests")
            try #require(windows.count == 2, "trace windows: \(windows)")
            print("HALLinux tick-path allocations: 1k/21k ticks \(windows[0])/\(windows[1])")
            // Zero is expected; a little slack for the test runner's own threads.
            #expect(windows[1] - windows[0] < 20, "20,000 extra ticks allocated \(windows[1] - windows[0]) times")
        }

        /// In the child: two traced runs of ticks, separated by a mark.
        private static func traceRuns() throws {
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
            try MallocTrace.trace { mark in
                try ticks(1_000)
                mark()
                try ticks(21_000)
            }
            #expect(seen == 2 * 23_000)
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
