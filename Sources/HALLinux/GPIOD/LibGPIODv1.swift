// The one file that calls libgpiod 1.x (Debian 12, Raspberry Pi OS Bookworm: 1.6.3,
// `libgpiod.so.2`). The signatures are those of its gpiod.h, declared here because the
// library is loaded at run time (LibGPIODLoader.swift) and no header is needed to build.
#if os(Linux)
    import Foundation
    import HAL

    /// The libgpiod 1.x functions HALLinux calls, bound with dlsym.
    struct LibGPIODv1Symbols: Sendable {
        // C function pointers into a library that is never unloaded: immutable after binding.
        typealias Chip = OpaquePointer
        typealias Line = OpaquePointer

        /// `const char *gpiod_version_string(void)`.
        let versionString: @convention(c) () -> UnsafePointer<CChar>
        /// `struct gpiod_chip *gpiod_chip_open(const char *path)`.
        let chipOpen: @convention(c) (UnsafePointer<CChar>) -> Chip?
        /// `void gpiod_chip_close(struct gpiod_chip *chip)`: also releases the chip's lines.
        let chipClose: @convention(c) (Chip) -> Void
        /// `const char *gpiod_chip_name(struct gpiod_chip *chip)`.
        let chipName: @convention(c) (Chip) -> UnsafePointer<CChar>
        /// `const char *gpiod_chip_label(struct gpiod_chip *chip)`.
        let chipLabel: @convention(c) (Chip) -> UnsafePointer<CChar>
        /// `unsigned int gpiod_chip_num_lines(struct gpiod_chip *chip)`.
        let chipNumLines: @convention(c) (Chip) -> UInt32
        /// `struct gpiod_line *gpiod_chip_get_line(struct gpiod_chip *chip, unsigned int offset)`.
        let chipGetLine: @convention(c) (Chip, UInt32) -> Line?
        /// `int gpiod_line_update(struct gpiod_line *line)`: re-reads the line's info.
        let lineUpdate: @convention(c) (Line) -> Int32
        /// `bool gpiod_line_is_used(struct gpiod_line *line)`.
        let lineIsUsed: @convention(c) (Line) -> Bool
        /// `const char *gpiod_line_consumer(struct gpiod_line *line)` (NULL when none).
        let lineConsumer: @convention(c) (Line) -> UnsafePointer<CChar>?
        /// `int gpiod_line_request_output_flags(line, const char *consumer, int flags, int default_val)`.
        let requestOutputFlags: @convention(c) (Line, UnsafePointer<CChar>, Int32, Int32) -> Int32
        /// `int gpiod_line_request_input_flags(line, const char *consumer, int flags)`.
        let requestInputFlags: @convention(c) (Line, UnsafePointer<CChar>, Int32) -> Int32
        /// `int gpiod_line_request_both_edges_events_flags(line, const char *consumer, int flags)`.
        let requestBothEdgesFlags: @convention(c) (Line, UnsafePointer<CChar>, Int32) -> Int32
        /// `int gpiod_line_set_value(struct gpiod_line *line, int value)`.
        let setValue: @convention(c) (Line, Int32) -> Int32
        /// `int gpiod_line_get_value(struct gpiod_line *line)`.
        let getValue: @convention(c) (Line) -> Int32
        /// `int gpiod_line_event_wait(struct gpiod_line *line, const struct timespec *timeout)`.
        let eventWait: @convention(c) (Line, UnsafePointer<timespec>) -> Int32
        /// `int gpiod_line_event_read(struct gpiod_line *line, struct gpiod_line_event *event)`.
        let eventRead: @convention(c) (Line, UnsafeMutableRawPointer) -> Int32
        /// `void gpiod_line_release(struct gpiod_line *line)`.
        let release: @convention(c) (Line) -> Void

        /// `GPIOD_LINE_EVENT_RISING_EDGE` (gpiod.h 1.6: 1; falling is 2).
        static let risingEdge: Int32 = 1

        init(_ symbols: DynamicSymbols) throws(GPIOError) {
            versionString = try symbols.function("gpiod_version_string", as: type(of: versionString))
            chipOpen = try symbols.function("gpiod_chip_open", as: type(of: chipOpen))
            chipClose = try symbols.function("gpiod_chip_close", as: type(of: chipClose))
            chipName = try symbols.function("gpiod_chip_name", as: type(of: chipName))
            chipLabel = try symbols.function("gpiod_chip_label", as: type(of: chipLabel))
            chipNumLines = try symbols.function("gpiod_chip_num_lines", as: type(of: chipNumLines))
            chipGetLine = try symbols.function("gpiod_chip_get_line", as: type(of: chipGetLine))
            lineUpdate = try symbols.function("gpiod_line_update", as: type(of: lineUpdate))
            lineIsUsed = try symbols.function("gpiod_line_is_used", as: type(of: lineIsUsed))
            lineConsumer = try symbols.function("gpiod_line_consumer", as: type(of: lineConsumer))
            requestOutputFlags = try symbols.function("gpiod_line_request_output_flags", as: type(of: requestOutputFlags))
            requestInputFlags = try symbols.function("gpiod_line_request_input_flags", as: type(of: requestInputFlags))
            requestBothEdgesFlags = try symbols.function(
                "gpiod_line_request_both_edges_events_flags", as: type(of: requestBothEdgesFlags))
            setValue = try symbols.function("gpiod_line_set_value", as: type(of: setValue))
            getValue = try symbols.function("gpiod_line_get_value", as: type(of: getValue))
            eventWait = try symbols.function("gpiod_line_event_wait", as: type(of: eventWait))
            eventRead = try symbols.function("gpiod_line_event_read", as: type(of: eventRead))
            release = try symbols.function("gpiod_line_release", as: type(of: release))
        }
    }

    /// `struct gpiod_line_event { struct timespec ts; int event_type; }` of gpiod.h 1.6, read
    /// field by field from raw memory laid out as C lays it out.
    enum GPIODv1LineEventLayout {
        static let timestampOffset = 0
        static let typeOffset = MemoryLayout<timespec>.stride
        static let size = MemoryLayout<timespec>.stride + MemoryLayout<Int>.stride
    }

    extension GPIODCalls {
        /// The call table over libgpiod 1.x. A handle is the `struct gpiod_line *` that
        /// `gpiod_chip_get_line` returns (owned by the chip: `gpiod_chip_close` frees it).
        static func v1(_ c: LibGPIODv1Symbols) -> GPIODCalls {
            GPIODCalls(
                chipOpen: { path in
                    let chip = c.chipOpen(path)
                    return (chip, GPIODStatus(value: chip == nil ? -1 : 0, errno: errno))
                },
                chipName: { String(cString: c.chipName($0)) },
                chipLabel: { String(cString: c.chipLabel($0)) },
                chipLineCount: { Int(c.chipNumLines($0)) },
                chipClose: { c.chipClose($0) },
                lineUsage: { chip, offset in
                    guard let line = c.chipGetLine(chip, offset) else { return (nil, GPIODStatus(value: -1, errno: errno)) }
                    guard c.lineUpdate(line) == 0 else { return (nil, GPIODStatus(value: -1, errno: errno)) }
                    let consumer = c.lineConsumer(line).map { String(cString: $0) } ?? ""
                    return (GPIODLineUsage(used: c.lineIsUsed(line), consumer: consumer), GPIODStatus(value: 0))
                },
                requestLine: { chip, offset, consumer, mode, flags in
                    guard let line = c.chipGetLine(chip, offset) else { return (nil, GPIODStatus(value: -1, errno: errno)) }
                    let result: Int32
                    switch mode {
                    case .output(let safeState):
                        result = c.requestOutputFlags(line, consumer, flags.rawValue, safeState == .active ? 1 : 0)
                    case .input:
                        result = c.requestInputFlags(line, consumer, flags.rawValue)
                    case .bothEdgeEvents:
                        result = c.requestBothEdgesFlags(line, consumer, flags.rawValue)
                    }
                    let status = GPIODStatus(value: result, errno: errno)
                    return (result == 0 ? GPIODLineHandle(pointer: line, offset: offset) : nil, status)
                },
                lineSetValue: { line, value in
                    let result = c.setValue(line.pointer, value)
                    return GPIODStatus(value: result, errno: errno)
                },
                lineGetValue: { line in
                    let value = c.getValue(line.pointer)
                    return GPIODStatus(value: value, errno: errno)
                },
                lineEventWait: { line, nanoseconds in
                    var timeout = timespec(
                        tv_sec: Int(clamping: nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
                    let result = c.eventWait(line.pointer, &timeout)
                    return GPIODStatus(value: result, errno: errno)
                },
                lineEventRead: { line in
                    withUnsafeTemporaryAllocation(
                        byteCount: GPIODv1LineEventLayout.size, alignment: MemoryLayout<timespec>.alignment
                    ) { event in
                        event.initializeMemory(as: UInt8.self, repeating: 0)
                        let result = c.eventRead(line.pointer, event.baseAddress!)
                        let code = errno
                        let ts = event.load(fromByteOffset: GPIODv1LineEventLayout.timestampOffset, as: timespec.self)
                        let type = event.load(fromByteOffset: GPIODv1LineEventLayout.typeOffset, as: Int32.self)
                        let nanoseconds = UInt64(max(0, ts.tv_sec)) &* 1_000_000_000 &+ UInt64(max(0, ts.tv_nsec))
                        return (
                            GPIODStatus(value: result, errno: code),
                            GPIODEvent(rising: type == LibGPIODv1Symbols.risingEdge, timestampNanoseconds: nanoseconds)
                        )
                    }
                },
                lineRelease: { c.release($0.pointer) },
                errorText: { String(cString: strerror($0)) })
        }
    }
#endif
