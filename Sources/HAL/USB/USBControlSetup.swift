/// `bmRequestType` of a control transfer's setup packet. USB 2.0 specification, §9.3,
/// Table 9-2: bit 7 direction, bits 6...5 type, bits 4...0 recipient.
package struct USBRequestType: RawRepresentable, Sendable, Hashable {
    /// Who the request is for (bits 4...0).
    package enum Recipient: UInt8, Sendable, Hashable {
        case device = 0, interface = 1, endpoint = 2, other = 3
    }

    /// Which specification defines the request (bits 6...5).
    package enum Kind: UInt8, Sendable, Hashable {
        case standard = 0, `class` = 1, vendor = 2
    }

    /// The byte of the setup packet.
    package var rawValue: UInt8

    /// Wraps a raw `bmRequestType`.
    package init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Builds `bmRequestType` from its three fields; `deviceToHost` is the data stage's direction.
    package init(deviceToHost: Bool, kind: Kind, recipient: Recipient) {
        rawValue = (deviceToHost ? USBEndpointAddress.inDirectionBit : 0) | kind.rawValue << 5 | recipient.rawValue
    }

    /// Whether the data stage goes from the device to the host (IN).
    package var isDeviceToHost: Bool { rawValue & USBEndpointAddress.inDirectionBit != 0 }
}

/// The setup packet of a control transfer, less `wLength` (the data buffer's size).
/// USB 2.0 specification, §9.3.
package struct USBControlSetup: Sendable, Hashable {
    /// `bmRequestType`.
    package var requestType: USBRequestType
    /// `bRequest`.
    package var request: UInt8
    /// `wValue`.
    package var value: UInt16
    /// `wIndex`.
    package var index: UInt16

    /// Builds a setup packet.
    package init(requestType: USBRequestType, request: UInt8, value: UInt16 = 0, index: UInt16 = 0) {
        self.requestType = requestType
        self.request = request
        self.value = value
        self.index = index
    }
}
