import HAL
import Testing

@testable import HALLinux

/// HALLinux's libusb side. Opening a device that is not there runs on every Linux machine
/// (with or without a USB bus); talking to a real device needs one and is left to the HIL bench.
@Suite struct LinuxUSBTests {
    static let libusb = LinuxUSB.unavailableReason == nil

    @Test(.enabled(if: libusb, "libusb is Linux-only here"))
    func openingADeviceThatIsNotThereIsNotFound() throws {
        // ffff:fffe is not assigned to any device.
        let error = #expect(throws: USBError.self) {
            _ = try LinuxUSB().openDevice(USBIdentifier(vendorID: 0xFFFF, productID: 0xFFFE), serialNumber: "none")
        }
        #expect(error?.kind == .notFound)
        #expect(error?.description.contains("ffff:fffe serial none") == true)
    }

    @Test(.enabled(if: libusb, "libusb is Linux-only here"))
    func theBoardsUSBRoleIsLookedUpBeforeTheBus() throws {
        let board = BoardProfile(name: "t", chips: [], lines: [:])
        let error = #expect(throws: USBError.self) { _ = try LinuxUSB().openDevice(for: .gnss, of: board) }
        #expect(error?.kind == .notFound)
    }

    #if canImport(CLibUSB)
        @Test func errorKindsAgreeWithTheLinkedLibusb() {
            for (name, code) in LibUSB.errorCodes {
                let kind = USBError.Kind(libusbCode: code)
                #expect(kind.libusbName == name, "\(name) = \(code)")
                #expect(LibUSB.error("x", code).name == name)
            }
        }
    #endif

    @Test(.enabled(if: libusb, "libusb is Linux-only here"))
    func theHotplugMonitorStartsAndPollsQuietly() throws {
        let monitor = try LinuxUSBHotplugMonitor()
        // In a container without a USB bus nothing arrives; on a machine with one, nothing
        // should change during the test.
        #expect(try monitor.pollHotplugEvents(timeout: .milliseconds(10)).isEmpty)
        let polling = try LinuxUSBHotplugMonitor(forcePolling: true)
        #expect(polling.mode == .polling)
        #expect(try polling.pollHotplugEvents(timeout: .milliseconds(5)).isEmpty)
        print("libusb hot-plug mode here: \(monitor.mode.rawValue)")
    }

    @Test(.enabled(if: libusb, "libusb is Linux-only here"))
    func thePollingFallbackReportsPresentDevicesWhenAsked() throws {
        let present = try LinuxHardwareInventory().usbDevices()
        let monitor = try LinuxUSBHotplugMonitor(enumerateExisting: true, forcePolling: true)
        let events = try monitor.pollHotplugEvents(timeout: .zero)
        #expect(events.map(\.device.id) == present.map(\.id))
        #expect(events.allSatisfy { $0.change == .arrived })
    }

    @Test func enumerationsAreComparedByBusAddressAndIdentifier() {
        let a = USBDeviceInfo(bus: 1, address: 2, id: USBIdentifier(vendorID: 0x1209, productID: 1))
        let b = USBDeviceInfo(bus: 1, address: 3, id: USBIdentifier(vendorID: 0x1546, productID: 0x01A8))
        let replugged = USBDeviceInfo(bus: 1, address: 4, id: a.id)
        var diff = USBPresenceDiff(known: [a])
        #expect(diff.events(toward: [a, b]) == [USBHotplugEvent(.arrived, b)])
        #expect(diff.events(toward: [a, b]).isEmpty)
        #expect(diff.events(toward: [b, replugged]) == [USBHotplugEvent(.left, a), USBHotplugEvent(.arrived, replugged)])
        #expect(diff.events(toward: []) == [USBHotplugEvent(.left, b), USBHotplugEvent(.left, replugged)])
    }
}
