/// A failure of a USB operation, typed by what the caller can do about it.
///
/// The real backend fills `code` and `name` from libusb (`libusb_error_name`); the simulated
/// backend uses the same codes so that both read the same in logs and tests.
package struct USBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure, one per `enum libusb_error` value of libusb-1.0 (libusb.h)
    /// plus `unavailableOnPlatform` for builds without libusb.
    package enum Kind: Sendable, Hashable {
        /// Input/output error (`LIBUSB_ERROR_IO`, -1).
        case io
        /// Invalid parameter (`LIBUSB_ERROR_INVALID_PARAM`, -2), e.g. an IN endpoint for an OUT transfer.
        case invalidParameter
        /// Access denied (`LIBUSB_ERROR_ACCESS`, -3): a udev rule or root is needed.
        case access
        /// The device has been disconnected (`LIBUSB_ERROR_NO_DEVICE`, -4).
        case disconnected
        /// No such device or entity (`LIBUSB_ERROR_NOT_FOUND`, -5).
        case notFound
        /// Resource busy (`LIBUSB_ERROR_BUSY`, -6): another process or handle claimed the interface.
        case busy
        /// The operation timed out (`LIBUSB_ERROR_TIMEOUT`, -7); some bytes may have moved.
        case timeout
        /// The device sent more than asked for (`LIBUSB_ERROR_OVERFLOW`, -8).
        case overflow
        /// The endpoint halted (`LIBUSB_ERROR_PIPE`, -9): clear the halt before retrying.
        case stall
        /// A system call was interrupted (`LIBUSB_ERROR_INTERRUPTED`, -10).
        case interrupted
        /// Out of memory (`LIBUSB_ERROR_NO_MEM`, -11).
        case noMemory
        /// Not supported on this platform or by this device (`LIBUSB_ERROR_NOT_SUPPORTED`, -12).
        case notSupported
        /// libusb is not part of this build (macOS); only the simulation runs.
        case unavailableOnPlatform
        /// Any other error (`LIBUSB_ERROR_OTHER`, -99, or a code this build does not know).
        case other

        /// The kind of a libusb return code. The values are those of `enum libusb_error` in
        /// libusb.h, stable since libusb-1.0.0; HALLinux's tests check them against the header.
        package init(libusbCode code: Int32) {
            switch code {
            case -1: self = .io
            case -2: self = .invalidParameter
            case -3: self = .access
            case -4: self = .disconnected
            case -5: self = .notFound
            case -6: self = .busy
            case -7: self = .timeout
            case -8: self = .overflow
            case -9: self = .stall
            case -10: self = .interrupted
            case -11: self = .noMemory
            case -12: self = .notSupported
            default: self = .other
            }
        }

        /// The libusb return code of this kind (`LIBUSB_ERROR_OTHER` for `unavailableOnPlatform`).
        package var libusbCode: Int32 {
            switch self {
            case .io: -1
            case .invalidParameter: -2
            case .access: -3
            case .disconnected: -4
            case .notFound: -5
            case .busy: -6
            case .timeout: -7
            case .overflow: -8
            case .stall: -9
            case .interrupted: -10
            case .noMemory: -11
            case .notSupported: -12
            case .unavailableOnPlatform, .other: -99
            }
        }

        /// The libusb name of this kind's code, e.g. `LIBUSB_ERROR_PIPE`.
        package var libusbName: String {
            switch self {
            case .io: "LIBUSB_ERROR_IO"
            case .invalidParameter: "LIBUSB_ERROR_INVALID_PARAM"
            case .access: "LIBUSB_ERROR_ACCESS"
            case .disconnected: "LIBUSB_ERROR_NO_DEVICE"
            case .notFound: "LIBUSB_ERROR_NOT_FOUND"
            case .busy: "LIBUSB_ERROR_BUSY"
            case .timeout: "LIBUSB_ERROR_TIMEOUT"
            case .overflow: "LIBUSB_ERROR_OVERFLOW"
            case .stall: "LIBUSB_ERROR_PIPE"
            case .interrupted: "LIBUSB_ERROR_INTERRUPTED"
            case .noMemory: "LIBUSB_ERROR_NO_MEM"
            case .notSupported: "LIBUSB_ERROR_NOT_SUPPORTED"
            case .unavailableOnPlatform: "unavailable on this platform"
            case .other: "LIBUSB_ERROR_OTHER"
            }
        }
    }

    /// What kind of failure this is.
    package var kind: Kind
    /// What was being done, e.g. `libusb_bulk_transfer OUT 0x01`.
    package var operation: String
    /// The libusb error code (negative).
    package var code: Int32
    /// `libusb_error_name(code)`.
    package var name: String
    /// Bytes that did move before the failure (a timed-out or interrupted bulk transfer can
    /// be partial).
    package var transferredByteCount: Int

    /// Builds an error from a libusb return code; the kind follows from the code.
    package init(operation: String, code: Int32, name: String) {
        self.init(kind: Kind(libusbCode: code), operation: operation, code: code, name: name)
    }

    /// Builds an error of a given kind, with its libusb code and name.
    package init(kind: Kind, operation: String, transferredByteCount: Int = 0) {
        self.init(kind: kind, operation: operation, code: kind.libusbCode, name: kind.libusbName)
        self.transferredByteCount = transferredByteCount
    }

    private init(kind: Kind, operation: String, code: Int32, name: String) {
        self.kind = kind
        self.operation = operation
        self.code = code
        self.name = name
        self.transferredByteCount = 0
    }

    /// `operation: LIBUSB_ERROR_NAME (code[, N bytes transferred])`.
    package var description: String {
        let moved = transferredByteCount > 0 ? ", \(transferredByteCount) bytes transferred" : ""
        return "\(operation): \(name) (\(code)\(moved))"
    }
}
