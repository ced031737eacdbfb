import Foundation
import HAL

/// What the virtual bench made, as `HIL/vm/bench-up.sh` writes it to `$HIL_BENCH_JSON`: the
/// sysfs files of each role's gpio-sim line, the wires, and each USB gadget's UDC file and
/// emulator record.
package struct VMBenchDescription: Sendable, Decodable {
    /// One GPIO line of the bench, seen from the bench's side.
    package struct Line: Sendable, Decodable {
        /// The chip's label.
        package var chip: String
        /// The line's offset on the chip.
        package var offset: Int
        /// Whether the board declares the line active-low (physical low = active).
        package var activeLow: Bool
        /// `sim_gpioN/value`: the level the line has (what an output drives).
        package var value: String
        /// `sim_gpioN/pull`: what the bench drives on the line (`pull-up` / `pull-down`).
        package var pull: String

        enum CodingKeys: String, CodingKey {
            case chip, offset, value, pull
            case activeLow = "active_low"
        }
    }

    /// An output wired back to an input.
    package struct Wire: Sendable, Decodable {
        /// The output's role.
        package var from: String
        /// The input's role.
        package var to: String
        /// Whether the wire inverts.
        package var inverted: Bool
    }

    /// The GPIO side.
    package struct GPIO: Sendable, Decodable {
        /// Lines by role name.
        package var lines: [String: Line]
        /// Wires.
        package var wires: [Wire]
        /// The wiring loop's process (bench-wires.sh), when wires exist.
        package var wireLoopPID: Int32?

        enum CodingKeys: String, CodingKey {
            case lines, wires
            case wireLoopPID = "wire_loop_pid"
        }
    }

    /// One USB gadget.
    package struct USBDevice: Sendable, Decodable {
        /// `vvvv:pppp`.
        package var id: String
        /// The dummy_hcd UDC it binds to.
        package var udc: String
        /// The gadget's `UDC` file (write "" to unplug, `udc` to plug).
        package var udcFile: String
        /// The emulator's record of applied states (JSON lines).
        package var states: String

        enum CodingKeys: String, CodingKey {
            case id, udc, states
            case udcFile = "udc_file"
        }
    }

    /// The board file the bench was made from.
    package var board: String
    /// The GPIO side.
    package var gpio: GPIO
    /// USB gadgets by role (`beamformer`).
    package var usb: [String: USBDevice]

    /// Reads `path` (bench.json).
    package static func load(path: String) throws -> VMBenchDescription {
        guard let data = FileManager.default.contents(atPath: path) else { throw VMBenchError("cannot read \(path)") }
        do {
            return try JSONDecoder().decode(VMBenchDescription.self, from: data)
        } catch let error as DecodingError {
            throw VMBenchError("\(path): \(Self.describe(error))")
        }
    }

    /// The line of `role`, or an error naming the file's missing role.
    package func line(_ role: GPIORole) throws -> Line {
        guard let line = gpio.lines[role.rawValue] else { throw VMBenchError("bench.json: gpio.lines has no \(role.rawValue)") }
        return line
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing field \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Why the virtual bench cannot run.
package struct VMBenchError: Error, CustomStringConvertible {
    /// What went wrong.
    package var description: String

    /// An error saying `description`.
    package init(_ description: String) { self.description = description }
}
