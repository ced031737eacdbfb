import HAL

extension LinuxGPIO {
    /// Whether `role`'s line is free, without requesting it (`gpiod_line_is_used` /
    /// `gpiod_line_info_is_used`): what `utermd doctor` reports before the daemon starts.
    public func use(of role: GPIORole) throws(GPIOError) -> GPIOLineUse {
        guard let assignment = board.lines[role] else {
            throw GPIOError(kind: .roleNotOnBoard, operation: "look at \(role.rawValue)", reason: "the board assigns no line")
        }
        #if os(Linux)
            let chip = try GPIODLineRequest.openChip(labelled: assignment.chipLabel, in: deviceDirectory, calls: calls)
            let lineCount = calls.chipLineCount(chip.chip)
            guard assignment.offset >= 0, assignment.offset < lineCount else {
                throw GPIOError(
                    kind: .lineOutOfRange, operation: "look at \(role.rawValue)",
                    reason: "chip \(chip.path) has lines 0...\(lineCount - 1)")
            }
            let (usage, status) = calls.lineUsage(chip.chip, UInt32(assignment.offset))
            guard let usage else { throw calls.error("line info of \(role.rawValue)", status) }
            return GPIOLineUse(used: usage.used, consumer: usage.consumer)
        #else
            throw Self.unavailable(role)
        #endif
    }
}
