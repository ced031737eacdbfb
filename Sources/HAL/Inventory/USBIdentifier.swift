/// A USB vendor:product pair, written `vvvv:pppp` in hexadecimal as `lsusb` prints it.
package struct USBIdentifier: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The vendor ID (idVendor).
    package var vendorID: UInt16
    /// The product ID (idProduct).
    package var productID: UInt16

    /// Builds an identifier from its two numbers.
    package init(vendorID: UInt16, productID: UInt16) {
        self.vendorID = vendorID
        self.productID = productID
    }

    /// Parses `vvvv:pppp` (hexadecimal, optional `0x` prefixes); `nil` when malformed.
    package init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let vendor = Self.hex16(parts[0]), let product = Self.hex16(parts[1]) else {
            return nil
        }
        self.init(vendorID: vendor, productID: product)
    }

    private static func hex16(_ text: Substring) -> UInt16? {
        var digits = text.trimmingPrefix("0x")
        if digits.isEmpty { digits = text }
        guard (1...4).contains(digits.count) else { return nil }
        return UInt16(digits, radix: 16)
    }

    /// `vvvv:pppp`, lower-case hexadecimal.
    package var description: String { Self.hex4(vendorID) + ":" + Self.hex4(productID) }

    private static func hex4(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Decodes the `vvvv:pppp` text form.
    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = USBIdentifier(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a vendor:product pair: \(text)"))
        }
        self = parsed
    }

    /// Encodes the `vvvv:pppp` text form.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
