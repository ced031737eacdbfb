/// One USB device as seen on the bus.
package struct USBDeviceInfo: Sendable, Hashable, Codable {
    /// Bus number.
    package var bus: Int
    /// Device address on the bus.
    package var address: Int
    /// Vendor and product identifiers.
    package var id: USBIdentifier
    /// The manufacturer string descriptor, when the device could be opened and has one.
    package var manufacturer: String?
    /// The product string descriptor, when readable.
    package var product: String?

    /// Builds a device description.
    package init(bus: Int, address: Int, id: USBIdentifier, manufacturer: String? = nil, product: String? = nil) {
        self.bus = bus
        self.address = address
        self.id = id
        self.manufacturer = manufacturer
        self.product = product
    }
}
