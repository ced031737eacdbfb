// The one file that calls libusb-1.0. Every C call of HALLinux's USB side is here.
#if canImport(CLibUSB)
import CLibUSB
import HAL

/// Thin adapter over libusb-1.0.
enum LibUSB {
    /// `libusb_get_version()`: `major.minor.micro` of the linked library.
    static var version: String {
        let v = libusb_get_version().pointee
        return "\(v.major).\(v.minor).\(v.micro)"
    }

    /// The libusb error for a return code.
    static func error(_ operation: String, _ code: Int32) -> USBError {
        USBError(operation: operation, code: code, name: String(cString: libusb_error_name(code)))
    }
}

/// A libusb context (`libusb_context *`), exited when this value ends.
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

    /// Every device on every bus (`libusb_get_device_list`), with string descriptors
    /// read where the device can be opened (`libusb_open` may fail for lack of permission:
    /// the device is still listed, without strings).
    func devices() throws(USBError) -> [USBDeviceInfo] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context, &list)
        guard count >= 0, let list else { throw LibUSB.error("libusb_get_device_list", Int32(count)) }
        defer { libusb_free_device_list(list, 1) }
        var found: [USBDeviceInfo] = []
        for index in 0..<count {
            guard let device = list[index] else { continue }
            var descriptor = libusb_device_descriptor()
            let status = libusb_get_device_descriptor(device, &descriptor)
            guard status == 0 else { throw LibUSB.error("libusb_get_device_descriptor", status) }
            var info = USBDeviceInfo(
                bus: Int(libusb_get_bus_number(device)),
                address: Int(libusb_get_device_address(device)),
                id: USBIdentifier(vendorID: descriptor.idVendor, productID: descriptor.idProduct))
            var handle: OpaquePointer?
            if libusb_open(device, &handle) == 0, let handle {
                info.manufacturer = Self.string(handle, descriptor.iManufacturer)
                info.product = Self.string(handle, descriptor.iProduct)
                libusb_close(handle)
            }
            found.append(info)
        }
        return found.sorted { ($0.bus, $0.address) < ($1.bus, $1.address) }
    }

    /// `libusb_get_string_descriptor_ascii`, or nil when the index is 0 or the read fails.
    private static func string(_ handle: OpaquePointer, _ index: UInt8) -> String? {
        guard index != 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = libusb_get_string_descriptor_ascii(handle, index, &buffer, Int32(buffer.count))
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
#endif
