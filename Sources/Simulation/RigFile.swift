import Foundation
import HAL
import HALSim
import Terminal

/// A test bench: which board, how its outputs are wired back to inputs, which USB devices
/// hang on it, and where it runs (`simulated`: HALSim in this process; `vm`: the virtual
/// bench of `HIL/vm`, whose scripts read the same file). Format in `HIL/README.md`.
package struct Rig: Sendable {
    /// Where the bench runs.
    package enum Bench: String, Sendable, CaseIterable {
        /// HALSim, in process, on the virtual clock.
        case simulated
        /// The qemu bench of `HIL/vm` (gpio-sim, dummy_hcd + FunctionFS).
        case vm
    }

    /// The rig's name.
    package var name: String
    /// The board file, relative to the rig file's repository (or absolute).
    package var boardPath: String
    /// Where the bench runs.
    package var bench: Bench
    /// Output → input wires.
    package var wires: [GPIOWire]
    /// How long the beamformer driver waits for each reply on this bench (nil: the driver's
    /// default; the TCG bench needs more).
    package var beamformerReplyTimeout: Duration?
}

/// Reads rig files.
package enum RigFile {
    /// Loads a rig; `boardPath` is resolved against the current directory, then against the
    /// rig file's grandparent folder (the repository: rigs live in `HIL/rigs/`).
    package static func load(path: String) throws(DataFileErrors) -> Rig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DataFileErrors([DataFileError(file: path, field: "", message: "cannot read the file as UTF-8 text")])
        }
        do throws(DataFileError) {
            let root = try DataNode.parse(yaml: text, file: path)
            try root.rejectUnknownKeys(["format", "rig", "summary", "board", "bench", "gpio", "usb"])
            let format = try root.required("format")
            guard try format.int() == 1 else { throw format.error("only format 1 is supported") }
            var wires: [GPIOWire] = []
            if let gpio = try root.optional("gpio") {
                for wire in try gpio.optional("wires")?.elements() ?? [] {
                    try wire.rejectUnknownKeys(["from", "to", "inverted"])
                    wires.append(GPIOWire(
                        from: try wire.required("from").choice(GPIORole.self), to: try wire.required("to").choice(GPIORole.self),
                        inverted: try wire.optional("inverted")?.bool() ?? false))
                }
            }
            var replyTimeout: Duration?
            if let beamformer = try root.optional("usb")?.optional("beamformer"),
                let milliseconds = try beamformer.optional("reply_timeout_ms")
            {
                let value = try milliseconds.int()
                guard (1...10_000).contains(value) else { throw milliseconds.error("must be 1 to 10000 milliseconds") }
                replyTimeout = .milliseconds(value)
            }
            var board = try root.required("board").string()
            if !board.hasPrefix("/"), !FileManager.default.fileExists(atPath: board) {
                let repository = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                board = repository.appendingPathComponent(board).path
            }
            return Rig(
                name: try root.required("rig").string(), boardPath: board, bench: try root.required("bench").choice(Rig.Bench.self),
                wires: wires, beamformerReplyTimeout: replyTimeout)
        } catch {
            throw DataFileErrors([error])
        }
    }
}
