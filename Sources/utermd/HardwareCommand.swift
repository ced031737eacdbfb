import ArgumentParser
import CLISupport
import Foundation
import HAL
import HALLinux
import HALSim
import Terminal

/// `utermd hw ...`: look at the hardware.
struct HardwareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hw", abstract: "Inspect GPIO chips and USB devices.",
        subcommands: [HardwareListCommand.self])
}

/// `utermd hw list [--json] [--simulated [--board FILE]]`.
struct HardwareListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List GPIO chips (libgpiod) and USB devices (libusb).",
        discussion: "Finding no chip or no USB device is a normal answer. Exit status 1 means a bus could not be read.")

    @Flag(help: "Print JSON with `gpioChips` and `usbDevices` arrays.")
    var json = false

    @Flag(help: "List the simulated board's hardware instead of this machine's.")
    var simulated = false

    @Option(help: "Board file for --simulated (default: the embedded simulated board).")
    var board: String?

    func run() throws {
        let inventory: any HardwareInventory
        if simulated {
            inventory = SimulatedHardwareInventory(board: try loadBoard(board).hardware)
        } else {
            inventory = LinuxHardwareInventory()
        }
        let report = HardwareReport(of: inventory)
        if json {
            print(try report.json())
        } else {
            print(report.text())
        }
        for error in report.errors {
            FileHandle.standardError.write(Data("utermd: \(error)\n".utf8))
        }
        if !report.errors.isEmpty { throw ExitCode(1) }
    }
}
