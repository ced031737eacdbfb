/// One USB device as seen on the bus.
public struct USBDeviceInfo: Sendable, Hashable, Codable {
    /// Bus number.
    public var bus: Int
    /// Device address on the bus.
    public var address: Int
    /// Vendor and product identifiers.
    public var id: USBIdentifier
    /// The manufacturer string descriptor, when the device could be opened and has one.
    public var manufacturer: String?
    /// The product string descriptor, when readable.
    public var product: String?

    /// Builds a device description.
    public init(bus: Int, address: Int, id: USBIdentifier, manufacturer: String? = nil, product: String? = nil) {
        self.bus = bus
        self.address = address
        self.id = id
        self.manufacturer = manufacturer
        self.product = product
    }
}
