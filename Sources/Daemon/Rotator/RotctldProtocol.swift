import Foundation

/// What the rotctld endpoint needs from the terminal: where the beam points, and a way to stow.
package struct RotatorProvider: Sendable {
    /// The current beam direction: (azimuth, elevation), degrees.
    package var beamDirection: @Sendable () -> (azimuthDegrees: Double, elevationDegrees: Double)
    /// Asks the terminal to stow (transmit off, lines safe); true if the request was taken.
    package var park: @Sendable () -> Bool
    /// The answer to `_` (get_info).
    package var info: String

    /// Builds a provider.
    package init(
        beamDirection: @escaping @Sendable () -> (azimuthDegrees: Double, elevationDegrees: Double),
        park: @escaping @Sendable () -> Bool, info: String
    ) {
        self.beamDirection = beamDirection
        self.park = park
        self.info = info
    }
}

/// Hamlib's rotctld protocol (rotctld(1), the "NET rotctl" backend, model 2), as far as a
/// phased array that points itself can honestly speak it. One command per line; "get"
/// commands answer with values one per line, "set" commands with `RPRT n` (0 = done, negative
/// = a Hamlib error code). A leading `+` asks for the extended response (the command's long
/// name, `Key: value` lines, `RPRT n`).
///
/// | command | answer |
/// |---|---|
/// | `p`, `\get_pos` | `AZ\nEL\n`: the commanded beam direction, degrees |
/// | `P az el`, `\set_pos` | `RPRT -9` (`RIG_ERJCTED`, "command rejected"): the terminal chooses its own satellites, so it refuses to be pointed (no silent accept-and-ignore: a client must not believe it moved the beam) |
/// | `S`, `\stop` | `RPRT 0`: there is no motion to stop |
/// | `K`, `\park` | stow request → `RPRT 0` (or `RPRT -9` if refused) |
/// | `M dir speed`, `\move` | `RPRT -9` |
/// | `R`, `\reset` | `RPRT -4` (`RIG_ENIMPL`) |
/// | `_`, `\get_info` | the info line |
/// | `\dump_state` | protocol 1 capability block: azimuth 0–360°, elevation 0–90° (what `rotctl -m 2` asks first) |
/// | `q`, `Q` | closes the connection |
/// | anything else | `RPRT -1` (`RIG_EINVAL`) |
package struct RotctldProtocol: Sendable {
    /// Hamlib error codes used here (hamlib/rig.h `rig_errcode_e`, negated on the wire).
    package enum ErrorCode: Int, Sendable {
        /// `RIG_OK`.
        case ok = 0
        /// `RIG_EINVAL`: invalid parameter.
        case invalid = -1
        /// `RIG_ENIMPL`: function not implemented.
        case notImplemented = -4
        /// `RIG_ERJCTED`: command rejected by the rig.
        case rejected = -9
    }

    /// What to do after a line.
    package enum Reply: Sendable, Hashable {
        /// Send this text.
        case send(String)
        /// Close the connection.
        case close
    }

    private let provider: RotatorProvider

    /// A protocol over a provider.
    package init(provider: RotatorProvider) { self.provider = provider }

    /// The reply to one line (without its newline).
    package func reply(to line: String) -> Reply {
        var text = Substring(line.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r")))
        let extended = text.first == "+"
        if extended { text = text.dropFirst() }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let head = words.first else { return .send("") }
        let arguments = words.dropFirst().map(String.init)
        switch head {
        case "q", "Q", "\\quit":
            return .close
        case "p", "\\get_pos":
            let (azimuth, elevation) = provider.beamDirection()
            if extended {
                return .send("get_pos:\nAzimuth: \(Self.degrees(azimuth))\nElevation: \(Self.degrees(elevation))\nRPRT 0\n")
            }
            return .send("\(Self.degrees(azimuth))\n\(Self.degrees(elevation))\n")
        case "P", "\\set_pos":
            guard arguments.count == 2, arguments.allSatisfy({ Double($0)?.isFinite == true }) else {
                return .send(Self.report(.invalid, extended ? "set_pos: \(arguments.joined(separator: " "))" : nil))
            }
            return .send(Self.report(.rejected, extended ? "set_pos: \(arguments.joined(separator: " "))" : nil))
        case "S", "\\stop":
            return .send(Self.report(.ok, extended ? "stop:" : nil))
        case "K", "\\park":
            return .send(Self.report(provider.park() ? .ok : .rejected, extended ? "park:" : nil))
        case "M", "\\move":
            return .send(Self.report(.rejected, extended ? "move: \(arguments.joined(separator: " "))" : nil))
        case "R", "\\reset":
            return .send(Self.report(.notImplemented, extended ? "reset: \(arguments.joined(separator: " "))" : nil))
        case "_", "\\get_info":
            let info = provider.info.replacingOccurrences(of: "\n", with: " ")
            return .send(extended ? "get_info:\nInfo: \(info)\nRPRT 0\n" : "\(info)\n")
        case "\\dump_state":
            return .send(extended ? Self.extendedDumpState : Self.dumpState)
        default:
            return .send(Self.report(.invalid, nil))
        }
    }

    /// The capability block `rotctl -m 2` reads on connecting (rotctld protocol version 1):
    /// version, rotator model (1, Hamlib's "dummy": a rotator Hamlib does not drive itself),
    /// limits, `done`.
    package static let dumpState =
        "1\n1\nmin_az=0.000000\nmax_az=360.000000\nmin_el=0.000000\nmax_el=90.000000\nsouth_zero=0\nrot_type=AzEl\ndone\n"

    private static let extendedDumpState =
        "dump_state:\nrotctld Protocol Ver: 1\nRotor Model: 1\nMinimum Azimuth: 0.000000\nMaximum Azimuth: 360.000000\n"
        + "Minimum Elevation: 0.000000\nMaximum Elevation: 90.000000\nSouth Zero: 0\nrot_type=AzEl\ndone\nRPRT 0\n"

    private static func report(_ code: ErrorCode, _ extendedHeader: String?) -> String {
        (extendedHeader.map { "\($0)\n" } ?? "") + "RPRT \(code.rawValue)\n"
    }

    /// Degrees with two decimals, as Hamlib's rotctld prints them (`%.2f`); NaN → 0.00.
    static func degrees(_ value: Double) -> String {
        guard value.isFinite else { return "0.00" }
        let hundredths = Int64((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths != 0 ? "-" : ""
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
