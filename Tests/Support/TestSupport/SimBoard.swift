import HAL

/// The simulated board of `Boards/sim.yaml`, built in code (the YAML loader lives in Terminal),
/// for the tests of the modules below Terminal.
package enum SimBoard {
    package static let chip = "utermd-sim-io"

    package static let profile = BoardProfile(
        name: "sim",
        chips: [GPIOChipDescription(label: chip, lineCount: 16)],
        lines: [
            .transmitEnable: GPIOLineAssignment(chipLabel: chip, offset: 0, safeState: .inactive),
            .paPower: GPIOLineAssignment(chipLabel: chip, offset: 1, safeState: .inactive),
            .statusLED: GPIOLineAssignment(chipLabel: chip, offset: 2, safeState: .inactive),
            .beamformerReset: GPIOLineAssignment(chipLabel: chip, offset: 3, activeLow: true, safeState: .active),
            .faultIn: GPIOLineAssignment(chipLabel: chip, offset: 8, activeLow: true, bias: .pullUp),
            .overTemperature: GPIOLineAssignment(chipLabel: chip, offset: 9, activeLow: true, bias: .pullUp),
            .transmitEnableSense: GPIOLineAssignment(chipLabel: chip, offset: 10),
        ],
        usbDevices: [
            .beamformer: USBDeviceAssignment(id: USBIdentifier(vendorID: 0x1209, productID: 0x0001)),
            .gnss: USBDeviceAssignment(id: USBIdentifier(vendorID: 0x1546, productID: 0x01A8), serial: "GNSS-2"),
        ])

    package static let millisecond: UInt64 = 1_000_000
}
