import SystemPackage
// HALLinux's view of libgpiod, the same for 1.x and 2.x: the call table `GPIODCalls` and the
// Swift types it speaks. The C calls themselves are in one adapter file per API version
// (LibGPIODv1.swift, LibGPIODv2.swift), bound at run time by LibGPIODLoader.swift; the rest
// of the module goes through this table, so tests can put a recording fake in its place and
// check the exact call sequence without a kernel (as swift-system's mocking layer does).
#if os(Linux)
    import Foundation
    import HAL

    /// What HALLinux's GPIO side needs of libgpiod, whichever version is installed.
    enum LibGPIOD {
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

    /// Active-low and bias of a request. The raw values are libgpiod 1.6's
    /// `GPIOD_LINE_REQUEST_FLAG_*` (gpiod.h: BIT(2) to BIT(5)), passed as they are to 1.x;
    /// the 2.x adapter turns them into line settings.
    struct GPIODRequestFlags: OptionSet, Hashable {
        let rawValue: Int32

        /// `GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW`: the kernel inverts values in both directions.
        static let activeLow = Self(rawValue: 1 << 2)
        /// `GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE`.
        static let biasDisable = Self(rawValue: 1 << 3)
        /// `GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN`.
        static let biasPullDown = Self(rawValue: 1 << 4)
        /// `GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP`.
        static let biasPullUp = Self(rawValue: 1 << 5)
    }

    /// How a line is requested from libgpiod.
    enum GPIODRequestMode: Equatable {
        /// An output driven to `safeState` (logical) from the request on; the same value is
        /// written back before release.
        case output(safeState: LogicalLevel)
        /// An input read on demand.
        case input
        /// An input with edge detection on both edges.
        case bothEdgeEvents
    }

    /// A libgpiod return value with the errno it left, read at once so no later code can
    /// overwrite it.
    struct GPIODStatus: Equatable {
        /// The function's return value (for most, -1 = failure).
        var value: Int32
        /// `errno` right after the call (meaningful only on failure).
        var errno: Int32 = 0

        /// The poll inside the event wait was interrupted by a signal: retry.
        var wasInterrupted: Bool { value < 0 && errno == EINTR }
    }

    /// One edge event, in Swift terms.
    struct GPIODEvent: Equatable {
        /// A rising edge (logical: active-low inverts it).
        var rising: Bool
        /// The kernel's timestamp (CLOCK_MONOTONIC), in nanoseconds.
        var timestampNanoseconds: UInt64
    }

    /// Whether a line is held, and by whom (`gpioinfo`'s "used" and consumer columns).
    struct GPIODLineUsage: Equatable, Sendable {
        /// The kernel reports the line in use (requested, or claimed by a kernel driver).
        var used: Bool
        /// The consumer's name (`utermd`, `sysfs`, a driver), empty when none was given.
        var consumer: String
    }

    /// A requested line: 1.x's `struct gpiod_line *`, or 2.x's `struct gpiod_line_request *`
    /// with the line's offset and its edge-event buffer (allocated once at the request, so
    /// reading an event allocates nothing).
    struct GPIODLineHandle: Equatable {
        /// The line (1.x) or the request (2.x).
        var pointer: OpaquePointer
        /// The line's offset on its chip.
        var offset: UInt32
        /// 2.x, edge requests only: `struct gpiod_edge_event_buffer *` of one event.
        var eventBuffer: OpaquePointer? = nil
    }

    /// The libgpiod operations HALLinux uses. `v1(_:)` and `v2(_:)` call a loaded library;
    /// tests build a fake.
    struct GPIODCalls {
        /// `gpiod_chip_open(path)`.
        var chipOpen: (_ path: String) -> (OpaquePointer?, GPIODStatus)
        /// The chip's name (`gpiochip0`).
        var chipName: (OpaquePointer) -> String
        /// The chip's label (`pinctrl-rp1`).
        var chipLabel: (OpaquePointer) -> String
        /// The chip's number of lines.
        var chipLineCount: (OpaquePointer) -> Int
        /// `gpiod_chip_close`.
        var chipClose: (OpaquePointer) -> Void
        /// Whether the line at `offset` is in use and by whom, without requesting it.
        var lineUsage: (OpaquePointer, _ offset: UInt32) -> (GPIODLineUsage?, GPIODStatus)
        /// Requests the line at `offset` in `mode` with `flags` for `consumer`.
        var requestLine:
            (OpaquePointer, _ offset: UInt32, _ consumer: String, GPIODRequestMode, GPIODRequestFlags) -> (
                GPIODLineHandle?, GPIODStatus
            )
        /// Drives the line (logical value): 0 on success.
        var lineSetValue: (GPIODLineHandle, Int32) -> GPIODStatus
        /// Reads the line: 0 or 1, -1 on failure.
        var lineGetValue: (GPIODLineHandle) -> GPIODStatus
        /// Waits for an edge event: 1 = one is ready, 0 = timed out, -1 = error.
        var lineEventWait: (GPIODLineHandle, _ timeoutNanoseconds: UInt64) -> GPIODStatus
        /// Reads one edge event (call only when one is ready; it blocks otherwise): 0 on success.
        var lineEventRead: (GPIODLineHandle) -> (GPIODStatus, GPIODEvent)
        /// Releases the line (and its event buffer).
        var lineRelease: (GPIODLineHandle) -> Void
        /// `strerror(errno)`.
        var errorText: (_ errno: Int32) -> String

        /// The library this process loaded (`LibGPIODLibrary.shared`), or why there is none.
        static func live() throws(GPIOError) -> GPIODCalls {
            try LibGPIODLibrary.shared.get().calls
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
            return GPIOError(
                kind: kind, operation: operation, errno: status.errno == 0 ? nil : Errno(rawValue: status.errno),
                reason: errorText(status.errno))
        }
    }

    /// An open GPIO chip (`struct gpiod_chip *`), closed when this value ends.
    struct GPIOChipHandle: ~Copyable {
        private let calls: GPIODCalls
        let chip: OpaquePointer
        let path: String

        /// `gpiod_chip_open(path)`.
        init(path: String, calls: GPIODCalls) throws(GPIOError) {
            let (chip, status) = calls.chipOpen(path)
            guard let chip else { throw calls.error("open \(path)", status) }
            self.calls = calls
            self.chip = chip
            self.path = path
        }

        deinit { calls.chipClose(chip) }

        /// The chip's name, label and number of lines.
        var info: GPIOChipInfo {
            GPIOChipInfo(
                name: calls.chipName(chip), label: calls.chipLabel(chip), lineCount: calls.chipLineCount(chip), path: path)
        }
    }
#endif
