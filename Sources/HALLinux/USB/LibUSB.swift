// The one file that calls libusb-1.0. Every C call of HALLinux's USB side is here; the
// rest of the module sees Swift types only. Nothing here logs: a transfer is a hot path.
#if canImport(CLibUSB)
    import CLibUSB
    import HAL
    #if canImport(Glibc)
        import Glibc
    #endif

    /// Thin adapter over libusb-1.0.
    enum LibUSB {
        /// `libusb_get_version()`: `major.minor.micro` of the linked library.
        static var version: String {
            let v = libusb_get_version().pointee
            return "\(v.major).\(v.minor).\(v.micro)"
        }

        /// The libusb error for a return code, named by `libusb_error_name`.
        static func error(_ operation: String, _ code: Int32, transferred: Int = 0) -> USBError {
            var error = USBError(operation: operation, code: code, name: String(cString: libusb_error_name(code)))
            error.transferredByteCount = transferred
            return error
        }

        /// Every `LIBUSB_ERROR_*` of the header with its value, so tests can check that
        /// `USBError.Kind(libusbCode:)` agrees with the library this build links.
        static let errorCodes: [(name: String, code: Int32)] = [
            ("LIBUSB_ERROR_IO", LIBUSB_ERROR_IO.rawValue), ("LIBUSB_ERROR_INVALID_PARAM", LIBUSB_ERROR_INVALID_PARAM.rawValue),
            ("LIBUSB_ERROR_ACCESS", LIBUSB_ERROR_ACCESS.rawValue), ("LIBUSB_ERROR_NO_DEVICE", LIBUSB_ERROR_NO_DEVICE.rawValue),
            ("LIBUSB_ERROR_NOT_FOUND", LIBUSB_ERROR_NOT_FOUND.rawValue), ("LIBUSB_ERROR_BUSY", LIBUSB_ERROR_BUSY.rawValue),
            ("LIBUSB_ERROR_TIMEOUT", LIBUSB_ERROR_TIMEOUT.rawValue), ("LIBUSB_ERROR_OVERFLOW", LIBUSB_ERROR_OVERFLOW.rawValue),
            ("LIBUSB_ERROR_PIPE", LIBUSB_ERROR_PIPE.rawValue), ("LIBUSB_ERROR_INTERRUPTED", LIBUSB_ERROR_INTERRUPTED.rawValue),
            ("LIBUSB_ERROR_NO_MEM", LIBUSB_ERROR_NO_MEM.rawValue),
            ("LIBUSB_ERROR_NOT_SUPPORTED", LIBUSB_ERROR_NOT_SUPPORTED.rawValue),
            ("LIBUSB_ERROR_OTHER", LIBUSB_ERROR_OTHER.rawValue),
        ]

        /// `libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)`.
        static var hasHotplug: Bool { libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0 }
    }

    /// A libusb context (`libusb_context *`), exited when this value ends. Not thread-safe as a
    /// Swift value: each owner (a device handle, a monitor) keeps its own.
    final class USBContext {
        let context: OpaquePointer

        /// `libusb_init`.
        init() throws(USBError) {
            var context: OpaquePointer?
            let status = libusb_init(&context)
            guard status == 0, let context else { throw LibUSB.error("libusb_init", status) }
            self.context = context
        }

        deinit { libusb_exit(context) }

        /// Every device on every bus (`libusb_get_device_list`), sorted by bus and address. With
        /// `readingStrings`, string descriptors are read where the device can be opened
        /// (`libusb_open` may fail for lack of permission: the device is still listed).
        func devices(readingStrings: Bool = true) throws(USBError) -> [USBDeviceInfo] {
            var found: [USBDeviceInfo] = []
            try forEachDevice { device, descriptor throws(USBError) in
                var info = Self.info(device, descriptor)
                if readingStrings {
                    var handle: OpaquePointer?
                    if libusb_open(device, &handle) == 0, let handle {
                        info.manufacturer = Self.string(handle, descriptor.iManufacturer)
                        info.product = Self.string(handle, descriptor.iProduct)
                        libusb_close(handle)
                    }
                }
                found.append(info)
            }
            return found.sorted { ($0.bus, $0.address) < ($1.bus, $1.address) }
        }

        /// Opens the first device (bus, address order) with `id` and, when given, the serial
        /// number `serial` (`libusb_get_string_descriptor_ascii` of `iSerialNumber`). A device
        /// that cannot be opened is skipped; if none matches, its error (e.g. access) is thrown,
        /// else `notFound`.
        func open(_ id: USBIdentifier, serialNumber serial: String?) throws(USBError) -> LibUSBDeviceHandle {
            var candidates: [(bus: Int, address: Int, device: OpaquePointer, serialIndex: UInt8)] = []
            var list: UnsafeMutablePointer<OpaquePointer?>?
            let count = libusb_get_device_list(context, &list)
            guard count >= 0, let list else { throw LibUSB.error("libusb_get_device_list", Int32(truncatingIfNeeded: count)) }
            defer { libusb_free_device_list(list, 1) }
            for index in 0..<count {
                guard let device = list[index] else { continue }
                var descriptor = libusb_device_descriptor()
                guard libusb_get_device_descriptor(device, &descriptor) == 0,
                    descriptor.idVendor == id.vendorID, descriptor.idProduct == id.productID
                else { continue }
                let info = Self.info(device, descriptor)
                candidates.append((info.bus, info.address, device, descriptor.iSerialNumber))
            }
            var firstFailure: USBError?
            for candidate in candidates.sorted(by: { ($0.bus, $0.address) < ($1.bus, $1.address) }) {
                var handle: OpaquePointer?
                let status = libusb_open(candidate.device, &handle)
                guard status == 0, let handle else {
                    firstFailure = firstFailure ?? LibUSB.error("libusb_open \(id)", status)
                    continue
                }
                let deviceSerial = Self.string(handle, candidate.serialIndex)
                if let serial, deviceSerial != serial {
                    libusb_close(handle)
                    continue
                }
                return LibUSBDeviceHandle(context: self, handle: handle, identifier: id, serialNumber: deviceSerial)
            }
            if let firstFailure { throw firstFailure }
            let which = serial.map { "\(id) serial \($0)" } ?? "\(id)"
            throw USBError(kind: .notFound, operation: "open \(which): no such device on any bus")
        }

        /// Calls `body` with each device and its descriptor, while the device list is held.
        private func forEachDevice(_ body: (OpaquePointer, libusb_device_descriptor) throws(USBError) -> Void) throws(USBError) {
            var list: UnsafeMutablePointer<OpaquePointer?>?
            let count = libusb_get_device_list(context, &list)
            guard count >= 0, let list else { throw LibUSB.error("libusb_get_device_list", Int32(truncatingIfNeeded: count)) }
            defer { libusb_free_device_list(list, 1) }
            for index in 0..<count {
                guard let device = list[index] else { continue }
                var descriptor = libusb_device_descriptor()
                let status = libusb_get_device_descriptor(device, &descriptor)
                guard status == 0 else { throw LibUSB.error("libusb_get_device_descriptor", status) }
                try body(device, descriptor)
            }
        }

        /// `libusb_handle_events_timeout_completed`: runs pending callbacks (hot-plug), waiting at
        /// most `timeout` for one. EINTR (`LIBUSB_ERROR_INTERRUPTED`) counts as "nothing yet".
        func handleEvents(timeout: Duration) throws(USBError) {
            let microseconds = timeout.clampedNanoseconds / 1_000
            var interval = timeval(
                tv_sec: Int(clamping: microseconds / 1_000_000), tv_usec: Int(clamping: microseconds % 1_000_000))
            let status = libusb_handle_events_timeout_completed(context, &interval, nil)
            guard status == 0 || status == LIBUSB_ERROR_INTERRUPTED.rawValue else {
                throw LibUSB.error("libusb_handle_events_timeout_completed", status)
            }
        }

        /// Bus (`libusb_get_bus_number`), address (`libusb_get_device_address`) and identifier.
        static func info(_ device: OpaquePointer, _ descriptor: libusb_device_descriptor) -> USBDeviceInfo {
            USBDeviceInfo(
                bus: Int(libusb_get_bus_number(device)), address: Int(libusb_get_device_address(device)),
                id: USBIdentifier(vendorID: descriptor.idVendor, productID: descriptor.idProduct))
        }

        /// `libusb_get_string_descriptor_ascii`, or nil when the index is 0 or the read fails.
        static func string(_ handle: OpaquePointer, _ index: UInt8) -> String? {
            guard index != 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 256)
            let length = libusb_get_string_descriptor_ascii(handle, index, &buffer, Int32(buffer.count))
            guard length > 0 else { return nil }
            return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
        }
    }

    /// An open device (`libusb_device_handle *`), closed (`libusb_close`) when this value ends.
    /// Keeps its context alive.
    struct LibUSBDeviceHandle: ~Copyable {
        private let context: USBContext
        private let handle: OpaquePointer
        let identifier: USBIdentifier
        let serialNumber: String?
        /// Whether `libusb_set_auto_detach_kernel_driver` took: if not (the platform does not
        /// support it), `claim` detaches a kernel driver by hand and `release` re-attaches it.
        let detachesAutomatically: Bool

        init(context: USBContext, handle: OpaquePointer, identifier: USBIdentifier, serialNumber: String?) {
            self.context = context
            self.handle = handle
            self.identifier = identifier
            self.serialNumber = serialNumber
            detachesAutomatically = libusb_set_auto_detach_kernel_driver(handle, 1) == 0
        }

        deinit { libusb_close(handle) }

        /// `libusb_claim_interface`, after `libusb_detach_kernel_driver` when a kernel driver
        /// holds the interface and automatic detach is off. Returns whether it detached one.
        func claim(_ interface: Int32) throws(USBError) -> Bool {
            var detached = false
            if !detachesAutomatically, libusb_kernel_driver_active(handle, interface) == 1 {
                let status = libusb_detach_kernel_driver(handle, interface)
                guard status == 0 else { throw LibUSB.error("libusb_detach_kernel_driver \(interface)", status) }
                detached = true
            }
            let status = libusb_claim_interface(handle, interface)
            guard status == 0 else {
                if detached { _ = libusb_attach_kernel_driver(handle, interface) }
                throw LibUSB.error("libusb_claim_interface \(interface)", status)
            }
            return detached
        }

        /// `libusb_release_interface`, then `libusb_attach_kernel_driver` if `claim` detached one.
        func release(_ interface: Int32, reattachingKernelDriver: Bool) throws(USBError) {
            let status = libusb_release_interface(handle, interface)
            if reattachingKernelDriver { _ = libusb_attach_kernel_driver(handle, interface) }
            guard status == 0 else { throw LibUSB.error("libusb_release_interface \(interface)", status) }
        }

        /// `libusb_bulk_transfer`: the bytes moved, or the error with the bytes moved before it.
        func bulkTransfer(_ endpoint: UInt8, _ bytes: UnsafeMutableRawBufferPointer, timeoutMilliseconds: UInt32)
            throws(USBError) -> Int
        {
            guard let length = Int32(exactly: bytes.count) else {
                throw USBError(kind: .invalidParameter, operation: "libusb_bulk_transfer: \(bytes.count) bytes")
            }
            var transferred: Int32 = 0
            let status = libusb_bulk_transfer(
                handle, endpoint, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), length, &transferred,
                timeoutMilliseconds)
            guard status == 0 else {
                throw LibUSB.error(
                    "libusb_bulk_transfer \(USBEndpointAddress(rawValue: endpoint))", status, transferred: Int(transferred))
            }
            return Int(transferred)
        }

        /// `libusb_control_transfer`: the bytes of the data stage.
        func controlTransfer(_ setup: USBControlSetup, _ data: UnsafeMutableRawBufferPointer, timeoutMilliseconds: UInt32)
            throws(USBError) -> Int
        {
            guard let length = UInt16(exactly: data.count) else {
                throw USBError(kind: .invalidParameter, operation: "libusb_control_transfer: \(data.count) bytes exceed wLength")
            }
            let status = libusb_control_transfer(
                handle, setup.requestType.rawValue, setup.request, setup.value, setup.index,
                data.baseAddress?.assumingMemoryBound(to: UInt8.self), length, timeoutMilliseconds)
            guard status >= 0 else { throw LibUSB.error("libusb_control_transfer request \(setup.request)", status) }
            return Int(status)
        }

        /// `libusb_clear_halt`.
        func clearHalt(_ endpoint: UInt8) throws(USBError) {
            let status = libusb_clear_halt(handle, endpoint)
            guard status == 0 else { throw LibUSB.error("libusb_clear_halt \(USBEndpointAddress(rawValue: endpoint))", status) }
        }
    }

    /// Where the hot-plug callback puts what it saw. The callback runs only inside
    /// `libusb_handle_events_timeout_completed` (or the registration, with ENUMERATE), on the
    /// thread that called it, which is the owner's: no other thread touches `pending`.
    final class USBHotplugSink {
        var pending: [USBHotplugEvent] = []
    }

    /// A registered hot-plug callback (`libusb_hotplug_register_callback`), deregistered
    /// (`libusb_hotplug_deregister_callback`) when this value ends. Holds its sink and context.
    struct LibUSBHotplugRegistration: ~Copyable {
        private let context: USBContext
        let sink: USBHotplugSink
        private let handle: libusb_hotplug_callback_handle

        /// Registers for arrivals and departures of any device; with `enumerateExisting`, the
        /// devices present are reported as arrivals first (`LIBUSB_HOTPLUG_ENUMERATE`).
        init(context: USBContext, enumerateExisting: Bool) throws(USBError) {
            let sink = USBHotplugSink()
            let callback: libusb_hotplug_callback_fn = { _, device, event, userData in
                guard let device, let userData else { return 0 }
                var descriptor = libusb_device_descriptor()
                guard libusb_get_device_descriptor(device, &descriptor) == 0 else { return 0 }
                let change: USBHotplugEvent.Change = event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED ? .arrived : .left
                let sink = Unmanaged<USBHotplugSink>.fromOpaque(userData).takeUnretainedValue()
                sink.pending.append(USBHotplugEvent(change, USBContext.info(device, descriptor)))
                return 0  // stay registered
            }
            // libusb 1.0.26 declares both parameters `int`: the enum values are OR-ed there.
            let events = Int32(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT.rawValue)
            let flags = enumerateExisting ? Int32(LIBUSB_HOTPLUG_ENUMERATE.rawValue) : 0
            var handle: libusb_hotplug_callback_handle = 0
            let status = libusb_hotplug_register_callback(
                context.context, events, flags, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
                callback, Unmanaged.passUnretained(sink).toOpaque(), &handle)
            guard status == 0 else { throw LibUSB.error("libusb_hotplug_register_callback", status) }
            self.context = context
            self.sink = sink
            self.handle = handle
        }

        deinit { libusb_hotplug_deregister_callback(context.context, handle) }
    }
#endif
