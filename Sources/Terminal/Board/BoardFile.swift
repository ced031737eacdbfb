import Beam
import Foundation
import HAL
import Orbit

/// Everything a board file says: the hardware wiring and the phased array it drives.
package struct BoardDescription: Sendable {
    /// GPIO roles, chips and USB devices.
    package var hardware: BoardProfile
    /// The phased array (the `array:` section, or the Gen-1-like default).
    package var array: ArrayDescription
    /// The networks the hardware can use (bands, array, modem): the `constellations:` list,
    /// Starlink alone when the file has none.
    package var constellations: [Constellation] = [.starlink]

    /// The board's short name.
    package var name: String { hardware.name }
}

/// Reads and checks board files (`Boards/*.yaml`; the format is described in
/// `Boards/README.md`). Every problem is reported, each naming the file, line and field.
package enum BoardFile {
    /// The format version this firmware reads.
    package static let formatVersion = 1

    /// Loads and validates a board file from disk.
    package static func load(path: String) throws(DataFileErrors) -> BoardDescription {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileErrors([DataFileError(file: path, field: "", message: "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileErrors([DataFileError(file: path, field: "", message: "not UTF-8 text")])
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses and validates a board file's text; `file` names it in messages.
    package static func parse(yaml: String, file: String) throws(DataFileErrors) -> BoardDescription {
        let root: DataNode
        do {
            root = try DataNode.parse(yaml: yaml, file: file)
        } catch {
            throw DataFileErrors([error])
        }
        var problems: [DataFileError] = []
        func attempt<T>(_ body: () throws(DataFileError) -> T) -> T? {
            do { return try body() } catch {
                problems.append(error)
                return nil
            }
        }
        _ = attempt { () throws(DataFileError) in
            try root.rejectUnknownKeys(["format", "board", "summary", "gpio", "usb", "array", "constellations"])
        }
        if let format = attempt({ () throws(DataFileError) in try root.required("format") }),
            let version = attempt({ () throws(DataFileError) in try format.int() }), version != formatVersion
        {
            problems.append(format.error("format \(version) is not supported (this utermd reads format \(formatVersion))"))
        }
        let name = attempt { () throws(DataFileError) in try root.required("board").string() } ?? ""
        let summary = attempt { () throws(DataFileError) in try root.optional("summary")?.string() } ?? nil
        var chips: [GPIOChipDescription] = []
        var lines: [GPIORole: GPIOLineAssignment] = [:]
        if let gpio = attempt({ () throws(DataFileError) in try root.required("gpio") }) {
            _ = attempt { () throws(DataFileError) in try gpio.rejectUnknownKeys(["chips", "lines"]) }
            for chip in attempt({ () throws(DataFileError) in try gpio.required("chips").elements() }) ?? [] {
                if let parsed = attempt({ () throws(DataFileError) in try parseChip(chip) }) { chips.append(parsed) }
            }
            let entries: [(key: String, value: DataNode)] =
                attempt({ () throws(DataFileError) in try gpio.required("lines").entries() }) ?? []
            for (key, entry) in entries {
                guard let role = GPIORole(rawValue: key) else {
                    problems.append(entry.error("unknown role (known roles: \(GPIORole.allCases.map(\.rawValue).joined(separator: ", ")))"))
                    continue
                }
                if let parsed = attempt({ () throws(DataFileError) in try parseLine(entry) }) { lines[role] = parsed }
            }
        }
        var usb: [USBRole: USBDeviceAssignment] = [:]
        let usbEntries: [(key: String, value: DataNode)] =
            attempt({ () throws(DataFileError) in try root.optional("usb")?.entries() ?? [] }) ?? []
        for (key, entry) in usbEntries {
            guard let role = USBRole(rawValue: key) else {
                problems.append(entry.error("unknown USB role (known roles: \(USBRole.allCases.map(\.rawValue).joined(separator: ", ")))"))
                continue
            }
            if let parsed = attempt({ () throws(DataFileError) in try parseUSB(entry) }) { usb[role] = parsed }
        }
        var array = ArrayDescription()
        if let section = attempt({ () throws(DataFileError) in try root.optional("array") }) ?? nil,
            let parsed = attempt({ () throws(DataFileError) in try ArraySection.parse(section) })
        {
            array = parsed
        }
        var constellations: [Constellation] = [.starlink]
        if let list = attempt({ () throws(DataFileError) in try root.optional("constellations") }) ?? nil {
            constellations = []
            for item in attempt({ () throws(DataFileError) in try list.elements() }) ?? [] {
                guard let text = attempt({ () throws(DataFileError) in try item.string() }) else { continue }
                guard let network = Constellation(rawValue: text) else {
                    problems.append(item.error("unknown constellation \"\(text)\" (known: \(Constellation.knownNames))"))
                    continue
                }
                if constellations.contains(network) {
                    problems.append(item.error("constellation \"\(text)\" is listed twice"))
                } else {
                    constellations.append(network)
                }
            }
            if constellations.isEmpty && problems.isEmpty {
                problems.append(list.error("the board must be able to use at least one constellation"))
            }
        }
        let profile = BoardProfile(name: name, summary: summary ?? "", chips: chips, lines: lines, usbDevices: usb)
        if problems.isEmpty {
            for issue in profile.validate() {
                let node = root.locate(issue.field)
                problems.append(DataFileError(
                    file: file, line: node?.node.mark?.line, column: node?.node.mark?.column,
                    field: issue.field, message: issue.message))
            }
        }
        guard problems.isEmpty else {
            throw DataFileErrors(problems.sorted { ($0.line ?? .max, $0.column ?? 0) < ($1.line ?? .max, $1.column ?? 0) })
        }
        return BoardDescription(hardware: profile, array: array, constellations: constellations)
    }

    private static func parseChip(_ node: DataNode) throws(DataFileError) -> GPIOChipDescription {
        try node.rejectUnknownKeys(["label", "lines"])
        return GPIOChipDescription(label: try node.required("label").string(), lineCount: try node.required("lines").int())
    }

    private static func parseLine(_ node: DataNode) throws(DataFileError) -> GPIOLineAssignment {
        try node.rejectUnknownKeys(["chip", "line", "active_low", "safe", "bias"])
        return GPIOLineAssignment(
            chipLabel: try node.required("chip").string(),
            offset: try node.required("line").int(),
            activeLow: try node.required("active_low").bool(),
            safeState: try node.optional("safe")?.choice(LogicalLevel.self),
            bias: try node.optional("bias")?.choice(GPIOBias.self) ?? .asIs)
    }

    private static func parseUSB(_ node: DataNode) throws(DataFileError) -> USBDeviceAssignment {
        try node.rejectUnknownKeys(["id", "serial"])
        let idNode = try node.required("id")
        guard let id = USBIdentifier(try idNode.string()) else {
            throw idNode.error("expected vendor:product in hexadecimal, e.g. \"0456:b673\"")
        }
        return USBDeviceAssignment(id: id, serial: try node.optional("serial")?.string())
    }
}

extension LogicalLevel: CaseIterable {
    package static let allCases: [LogicalLevel] = [.inactive, .active]
}
