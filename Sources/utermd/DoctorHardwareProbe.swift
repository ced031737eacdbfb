import Daemon
import HAL
import HALLinux

/// The hardware half of `utermd doctor`'s facts: the board's chips by label, its lines'
/// holders, its USB devices present and openable, through the same libgpiod and libusb
/// paths as `utermd run`. Nothing is requested or claimed.
enum DoctorHardwareProbe {
    static func gather(board: BoardProfile, backend: String) -> HardwareFacts {
        var facts = HardwareFacts()
        facts.backend = backend
        guard backend == "linux" else { return facts }
        switch LinuxHardwareInventory.libgpiod {
        case .success(let library): facts.libgpiod = library
        case .failure(let error): facts.libgpiodProblem = error.reason
        }
        let inventory = LinuxHardwareInventory()
        var chips: [GPIOChipInfo] = []
        do { chips = try inventory.gpioChips() } catch { facts.chipListProblem = "\(error)" }
        facts.chips = board.chips.map { chip in
            HardwareFacts.ChipFact(
                label: chip.label, expectedLineCount: chip.lineCount, found: chips.first { $0.label == chip.label })
        }
        let gpio = try? LinuxGPIO(board: board)
        for (role, assignment) in board.lines.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let location = "\(assignment.chipLabel) line \(assignment.offset)"
            guard let gpio else {
                facts.lines.append(.init(role: role.rawValue, location: location, use: nil, problem: "libgpiod not loaded"))
                continue
            }
            do {
                facts.lines.append(.init(role: role.rawValue, location: location, use: try gpio.use(of: role)))
            } catch {
                facts.lines.append(.init(role: role.rawValue, location: location, use: nil, problem: error.description))
            }
        }
        var present: [USBDeviceInfo] = []
        do { present = try inventory.usbDevices() } catch { facts.usbListProblem = "\(error)" }
        for (role, assignment) in board.usbDevices.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let isPresent = present.contains { $0.id == assignment.id }
            var problem: String?
            if isPresent {
                do { _ = try LinuxUSB().openDevice(assignment.id, serialNumber: assignment.serial) } catch {
                    problem = "\(error)"
                }
            }
            facts.usbDevices.append(.init(role: role.rawValue, id: assignment.id, present: isPresent, openProblem: problem))
        }
        return facts
    }
}
