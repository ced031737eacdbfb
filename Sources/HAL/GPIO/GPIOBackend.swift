/// Opens a board's GPIO lines by role.
///
/// A backend is built over one `BoardProfile` and refuses an invalid one. It finds each
/// role's chip by label (never by number) and requests the line with the board's
/// active-low, bias and safe state. Two implementations: `LinuxGPIO` (libgpiod) and
/// `SimulatedGPIO` (in memory).
package protocol GPIOBackend: AnyObject {
    /// The handle type of output lines.
    associatedtype OutputLine: GPIOOutputLine
    /// The handle type of input lines.
    associatedtype InputLine: GPIOInputLine

    /// The board whose lines this backend opens.
    var board: BoardProfile { get }

    /// Requests the output line of `role`, driven to the board's safe state from the start.
    /// Throws `roleNotOnBoard`, `wrongDirection`, `chipNotFound`, `busy`, ...
    func openOutput(_ role: GPIORole) throws(GPIOError) -> OutputLine

    /// Requests the input line of `role`, with edge detection on both edges when
    /// `edgeEvents` is true.
    func openInput(_ role: GPIORole, edgeEvents: Bool) throws(GPIOError) -> InputLine
}

extension GPIOBackend {
    /// Requests the input line of `role` with edge detection on both edges.
    package func openInput(_ role: GPIORole) throws(GPIOError) -> InputLine {
        try openInput(role, edgeEvents: true)
    }

    /// Requests every output line the board declares, each at its safe state. If one fails,
    /// those already opened are released (back to their safe states) as the error propagates.
    package func openAllOutputs() throws(GPIOError) -> [GPIORole: OutputLine] {
        var lines: [GPIORole: OutputLine] = [:]
        for role in GPIORole.allCases where role.direction == .output && board.lines[role] != nil {
            lines[role] = try openOutput(role)
        }
        return lines
    }
}
