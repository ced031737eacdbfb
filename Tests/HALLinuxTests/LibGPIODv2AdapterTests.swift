#if os(Linux)
    import Foundation
    import HAL
    @testable import HALLinux
    import Testing

    /// The libgpiod 2.x adapter's use of the C API, checked call by call against a fake
    /// library of C functions (no kernel): how one line becomes settings, a line config and a
    /// request config, what is freed, where the offset and the event buffer go.
    @Suite(.serialized) struct LibGPIODv2AdapterTests {
        // C functions cannot capture: the fake records into this log, one test at a time.
        nonisolated(unsafe) static var log: [String] = []
        nonisolated(unsafe) static var requestErrno: Int32 = 0
        nonisolated(unsafe) static let version = strdup("2.2.1")!

        static func pointer(_ value: Int) -> OpaquePointer { OpaquePointer(bitPattern: value)! }

        static let fake = LibGPIODv2Symbols(
            apiVersion: { UnsafePointer(LibGPIODv2AdapterTests.version) },
            chipOpen: { _ in nil }, chipClose: { _ in }, chipGetInfo: { _ in nil }, chipInfoFree: { _ in },
            chipInfoName: { _ in UnsafePointer(LibGPIODv2AdapterTests.version) },
            chipInfoLabel: { _ in UnsafePointer(LibGPIODv2AdapterTests.version) }, chipInfoNumLines: { _ in 0 },
            chipGetLineInfo: { _, _ in nil }, lineInfoIsUsed: { _ in false }, lineInfoConsumer: { _ in nil },
            lineInfoFree: { _ in },
            settingsNew: {
                LibGPIODv2AdapterTests.log.append("settings_new")
                return LibGPIODv2AdapterTests.pointer(0x100)
            },
            settingsFree: { _ in LibGPIODv2AdapterTests.log.append("settings_free") },
            settingsSetDirection: { _, value in
                LibGPIODv2AdapterTests.log.append("direction \(value)")
                return 0
            },
            settingsSetEdgeDetection: { _, value in
                LibGPIODv2AdapterTests.log.append("edge \(value)")
                return 0
            },
            settingsSetBias: { _, value in
                LibGPIODv2AdapterTests.log.append("bias \(value)")
                return 0
            },
            settingsSetActiveLow: { _, value in LibGPIODv2AdapterTests.log.append("active_low \(value)") },
            settingsSetOutputValue: { _, value in
                LibGPIODv2AdapterTests.log.append("output \(value)")
                return 0
            },
            lineConfigNew: {
                LibGPIODv2AdapterTests.log.append("line_config_new")
                return LibGPIODv2AdapterTests.pointer(0x200)
            },
            lineConfigFree: { _ in LibGPIODv2AdapterTests.log.append("line_config_free") },
            lineConfigAddSettings: { _, offsets, count, _ in
                LibGPIODv2AdapterTests.log.append("add_line_settings \(offsets[0]) x\(count)")
                return 0
            },
            requestConfigNew: {
                LibGPIODv2AdapterTests.log.append("request_config_new")
                return LibGPIODv2AdapterTests.pointer(0x300)
            },
            requestConfigFree: { _ in LibGPIODv2AdapterTests.log.append("request_config_free") },
            requestConfigSetConsumer: { _, name in LibGPIODv2AdapterTests.log.append("consumer \(String(cString: name))") },
            chipRequestLines: { _, _, _ in
                LibGPIODv2AdapterTests.log.append("request_lines")
                if LibGPIODv2AdapterTests.requestErrno != 0 {
                    errno = LibGPIODv2AdapterTests.requestErrno
                    return nil
                }
                return LibGPIODv2AdapterTests.pointer(0x400)
            },
            requestRelease: { _ in LibGPIODv2AdapterTests.log.append("request_release") },
            requestGetValue: { _, offset in
                LibGPIODv2AdapterTests.log.append("get \(offset)")
                return 1
            },
            requestSetValue: { _, offset, value in
                LibGPIODv2AdapterTests.log.append("set \(offset) \(value)")
                return 0
            },
            requestWaitEdgeEvents: { _, nanoseconds in
                LibGPIODv2AdapterTests.log.append("wait \(nanoseconds)")
                return 1
            },
            requestReadEdgeEvents: { _, buffer, count in
                LibGPIODv2AdapterTests.log.append("read \(buffer == LibGPIODv2AdapterTests.pointer(0x500)) x\(count)")
                return 1
            },
            eventBufferNew: { capacity in
                LibGPIODv2AdapterTests.log.append("buffer_new \(capacity)")
                return LibGPIODv2AdapterTests.pointer(0x500)
            },
            eventBufferFree: { _ in LibGPIODv2AdapterTests.log.append("buffer_free") },
            eventBufferGetEvent: { _, _ in LibGPIODv2AdapterTests.pointer(0x600) },
            eventType: { _ in 2 },  // GPIOD_EDGE_EVENT_FALLING_EDGE
            eventTimestamp: { _ in 123_456_789 })

        init() {
            Self.log = []
            Self.requestErrno = 0
        }

        @Test func anActiveLowPulledUpOutputIsOneRequestAtItsSafeValueAndTheConfigsAreFreed() throws {
            let calls = GPIODCalls.v2(Self.fake)
            let (handle, status) = calls.requestLine(
                Self.pointer(0x10), 17, "utermd", .output(safeState: .active), [.activeLow, .biasPullUp])
            #expect(status.value == 0)
            #expect(handle == GPIODLineHandle(pointer: Self.pointer(0x400), offset: 17, eventBuffer: nil))
            #expect(
                Self.log == [
                    "settings_new", "direction 3", "output 1", "bias 4", "active_low true", "line_config_new",
                    "add_line_settings 17 x1", "request_config_new", "consumer utermd", "request_lines",
                    "request_config_free", "line_config_free", "settings_free",
                ])
            Self.log = []
            let line = try #require(handle)
            #expect(calls.lineSetValue(line, 0).value == 0)
            #expect(calls.lineGetValue(line).value == 1)
            calls.lineRelease(line)
            #expect(Self.log == ["set 17 0", "get 17", "request_release"])
        }

        @Test func anEdgeInputGetsAOneEventBufferReadIntoAndFreedAtRelease() throws {
            let calls = GPIODCalls.v2(Self.fake)
            let (handle, _) = calls.requestLine(Self.pointer(0x10), 24, "utermd", .bothEdgeEvents, [])
            let line = try #require(handle)
            #expect(line.eventBuffer == Self.pointer(0x500))
            #expect(Array(Self.log.prefix(5)) == ["settings_new", "direction 2", "edge 4", "bias 1", "active_low false"])
            // The buffer comes with the request; the configs are freed on the way out.
            #expect(
                Array(Self.log.suffix(5)) == [
                    "request_lines", "buffer_new 1", "request_config_free", "line_config_free", "settings_free",
                ])
            Self.log = []
            #expect(calls.lineEventWait(line, 5_000_000).value == 1)
            let (status, event) = calls.lineEventRead(line)
            #expect(status.value == 0)
            #expect(event == GPIODEvent(rising: false, timestampNanoseconds: 123_456_789))
            calls.lineRelease(line)
            #expect(Self.log == ["wait 5000000", "read true x1", "request_release", "buffer_free"])
        }

        @Test func aBusyLineKeepsTheKernelsErrnoAndStillFreesTheConfigs() {
            Self.requestErrno = EBUSY
            let calls = GPIODCalls.v2(Self.fake)
            let (handle, status) = calls.requestLine(Self.pointer(0x10), 5, "utermd", .input, [.biasPullDown])
            #expect(handle == nil)
            #expect(status.errno == EBUSY)
            #expect(calls.error("request x", status).kind == .busy)
            #expect(Self.log.contains("bias 5"))
            #expect(Array(Self.log.suffix(3)) == ["request_config_free", "line_config_free", "settings_free"])
            #expect(!Self.log.contains { $0.hasPrefix("buffer_new") })
        }
    }
#endif
