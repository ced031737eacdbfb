/// An event FunctionFS reports on `ep0`: `struct usb_functionfs_event` of
/// `include/uapi/linux/usb/functionfs.h` — an 8-byte control request (meaningful for
/// `setup` only), a type byte and three bytes of padding.
struct FunctionFSEvent: Sendable, Hashable, CustomStringConvertible {
    /// `enum usb_functionfs_event_type`.
    enum Kind: UInt8, Sendable {
        /// The function was bound to a gadget.
        case bind = 0
        /// It was unbound (the UDC went away: an unplug on the bench).
        case unbind = 1
        /// The host selected a configuration: the endpoints work.
        case enable = 2
        /// The configuration was dropped: the endpoints stop.
        case disable = 3
        /// A control request for the function.
        case setup = 4
        /// The bus was suspended.
        case suspend = 5
        /// The bus resumed.
        case resume = 6
    }

    /// Bytes of one event.
    static let byteCount = 12

    /// The type byte; nil for a type this code does not know.
    var kind: Kind?
    /// The raw type byte.
    var typeCode: UInt8
    /// `bmRequestType` of a setup event.
    var requestType: UInt8
    /// `bRequest` of a setup event.
    var request: UInt8
    /// `wLength` of a setup event.
    var length: UInt16

    /// Decodes the event at `bytes[offset ..< offset + 12]`.
    init(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        requestType = bytes[offset]
        request = bytes[offset + 1]
        length = UInt16(bytes[offset + 6]) | UInt16(bytes[offset + 7]) << 8
        typeCode = bytes[offset + 8]
        kind = Kind(rawValue: typeCode)
    }

    /// Whether a setup request wants data from the device (`USB_DIR_IN`).
    var isDeviceToHost: Bool { requestType & 0x80 != 0 }

    /// `enable`, `setup 0xc0/0x01 (8 bytes)`.
    var description: String {
        guard let kind else { return "unknown event \(typeCode)" }
        switch kind {
        case .setup:
            return "setup 0x\(String(requestType, radix: 16))/0x\(String(request, radix: 16)) (\(length) bytes)"
        default:
            return "\(kind)"
        }
    }
}
