/// A USB endpoint address (`bEndpointAddress`): the endpoint number in bits 3...0 and the
/// direction in bit 7, 1 = IN (device to host). USB 2.0 specification, §9.6.6, Table 9-13.
package struct USBEndpointAddress: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The byte as the endpoint descriptor gives it.
    package var rawValue: UInt8

    /// Bit 7 of `bEndpointAddress`: set for IN endpoints (libusb's `LIBUSB_ENDPOINT_IN`).
    static let inDirectionBit: UInt8 = 0x80
    /// Bits 3...0: the endpoint number.
    static let numberMask: UInt8 = 0x0F

    /// Wraps a raw endpoint address.
    package init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The IN (device-to-host) endpoint `number`.
    package static func input(_ number: UInt8) -> USBEndpointAddress {
        USBEndpointAddress(rawValue: inDirectionBit | (number & numberMask))
    }

    /// The OUT (host-to-device) endpoint `number`.
    package static func output(_ number: UInt8) -> USBEndpointAddress {
        USBEndpointAddress(rawValue: number & numberMask)
    }

    /// Whether data flows from the device to the host.
    package var isInput: Bool { rawValue & Self.inDirectionBit != 0 }

    /// The endpoint number (0...15).
    package var number: UInt8 { rawValue & Self.numberMask }

    /// `IN 0x81` or `OUT 0x01`.
    package var description: String {
        let hex = String(rawValue, radix: 16)
        return (isInput ? "IN 0x" : "OUT 0x") + (hex.count < 2 ? "0" : "") + hex
    }
}
