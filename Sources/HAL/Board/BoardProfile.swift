/// A board: which GPIO chip and line serve each role, which USB devices it expects.
/// Built from a board file (see `Boards/README.md` for the format) by the Terminal's loader;
/// this type knows nothing of the file format.
package struct BoardProfile: Sendable, Hashable {
    /// Short identifier, e.g. `rpi5`.
    package var name: String
    /// Human description.
    package var summary: String
    /// The GPIO chips the board expects, by label.
    package var chips: [GPIOChipDescription]
    /// The GPIO line of each role.
    package var lines: [GPIORole: GPIOLineAssignment]
    /// The USB devices of each role.
    package var usbDevices: [USBRole: USBDeviceAssignment]

    /// Builds a profile.
    package init(
        name: String, summary: String = "", chips: [GPIOChipDescription],
        lines: [GPIORole: GPIOLineAssignment], usbDevices: [USBRole: USBDeviceAssignment] = [:]
    ) {
        self.name = name
        self.summary = summary
        self.chips = chips
        self.lines = lines
        self.usbDevices = usbDevices
    }

    /// The chip description with this label, if the board declares it.
    package func chip(labelled label: String) -> GPIOChipDescription? {
        chips.first { $0.label == label }
    }
}

/// A GPIO chip as a board expects to find it.
package struct GPIOChipDescription: Sendable, Hashable {
    /// The chip label (`gpiodetect` shows it in brackets), e.g. `pinctrl-rp1`.
    package var label: String
    /// Number of lines the chip has.
    package var lineCount: Int

    /// Builds a chip description.
    package init(label: String, lineCount: Int) {
        self.label = label
        self.lineCount = lineCount
    }
}

/// Where one role's line is and how it behaves.
package struct GPIOLineAssignment: Sendable, Hashable {
    /// Label of the chip holding the line.
    package var chipLabel: String
    /// Line offset on that chip (the BCM GPIO number on a Raspberry Pi header).
    package var offset: Int
    /// The physical level is inverted (active = low).
    package var activeLow: Bool
    /// The level the line takes at power-on and whenever the firmware lets go (outputs only).
    package var safeState: LogicalLevel?
    /// Bias for inputs.
    package var bias: GPIOBias

    /// Builds an assignment.
    package init(
        chipLabel: String, offset: Int, activeLow: Bool = false, safeState: LogicalLevel? = nil,
        bias: GPIOBias = .asIs
    ) {
        self.chipLabel = chipLabel
        self.offset = offset
        self.activeLow = activeLow
        self.safeState = safeState
        self.bias = bias
    }
}

/// Input bias (libgpiod 1.6 request flags).
package enum GPIOBias: String, Sendable, Hashable, CaseIterable, Codable {
    case asIs = "as_is"
    case disabled
    case pullUp = "pull_up"
    case pullDown = "pull_down"
}

/// What a USB device does on the terminal.
package enum USBRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// The beamformer bridge (USB to SPI for the phase shifters).
    case beamformer
    /// A GNSS receiver.
    case gnss
}

/// The USB device expected for one role.
package struct USBDeviceAssignment: Sendable, Hashable {
    /// Vendor and product identifiers.
    package var id: USBIdentifier
    /// Serial number, when the board pins one device among several of the same kind.
    package var serial: String?

    /// Builds an assignment.
    package init(id: USBIdentifier, serial: String? = nil) {
        self.id = id
        self.serial = serial
    }
}
