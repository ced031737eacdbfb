// The one file that calls libgpiod 1.6. Every C call of HALLinux's GPIO side is here, in
// `GPIODCalls.live`; the rest of the module goes through that table and sees Swift types
// only, so tests can put a recording fake in its place and check the exact call sequence
// without a kernel (as swift-system's mocking layer does).
#if canImport(CGPIOD)
    import CGPIOD
    import Foundation
    import HAL

    /// Thin adapter over libgpiod 1.6.
    enum LibGPIOD {
        /// `gpiod_version_string()`: the version of the linked library, e.g. `1.6.3`.
        static var version: String { String(cString: gpiod_version_string()) }

        /// The consumer name the kernel shows for lines utermd holds (`gpioinfo` prints it).
        static let consumer = "utermd"

        /// Device paths of the GPIO character devices, found the way libgpiod's own
        /// `gpiod_chip_iter_new` does: entries of `/dev` named `gpiochip*`, in numeric order.
        static func chipPaths(deviceDirectory: String = "/dev") -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: deviceDirectory)) ?? []
            return names.filter { $0.hasPrefix("gpiochip") }
                .sorted { (Int($0.dropFirst(8)) ?? .max, $0) < (Int($1.dropFirst(8)) ?? .max, $1) }
                .map { deviceDirectory + "/" + $0 }
        }

        /// The request flags of a line: active-low and bias as the board says.
        static func requestFlags(activeLow: Bool, bias: GPIOBias) -> GPIODRequestFlags {
            var flags: GPIODRequestFlags = activeLow ? [.activeLow] : []
            switch bias {
            case .asIs: break
            case .disabled: flags.insert(.biasDisable)
            case .pullUp: flags.insert(.biasPullUp)
            case .pullDown: flags.insert(.biasPullDown)
            }
            return flags
        }
    }

    /// `GPIOD_LINE_REQUEST_FLAG_*` of libgpiod 1.6 (gpiod.h), as named options.
    struct GPIODRequestFlags: OptionSet, Hashable {
        let rawValue: Int32

        /// `GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW`: the kernel inverts values in both directions.
        static let activeLow = Self(rawValue: Int32(GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW))
        /// `GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE`.
        static let biasDisable = Self(rawValue: Int32(GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE))
        /// `GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP`.
        static let biasPullUp = Self(rawValue: Int32(GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP))
        /// `GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN`.
        static let biasPullDown = Self(rawValue: Int32(GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN))
    }

    /// A libgpiod return value with the errno it left, read at once so no later code can
    /// overwrite it.
    struct GPIODStatus: Equatable {
        /// The function's return value (for most, -1 = failure).
        var value: Int32
        /// `errno` right after the call (meaningful only on failure).
        var errno: Int32 = 0

        /// `ppoll` inside `gpiod_line_event_wait` was interrupted by a signal: retry.
        var wasInterrupted: Bool { value < 0 && errno == EINTR }
    }

    /// `struct gpiod_line_event`, in Swift terms.
    struct GPIODEvent: Equatable {
        /// `event_type == GPIOD_LINE_EVENT_RISING_EDGE`.
        var rising: Bool
        /// `ts`, in nanoseconds.
        var timestampNanoseconds: UInt64
    }

    /// The libgpiod 1.6 functions HALLinux uses. `live` calls the library; tests build a fake.
    struct GPIODCalls {
        /// `gpiod_chip_open(path)`.
        var chipOpen: (_ path: String) -> (OpaquePointer?, GPIODStatus)
        /// `gpiod_chip_name`.
        var chipName: (OpaquePointer) -> String
        /// `gpiod_chip_label`.
        var chipLabel: (OpaquePointer) -> String
        /// `gpiod_chip_num_lines`.
        var chipLineCount: (OpaquePointer) -> Int
        /// `gpiod_chip_close` (releases any line still requested through the chip).
        var chipClose: (OpaquePointer) -> Void
        /// `gpiod_chip_get_line(chip, offset)`.
        var chipGetLine: (OpaquePointer, _ offset: UInt32) -> (OpaquePointer?, GPIODStatus)
        /// `gpiod_line_request_output_flags(line, consumer, flags, default_val)`.
        var lineRequestOutput: (OpaquePointer, _ consumer: String, GPIODRequestFlags, _ defaultValue: Int32) -> GPIODStatus
        /// `gpiod_line_request_input_flags(line, consumer, flags)`.
        var lineRequestInput: (OpaquePointer, _ consumer: String, GPIODRequestFlags) -> GPIODStatus
        /// `gpiod_line_request_both_edges_events_flags(line, consumer, flags)`.
        var lineRequestBothEdges: (OpaquePointer, _ consumer: String, GPIODRequestFlags) -> GPIODStatus
        /// `gpiod_line_set_value(line, value)`: 0 on success.
        var lineSetValue: (OpaquePointer, Int32) -> GPIODStatus
        /// `gpiod_line_get_value(line)`: 0 or 1, -1 on failure.
        var lineGetValue: (OpaquePointer) -> GPIODStatus
        /// `gpiod_line_event_wait(line, timeout)`: 1 = an event is ready, 0 = timed out, -1 = error.
        var lineEventWait: (OpaquePointer, _ timeoutNanoseconds: UInt64) -> GPIODStatus
        /// `gpiod_line_event_read(line, &event)`: 0 on success.
        var lineEventRead: (OpaquePointer) -> (GPIODStatus, GPIODEvent)
        /// `gpiod_line_release`.
        var lineRelease: (OpaquePointer) -> Void
        /// `strerror(errno)`.
        var errorText: (_ errno: Int32) -> String

        /// The real library.
        static var live: GPIODCalls {
            GPIODCalls(
                chipOpen: { path in
                    let chip = gpiod_chip_open(path)
                    return (chip, GPIODStatus(value: chip == nil ? -1 : 0, errno: errno))
                },
                chipName: { String(cString: gpiod_chip_name($0)) },
                chipLabel: { String(cString: gpiod_chip_label($0)) },
                chipLineCount: { Int(gpiod_chip_num_lines($0)) },
                chipClose: { gpiod_chip_close($0) },
                chipGetLine: { chip, offset in
                    let line = gpiod_chip_get_line(chip, offset)
                    return (line, GPIODStatus(value: line == nil ? -1 : 0, errno: errno))
                },
                lineRequestOutput: { line, consumer, flags, value in
                    let status = gpiod_line_request_output_flags(line, consumer, flags.rawValue, value)
                    return GPIODStatus(value: status, errno: errno)
                },
                lineRequestInput: { line, consumer, flags in
                    let status = gpiod_line_request_input_flags(line, consumer, flags.rawValue)
                    return GPIODStatus(value: status, errno: errno)
                },
                lineRequestBothEdges: { line, consumer, flags in
                    let status = gpiod_line_request_both_edges_events_flags(line, consumer, flags.rawValue)
                    return GPIODStatus(value: status, errno: errno)
                },
                lineSetValue: { line, value in
                    let status = gpiod_line_set_value(line, value)
                    return GPIODStatus(value: status, errno: errno)
                },
                lineGetValue: { line in
                    let value = gpiod_line_get_value(line)
                    return GPIODStatus(value: value, errno: errno)
                },
                lineEventWait: { line, nanoseconds in
                    var timeout = timespec(
                        tv_sec: Int(clamping: nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
                    let status = gpiod_line_event_wait(line, &timeout)
                    return GPIODStatus(value: status, errno: errno)
                },
                lineEventRead: { line in
                    var event = gpiod_line_event()
                    let status = gpiod_line_event_read(line, &event)
                    let code = errno
                    let nanoseconds = UInt64(max(0, event.ts.tv_sec)) &* 1_000_000_000 &+ UInt64(max(0, event.ts.tv_nsec))
                    return (
                        GPIODStatus(value: status, errno: code),
                        GPIODEvent(
                            rising: Int(event.event_type) == GPIOD_LINE_EVENT_RISING_EDGE, timestampNanoseconds: nanoseconds)
                    )
                },
                lineRelease: { gpiod_line_release($0) },
                errorText: { String(cString: strerror($0)) })
        }

        /// The typed error of a failed call: `busy` for EBUSY, `accessDenied` for EACCES and
        /// EPERM, `system` otherwise; always with the errno and its text.
        func error(_ operation: String, _ status: GPIODStatus) -> GPIOError {
            let kind: GPIOError.Kind =
                switch status.errno {
                case EBUSY: .busy
                case EACCES, EPERM: .accessDenied
                default: .system
                }
            return GPIOError(kind: kind, operation: operation, errno: status.errno, reason: errorText(status.errno))
        }
    }

    /// An open GPIO chip (`struct gpiod_chip *`), closed when this value ends.
    struct GPIOChipHandle: ~Copyable {
        private let calls: GPIODCalls
        let chip: OpaquePointer
        let path: String

        /// `gpiod_chip_open(path)`.
        init(path: String, calls: GPIODCalls = .live) throws(GPIOError) {
            let (chip, status) = calls.chipOpen(path)
            guard let chip else { throw calls.error("open \(path)", status) }
            self.calls = calls
            self.chip = chip
            self.path = path
        }

        deinit { calls.chipClose(chip) }

        /// `gpiod_chip_name`, `gpiod_chip_label` and `gpiod_chip_num_lines`.
        var info: GPIOChipInfo {
            GPIOChipInfo(
                name: calls.chipName(chip), label: calls.chipLabel(chip), lineCount: calls.chipLineCount(chip), path: path)
        }
    }
#endif
