/// One problem in a board description, located by the field it concerns.
package struct BoardIssue: Sendable, Hashable, CustomStringConvertible {
    /// Dotted path of the field, e.g. `gpio.lines.fault_in.line`.
    package var field: String
    /// What is wrong.
    package var message: String

    /// Builds an issue.
    package init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    package var description: String { "\(field): \(message)" }
}

extension BoardProfile {
    /// The most lines one GPIO chip can have: the kernel's `struct gpio_chip` counts them in
    /// a `u16` (`ngpio`). A larger count is a typo, and would size the simulated chip's tables.
    package static let maximumChipLineCount = 65_535

    /// Checks the rules that the file format alone cannot: chips exist, offsets are in
    /// range, no two roles share a line, required roles are present, and lines that can
    /// make the terminal emit power on inactive. Returns every problem found (empty = valid).
    package func validate() -> [BoardIssue] {
        var issues: [BoardIssue] = []
        var labels: Set<String> = []
        for (index, chip) in chips.enumerated() {
            if !labels.insert(chip.label).inserted {
                issues.append(.init(field: "gpio.chips[\(index)].label", message: "chip \"\(chip.label)\" is declared twice"))
            }
            if !(1...Self.maximumChipLineCount).contains(chip.lineCount) {
                issues.append(
                    .init(
                        field: "gpio.chips[\(index)].lines",
                        message: "a chip has 1...\(Self.maximumChipLineCount) lines, got \(chip.lineCount)"))
            }
        }
        for role in GPIORole.required where lines[role] == nil {
            issues.append(.init(field: "gpio.lines.\(role.rawValue)", message: "required role is missing"))
        }
        var owners: [String: GPIORole] = [:]
        for role in GPIORole.allCases {
            guard let line = lines[role] else { continue }
            issues += check(line, of: role, owners: &owners)
        }
        return issues
    }

    private func check(_ line: GPIOLineAssignment, of role: GPIORole, owners: inout [String: GPIORole]) -> [BoardIssue] {
        let field = "gpio.lines.\(role.rawValue)"
        var issues: [BoardIssue] = []
        if let chip = chip(labelled: line.chipLabel) {
            if line.offset < 0 || line.offset >= chip.lineCount {
                issues.append(
                    .init(
                        field: field + ".line",
                        message:
                            "offset \(line.offset) is out of range: chip \"\(chip.label)\" has lines 0...\(chip.lineCount - 1)"))
            }
        } else {
            issues.append(.init(field: field + ".chip", message: "chip \"\(line.chipLabel)\" is not declared in gpio.chips"))
        }
        let key = "\(line.chipLabel)#\(line.offset)"
        if let other = owners[key] {
            issues.append(
                .init(
                    field: field + ".line",
                    message:
                        "line \(line.offset) of chip \"\(line.chipLabel)\" is used by both \(other.rawValue) and \(role.rawValue)"
                ))
        } else {
            owners[key] = role
        }
        switch role.direction {
        case .output:
            if line.safeState == nil {
                issues.append(
                    .init(field: field + ".safe", message: "an output needs a safe (power-on) state: inactive or active"))
            } else if role.mustBeSafeInactive && line.safeState != .inactive {
                issues.append(
                    .init(
                        field: field + ".safe",
                        message: "\(role.rawValue) can make the terminal emit: its safe state must be inactive"))
            }
            if line.bias != .asIs {
                issues.append(.init(field: field + ".bias", message: "bias applies to inputs only"))
            }
        case .input:
            if line.safeState != nil {
                issues.append(.init(field: field + ".safe", message: "an input has no safe state to drive"))
            }
        }
        return issues
    }
}
