import HAL

extension LinuxGPIO {
    /// Whether `role`'s line is free, without requesting it (`gpiod_line_is_used` /
    /// `gpiod_line_info_is_used`): what `utermd doctor` reports before the daemon starts.
    package func use(of role: GPIORole) throws(GPIOError) -> GPIOLineUse {
        guard let assignment = board.lines[role] else {
            throw GPIOError(kind: .roleNotOnBoard, operation: "look at \(role.rawValue)", reason: "the board assigns no line")
        }
        #if os(Linux)
            let chip = try GPIODLineRequest.openChip(
                of: assignment, for: "look at \(role.rawValue)", in: deviceDirectory, calls: calls)
            let (usage, status) = calls.lineUsage(chip.chip, UInt32(assignment.offset))
            guard let usage else { throw calls.error("line info of \(role.rawValue)", status) }
            return GPIOLineUse(used: usage.used, consumer: usage.consumer)
        #else
            throw Self.unavailable(role)
        #endif
    }
}
