import HAL
import Testing

@Suite struct USBTypesTests {
    @Test func endpointAddressesCarryTheirDirectionInBitSeven() {
        #expect(USBEndpointAddress.input(1).rawValue == 0x81)
        #expect(USBEndpointAddress.output(2).rawValue == 0x02)
        #expect(USBEndpointAddress.input(1).isInput && !USBEndpointAddress.output(1).isInput)
        #expect(USBEndpointAddress(rawValue: 0x83).number == 3)
        #expect(USBEndpointAddress.input(1).description == "IN 0x81")
        #expect(USBEndpointAddress.output(1).description == "OUT 0x01")
    }

    /// bmRequestType values of USB 2.0 Table 9-2, e.g. 0xC0 = vendor request, device-to-host, to the device.
    @Test func requestTypeBits() {
        #expect(USBRequestType(deviceToHost: true, kind: .vendor, recipient: .device).rawValue == 0xC0)
        #expect(USBRequestType(deviceToHost: false, kind: .vendor, recipient: .device).rawValue == 0x40)
        #expect(USBRequestType(deviceToHost: false, kind: .class, recipient: .interface).rawValue == 0x21)
        #expect(USBRequestType(deviceToHost: true, kind: .standard, recipient: .endpoint).rawValue == 0x82)
        #expect(USBRequestType(rawValue: 0xA1).isDeviceToHost)
    }

    @Test(arguments: [
        USBError.Kind.io, .invalidParameter, .access, .disconnected, .notFound, .busy, .timeout, .overflow, .stall,
        .interrupted, .noMemory, .notSupported, .other,
    ])
    func kindsRoundTripThroughLibusbCodes(_ kind: USBError.Kind) {
        #expect(USBError.Kind(libusbCode: kind.libusbCode) == kind)
        #expect(USBError(operation: "x", code: kind.libusbCode, name: kind.libusbName) == USBError(kind: kind, operation: "x"))
    }

    @Test func errorsDescribeWhatMoved() {
        let error = USBError(kind: .timeout, operation: "libusb_bulk_transfer OUT 0x01", transferredByteCount: 12)
        #expect(error.description == "libusb_bulk_transfer OUT 0x01: LIBUSB_ERROR_TIMEOUT (-7, 12 bytes transferred)")
        #expect(USBError(kind: .unavailableOnPlatform, operation: "open").kind == .unavailableOnPlatform)
    }
}
