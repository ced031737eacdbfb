// The one file that calls libgpiod 2.x (Debian 13, Raspberry Pi OS Trixie: 2.2.1,
// `libgpiod.so.3`). The signatures and enum values are those of its gpiod.h, declared here
// because the library is loaded at run time (LibGPIODLoader.swift) and no header is needed
// to build. 2.x has no line objects: one line is one request, built from line settings, a
// line config and a request config, which are freed once the request exists.
#if os(Linux)
    import Foundation
    import HAL

    /// The libgpiod 2.x functions HALLinux calls, bound with dlsym.
    struct LibGPIODv2Symbols: Sendable {
        typealias Pointer = OpaquePointer

        /// `const char *gpiod_api_version(void)`.
        let apiVersion: @convention(c) () -> UnsafePointer<CChar>
        /// `struct gpiod_chip *gpiod_chip_open(const char *path)`.
        let chipOpen: @convention(c) (UnsafePointer<CChar>) -> Pointer?
        /// `void gpiod_chip_close(struct gpiod_chip *chip)` (requests outlive it).
        let chipClose: @convention(c) (Pointer) -> Void
        /// `struct gpiod_chip_info *gpiod_chip_get_info(struct gpiod_chip *chip)`.
        let chipGetInfo: @convention(c) (Pointer) -> Pointer?
        /// `void gpiod_chip_info_free(struct gpiod_chip_info *info)`.
        let chipInfoFree: @convention(c) (Pointer) -> Void
        /// `const char *gpiod_chip_info_get_name(struct gpiod_chip_info *info)`.
        let chipInfoName: @convention(c) (Pointer) -> UnsafePointer<CChar>
        /// `const char *gpiod_chip_info_get_label(struct gpiod_chip_info *info)`.
        let chipInfoLabel: @convention(c) (Pointer) -> UnsafePointer<CChar>
        /// `size_t gpiod_chip_info_get_num_lines(struct gpiod_chip_info *info)`.
        let chipInfoNumLines: @convention(c) (Pointer) -> Int
        /// `struct gpiod_line_info *gpiod_chip_get_line_info(struct gpiod_chip *chip, unsigned int offset)`.
        let chipGetLineInfo: @convention(c) (Pointer, UInt32) -> Pointer?
        /// `bool gpiod_line_info_is_used(struct gpiod_line_info *info)`.
        let lineInfoIsUsed: @convention(c) (Pointer) -> Bool
        /// `const char *gpiod_line_info_get_consumer(struct gpiod_line_info *info)` (NULL when none).
        let lineInfoConsumer: @convention(c) (Pointer) -> UnsafePointer<CChar>?
        /// `void gpiod_line_info_free(struct gpiod_line_info *info)`.
        let lineInfoFree: @convention(c) (Pointer) -> Void
        /// `struct gpiod_line_settings *gpiod_line_settings_new(void)`.
        let settingsNew: @convention(c) () -> Pointer?
        /// `void gpiod_line_settings_free(struct gpiod_line_settings *settings)`.
        let settingsFree: @convention(c) (Pointer) -> Void
        /// `int gpiod_line_settings_set_direction(settings, enum gpiod_line_direction)`.
        let settingsSetDirection: @convention(c) (Pointer, Int32) -> Int32
        /// `int gpiod_line_settings_set_edge_detection(settings, enum gpiod_line_edge)`.
        let settingsSetEdgeDetection: @convention(c) (Pointer, Int32) -> Int32
        /// `int gpiod_line_settings_set_bias(settings, enum gpiod_line_bias)`.
        let settingsSetBias: @convention(c) (Pointer, Int32) -> Int32
        /// `void gpiod_line_settings_set_active_low(settings, bool active_low)`.
        let settingsSetActiveLow: @convention(c) (Pointer, Bool) -> Void
        /// `int gpiod_line_settings_set_output_value(settings, enum gpiod_line_value)`.
        let settingsSetOutputValue: @convention(c) (Pointer, Int32) -> Int32
        /// `struct gpiod_line_config *gpiod_line_config_new(void)`.
        let lineConfigNew: @convention(c) () -> Pointer?
        /// `void gpiod_line_config_free(struct gpiod_line_config *config)`.
        let lineConfigFree: @convention(c) (Pointer) -> Void
        /// `int gpiod_line_config_add_line_settings(config, const unsigned int *offsets,
        /// size_t num_offsets, struct gpiod_line_settings *settings)`.
        let lineConfigAddSettings: @convention(c) (Pointer, UnsafePointer<UInt32>, Int, Pointer) -> Int32
        /// `struct gpiod_request_config *gpiod_request_config_new(void)`.
        let requestConfigNew: @convention(c) () -> Pointer?
        /// `void gpiod_request_config_free(struct gpiod_request_config *config)`.
        let requestConfigFree: @convention(c) (Pointer) -> Void
        /// `void gpiod_request_config_set_consumer(config, const char *consumer)`.
        let requestConfigSetConsumer: @convention(c) (Pointer, UnsafePointer<CChar>) -> Void
        /// `struct gpiod_line_request *gpiod_chip_request_lines(chip, req_cfg, line_cfg)`.
        let chipRequestLines: @convention(c) (Pointer, Pointer, Pointer) -> Pointer?
        /// `void gpiod_line_request_release(struct gpiod_line_request *request)`.
        let requestRelease: @convention(c) (Pointer) -> Void
        /// `enum gpiod_line_value gpiod_line_request_get_value(request, unsigned int offset)`.
        let requestGetValue: @convention(c) (Pointer, UInt32) -> Int32
        /// `int gpiod_line_request_set_value(request, unsigned int offset, enum gpiod_line_value)`.
        let requestSetValue: @convention(c) (Pointer, UInt32, Int32) -> Int32
        /// `int gpiod_line_request_wait_edge_events(request, int64_t timeout_ns)`.
        let requestWaitEdgeEvents: @convention(c) (Pointer, Int64) -> Int32
        /// `int gpiod_line_request_read_edge_events(request, buffer, size_t max_events)`.
        let requestReadEdgeEvents: @convention(c) (Pointer, Pointer, Int) -> Int32
        /// `struct gpiod_edge_event_buffer *gpiod_edge_event_buffer_new(size_t capacity)`.
        let eventBufferNew: @convention(c) (Int) -> Pointer?
        /// `void gpiod_edge_event_buffer_free(struct gpiod_edge_event_buffer *buffer)`.
        let eventBufferFree: @convention(c) (Pointer) -> Void
        /// `struct gpiod_edge_event *gpiod_edge_event_buffer_get_event(buffer, unsigned long index)`.
        let eventBufferGetEvent: @convention(c) (Pointer, UInt) -> Pointer?
        /// `enum gpiod_edge_event_type gpiod_edge_event_get_event_type(struct gpiod_edge_event *)`.
        let eventType: @convention(c) (Pointer) -> Int32
        /// `uint64_t gpiod_edge_event_get_timestamp_ns(struct gpiod_edge_event *event)`.
        let eventTimestamp: @convention(c) (Pointer) -> UInt64
    }

    extension LibGPIODv2Symbols {
        // In an extension, so the memberwise initialiser stays for tests' fake libraries.
        /// Binds every function of the loaded library.
        init(_ symbols: DynamicSymbols) throws(GPIOError) {
            func bind<T>(_ name: String, _ type: T.Type) throws(GPIOError) -> T { try symbols.function(name, as: type) }
            apiVersion = try bind("gpiod_api_version", type(of: apiVersion))
            chipOpen = try bind("gpiod_chip_open", type(of: chipOpen))
            chipClose = try bind("gpiod_chip_close", type(of: chipClose))
            chipGetInfo = try bind("gpiod_chip_get_info", type(of: chipGetInfo))
            chipInfoFree = try bind("gpiod_chip_info_free", type(of: chipInfoFree))
            chipInfoName = try bind("gpiod_chip_info_get_name", type(of: chipInfoName))
            chipInfoLabel = try bind("gpiod_chip_info_get_label", type(of: chipInfoLabel))
            chipInfoNumLines = try bind("gpiod_chip_info_get_num_lines", type(of: chipInfoNumLines))
            chipGetLineInfo = try bind("gpiod_chip_get_line_info", type(of: chipGetLineInfo))
            lineInfoIsUsed = try bind("gpiod_line_info_is_used", type(of: lineInfoIsUsed))
            lineInfoConsumer = try bind("gpiod_line_info_get_consumer", type(of: lineInfoConsumer))
            lineInfoFree = try bind("gpiod_line_info_free", type(of: lineInfoFree))
            settingsNew = try bind("gpiod_line_settings_new", type(of: settingsNew))
            settingsFree = try bind("gpiod_line_settings_free", type(of: settingsFree))
            settingsSetDirection = try bind("gpiod_line_settings_set_direction", type(of: settingsSetDirection))
            settingsSetEdgeDetection = try bind("gpiod_line_settings_set_edge_detection", type(of: settingsSetEdgeDetection))
            settingsSetBias = try bind("gpiod_line_settings_set_bias", type(of: settingsSetBias))
            settingsSetActiveLow = try bind("gpiod_line_settings_set_active_low", type(of: settingsSetActiveLow))
            settingsSetOutputValue = try bind("gpiod_line_settings_set_output_value", type(of: settingsSetOutputValue))
            lineConfigNew = try bind("gpiod_line_config_new", type(of: lineConfigNew))
            lineConfigFree = try bind("gpiod_line_config_free", type(of: lineConfigFree))
            lineConfigAddSettings = try bind("gpiod_line_config_add_line_settings", type(of: lineConfigAddSettings))
            requestConfigNew = try bind("gpiod_request_config_new", type(of: requestConfigNew))
            requestConfigFree = try bind("gpiod_request_config_free", type(of: requestConfigFree))
            requestConfigSetConsumer = try bind("gpiod_request_config_set_consumer", type(of: requestConfigSetConsumer))
            chipRequestLines = try bind("gpiod_chip_request_lines", type(of: chipRequestLines))
            requestRelease = try bind("gpiod_line_request_release", type(of: requestRelease))
            requestGetValue = try bind("gpiod_line_request_get_value", type(of: requestGetValue))
            requestSetValue = try bind("gpiod_line_request_set_value", type(of: requestSetValue))
            requestWaitEdgeEvents = try bind("gpiod_line_request_wait_edge_events", type(of: requestWaitEdgeEvents))
            requestReadEdgeEvents = try bind("gpiod_line_request_read_edge_events", type(of: requestReadEdgeEvents))
            eventBufferNew = try bind("gpiod_edge_event_buffer_new", type(of: eventBufferNew))
            eventBufferFree = try bind("gpiod_edge_event_buffer_free", type(of: eventBufferFree))
            eventBufferGetEvent = try bind("gpiod_edge_event_buffer_get_event", type(of: eventBufferGetEvent))
            eventType = try bind("gpiod_edge_event_get_event_type", type(of: eventType))
            eventTimestamp = try bind("gpiod_edge_event_get_timestamp_ns", type(of: eventTimestamp))
        }
    }

    /// The enum values of libgpiod 2.x's gpiod.h (2.0 to 2.2 unchanged).
    enum GPIODv2Constant {
        /// `GPIOD_LINE_DIRECTION_INPUT`, `_OUTPUT` (AS_IS = 1).
        static let directionInput: Int32 = 2
        static let directionOutput: Int32 = 3
        /// `GPIOD_LINE_EDGE_BOTH` (NONE = 1, RISING = 2, FALLING = 3).
        static let edgeBoth: Int32 = 4
        /// `GPIOD_LINE_BIAS_AS_IS`, `_DISABLED`, `_PULL_UP`, `_PULL_DOWN` (UNKNOWN = 2).
        static let biasAsIs: Int32 = 1
        static let biasDisabled: Int32 = 3
        static let biasPullUp: Int32 = 4
        static let biasPullDown: Int32 = 5
        /// `GPIOD_EDGE_EVENT_RISING_EDGE` (FALLING = 2).
        static let eventRisingEdge: Int32 = 1

        /// The bias setting for 1.6-style request flags.
        static func bias(_ flags: GPIODRequestFlags) -> Int32 {
            if flags.contains(.biasDisable) { return biasDisabled }
            if flags.contains(.biasPullUp) { return biasPullUp }
            if flags.contains(.biasPullDown) { return biasPullDown }
            return biasAsIs
        }
    }

    extension GPIODCalls {
        /// The call table over libgpiod 2.x. A handle is the line's `struct gpiod_line_request *`
        /// with its offset, and for edge requests a one-event buffer, freed at release.
        static func v2(_ c: LibGPIODv2Symbols) -> GPIODCalls {
            /// `gpiod_chip_get_info`, the field, `gpiod_chip_info_free`.
            func info<T>(_ chip: OpaquePointer, _ field: (OpaquePointer) -> T, or fallback: T) -> T {
                guard let info = c.chipGetInfo(chip) else { return fallback }
                defer { c.chipInfoFree(info) }
                return field(info)
            }
            return GPIODCalls(
                chipOpen: { path in
                    let chip = c.chipOpen(path)
                    return (chip, GPIODStatus(value: chip == nil ? -1 : 0, errno: errno))
                },
                chipName: { info($0, { String(cString: c.chipInfoName($0)) }, or: "") },
                chipLabel: { info($0, { String(cString: c.chipInfoLabel($0)) }, or: "") },
                chipLineCount: { info($0, { c.chipInfoNumLines($0) }, or: 0) },
                chipClose: { c.chipClose($0) },
                lineUsage: { chip, offset in
                    guard let info = c.chipGetLineInfo(chip, offset) else { return (nil, GPIODStatus(value: -1, errno: errno)) }
                    defer { c.lineInfoFree(info) }
                    let consumer = c.lineInfoConsumer(info).map { String(cString: $0) } ?? ""
                    return (GPIODLineUsage(used: c.lineInfoIsUsed(info), consumer: consumer), GPIODStatus(value: 0))
                },
                requestLine: { chip, offset, consumer, mode, flags in request(c, chip, offset, consumer, mode, flags) },
                lineSetValue: { line, value in
                    let result = c.requestSetValue(line.pointer, line.offset, value)
                    return GPIODStatus(value: result, errno: errno)
                },
                lineGetValue: { line in
                    let value = c.requestGetValue(line.pointer, line.offset)
                    return GPIODStatus(value: value, errno: errno)
                },
                lineEventWait: { line, nanoseconds in
                    let result = c.requestWaitEdgeEvents(line.pointer, Int64(clamping: nanoseconds))
                    return GPIODStatus(value: result, errno: errno)
                },
                lineEventRead: { line in
                    guard let buffer = line.eventBuffer else {
                        return (GPIODStatus(value: -1, errno: EINVAL), GPIODEvent(rising: false, timestampNanoseconds: 0))
                    }
                    let count = c.requestReadEdgeEvents(line.pointer, buffer, 1)
                    let code = errno
                    guard count == 1, let event = c.eventBufferGetEvent(buffer, 0) else {
                        return (
                            GPIODStatus(value: -1, errno: count < 0 ? code : EAGAIN),
                            GPIODEvent(rising: false, timestampNanoseconds: 0)
                        )
                    }
                    return (
                        GPIODStatus(value: 0),
                        GPIODEvent(
                            rising: c.eventType(event) == GPIODv2Constant.eventRisingEdge,
                            timestampNanoseconds: c.eventTimestamp(event))
                    )
                },
                lineRelease: { line in
                    c.requestRelease(line.pointer)
                    if let buffer = line.eventBuffer { c.eventBufferFree(buffer) }
                },
                errorText: { String(cString: strerror($0)) })
        }

        /// One line requested the 2.x way: settings (direction, output value or edges, bias,
        /// active-low) → line config for `offset` → request config with the consumer →
        /// `gpiod_chip_request_lines`; the three configs freed whatever happened; errno kept
        /// from the first failing call.
        private static func request(
            _ c: LibGPIODv2Symbols, _ chip: OpaquePointer, _ offset: UInt32, _ consumer: String,
            _ mode: GPIODRequestMode, _ flags: GPIODRequestFlags
        ) -> (GPIODLineHandle?, GPIODStatus) {
            guard let settings = c.settingsNew() else { return (nil, GPIODStatus(value: -1, errno: errno)) }
            defer { c.settingsFree(settings) }
            var failure: Int32?
            func check(_ result: Int32) { if result != 0, failure == nil { failure = errno } }
            switch mode {
            case .output(let safeState):
                check(c.settingsSetDirection(settings, GPIODv2Constant.directionOutput))
                check(c.settingsSetOutputValue(settings, safeState == .active ? 1 : 0))
            case .input:
                check(c.settingsSetDirection(settings, GPIODv2Constant.directionInput))
            case .bothEdgeEvents:
                check(c.settingsSetDirection(settings, GPIODv2Constant.directionInput))
                check(c.settingsSetEdgeDetection(settings, GPIODv2Constant.edgeBoth))
            }
            check(c.settingsSetBias(settings, GPIODv2Constant.bias(flags)))
            c.settingsSetActiveLow(settings, flags.contains(.activeLow))
            if let failure { return (nil, GPIODStatus(value: -1, errno: failure)) }

            guard let lineConfig = c.lineConfigNew() else { return (nil, GPIODStatus(value: -1, errno: errno)) }
            defer { c.lineConfigFree(lineConfig) }
            var offsets = offset
            check(c.lineConfigAddSettings(lineConfig, &offsets, 1, settings))
            if let failure { return (nil, GPIODStatus(value: -1, errno: failure)) }

            guard let requestConfig = c.requestConfigNew() else { return (nil, GPIODStatus(value: -1, errno: errno)) }
            defer { c.requestConfigFree(requestConfig) }
            c.requestConfigSetConsumer(requestConfig, consumer)

            guard let request = c.chipRequestLines(chip, requestConfig, lineConfig) else {
                return (nil, GPIODStatus(value: -1, errno: errno))
            }
            var eventBuffer: OpaquePointer?
            if mode == .bothEdgeEvents {
                eventBuffer = c.eventBufferNew(1)
                guard eventBuffer != nil else {
                    let code = errno
                    c.requestRelease(request)
                    return (nil, GPIODStatus(value: -1, errno: code))
                }
            }
            return (GPIODLineHandle(pointer: request, offset: offset, eventBuffer: eventBuffer), GPIODStatus(value: 0))
        }
    }
#endif
