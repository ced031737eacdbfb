/// A failure reported by libusb, with the library's error name (e.g. `LIBUSB_ERROR_ACCESS`).
public struct USBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done, e.g. `libusb_init`.
    public var operation: String
    /// The libusb error code (negative).
    public var code: Int32
    /// `libusb_error_name(code)`.
    public var name: String

    /// Builds an error.
    public init(operation: String, code: Int32, name: String) {
        self.operation = operation
        self.code = code
        self.name = name
    }

    public var description: String { "\(operation): \(name) (\(code))" }
}
