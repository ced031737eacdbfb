import HAL
import HALSim
import Testing

@Suite struct SimulatedHardwareInventoryTests {
    let board = BoardProfile(
        name: "sim",
        chips: [GPIOChipDescription(label: "bank-a", lineCount: 16), GPIOChipDescription(label: "bank-b", lineCount: 8)],
        lines: [.transmitEnable: GPIOLineAssignment(chipLabel: "bank-a", offset: 0, safeState: .inactive)],
        usbDevices: [
            .gnss: USBDeviceAssignment(id: USBIdentifier(vendorID: 0x1546, productID: 0x01A8)),
            .beamformer: USBDeviceAssignment(id: USBIdentifier(vendorID: 0x1209, productID: 0x0001)),
        ])

    @Test func showsOneChipPerDeclaredLabel() {
        let chips = SimulatedHardwareInventory(board: board).gpioChips()
        #expect(chips.map(\.label) == ["bank-a", "bank-b"])
        #expect(chips.map(\.lineCount) == [16, 8])
        #expect(chips.map(\.name) == ["simchip0", "simchip1"])
    }

    @Test func showsUSBDevicesInRoleOrderDeterministically() {
        let inventory = SimulatedHardwareInventory(board: board)
        let devices = inventory.usbDevices()
        #expect(devices.map(\.id.description) == ["1209:0001", "1546:01a8"])
        #expect(devices.map(\.address) == [2, 3])
        #expect(devices == inventory.usbDevices())
    }
}
