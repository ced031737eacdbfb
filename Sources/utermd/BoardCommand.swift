import ArgumentParser
import CLISupport
import Foundation
import HAL
import Terminal

/// `utermd board ...`: board files.
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "Work with board files.", subcommands: [BoardCheckCommand.self])
}

/// `utermd board check FILE... [--json]`: validate board files; exit 0 only when all are valid.
struct BoardCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate board files; print each problem with file, line and field.",
        discussion: "Exit status 0 when every file is valid, 1 when one has problems, 2 when one cannot be read.")

    @Argument(help: "Board files (YAML, see Boards/README.md).")
    var files: [String]

    @Flag(help: "Print JSON: one object per file.")
    var json = false

    /// One file's verdict (the JSON of `board check --json`).
    struct Verdict: Codable {
        var file: String
        var valid: Bool
        var board: String?
        var summary: String?
        var problems: [String]
    }

    func run() throws {
        var verdicts: [Verdict] = []
        var unreadable = false
        for file in files {
            guard FileManager.default.isReadableFile(atPath: file) else {
                unreadable = true
                printError("utermd: \(file): cannot read the file")
                verdicts.append(Verdict(file: file, valid: false, problems: ["\(file): cannot read the file"]))
                continue
            }
            do {
                let board = try BoardFile.load(path: file)
                let hardware = board.hardware
                let summary =
                    "\(hardware.lines.count) GPIO roles on \(hardware.chips.count) chip(s), "
                    + "\(hardware.usbDevices.count) USB device(s), \(board.array.aperture.elementCount)-element array"
                    + ", constellations: \(board.constellations.map(\.rawValue).joined(separator: ", "))"
                verdicts.append(Verdict(file: file, valid: true, board: board.name, summary: summary, problems: []))
                if !json { print("\(file): valid board \"\(board.name)\": \(summary)") }
            } catch {
                for problem in error.errors { printError("\(problem)") }
                verdicts.append(Verdict(file: file, valid: false, problems: error.errors.map(\.description)))
            }
        }
        if json { print(try jsonText(verdicts)) }
        if unreadable { throw CommandExitCodes.unusableInput }
        if verdicts.contains(where: { !$0.valid }) { throw CommandExitCodes.negative }
    }
}
