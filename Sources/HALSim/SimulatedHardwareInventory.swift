import HAL

/// The hardware a board file promises, as a simulated machine would show it: one chip per
/// declared chip label (`simchipN`), one USB device per declared USB role.
/// Deterministic, so tests and laptops see the same inventory every time.
package struct SimulatedHardwareInventory: HardwareInventory {
    /// The board being simulated.
    package let board: BoardProfile

    /// Builds the inventory of a simulated `board`.
    package init(board: BoardProfile) {
        self.board = board
    }

    /// `simulated`.
    package var backendName: String { "simulated" }

    /// None: the simulation links no hardware library.
    package func libraryVersions() -> [String: String] { [:] }

    /// One chip per label the board declares, named `simchipN`.
    package func gpioChips() -> [GPIOChipInfo] {
        board.chips.enumerated().map { index, chip in
            GPIOChipInfo(name: "simchip\(index)", label: chip.label, lineCount: chip.lineCount, path: "sim:/simchip\(index)")
        }
    }

    /// One device per USB role the board declares, on bus 1 from address 2, in role order.
    package func usbDevices() -> [USBDeviceInfo] {
        USBRole.allCases.compactMap { role in board.usbDevices[role].map { (role, $0) } }
            .enumerated().map { index, entry in
                USBDeviceInfo(
                    bus: 1, address: index + 2, id: entry.1.id,
                    manufacturer: "utermd simulated", product: "\(entry.0.rawValue) (simulated)")
            }
    }
}
