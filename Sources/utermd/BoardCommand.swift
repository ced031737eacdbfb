import ArgumentParser
import Foundation
import HAL
import Terminal

/// `utermd board ...`: board files.
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "Work with board files.", subcommands: [BoardCheckCommand.self])
}

/// `utermd board check FILE...`: validate board files; exit 0 only when all are valid.
struct BoardCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate board files; print each problem with file, line and field.")

    @Argument(help: "Board files (YAML, see Boards/README.md).")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                let board = try BoardFile.load(path: file)
                let hardware = board.hardware
                print(
                    "\(file): valid board \"\(board.name)\": \(hardware.lines.count) GPIO roles on \(hardware.chips.count) chip(s), "
                        + "\(hardware.usbDevices.count) USB device(s), \(board.array.aperture.elementCount)-element array")
            } catch {
                failed = true
                for problem in error.errors {
                    FileHandle.standardError.write(Data("\(problem)\n".utf8))
                }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
