import HAL

/// The GPIO lines of a board on this Linux machine, through libgpiod 1.6 or 2.x (whichever
/// is installed: `LibGPIODLoader.swift`).
///
/// Each role's chip is found by label among `/dev/gpiochip*` (never by number: numbers move
/// between kernels), the line requested with the board's active-low and bias flags under
/// the consumer name `utermd`, outputs starting at the board's safe state. On a platform
/// without libgpiod (macOS) opening a line throws `unavailableOnPlatform`; on Linux without
/// the library installed, creating the backend throws `libraryNotFound`.
///
/// ```swift
/// let gpio = try LinuxGPIO(board: board)
/// let transmit = try gpio.openOutput(.transmitEnable)   // at its safe state: inactive
/// let fault = try gpio.openInput(.faultIn)               // both edges reported
/// ```
package final class LinuxGPIO: GPIOBackend {
    /// The board whose lines this backend opens.
    package let board: BoardProfile
    /// Where the GPIO character devices are.
    package let deviceDirectory: String
    #if os(Linux)
        let calls: GPIODCalls
    #endif

    /// A backend over `board`, which must pass `BoardProfile.validate()` (else `invalidBoard`).
    /// Opens nothing yet.
    package convenience init(board: BoardProfile, deviceDirectory: String = "/dev") throws(GPIOError) {
        #if os(Linux)
            try board.requireValid()
            try self.init(board: board, deviceDirectory: deviceDirectory, calls: GPIODCalls.live())
        #else
            try board.requireValid()
            self.init(checkedBoard: board, deviceDirectory: deviceDirectory)
        #endif
    }

    #if os(Linux)
        /// A backend calling libgpiod through `calls` (tests pass a recording fake).
        init(board: BoardProfile, deviceDirectory: String, calls: GPIODCalls) throws(GPIOError) {
            try board.requireValid()
            self.board = board
            self.deviceDirectory = deviceDirectory
            self.calls = calls
        }
    #else
        private init(checkedBoard board: BoardProfile, deviceDirectory: String) {
            self.board = board
            self.deviceDirectory = deviceDirectory
        }
    #endif

    /// Requests `role`'s line as an output at the board's safe state (each chip opened and
    /// its label read until the board's is found, then the line requested).
    package func openOutput(_ role: GPIORole) throws(GPIOError) -> LinuxGPIOOutputLine {
        let resolved = try board.resolveLine(role, as: .output)
        #if os(Linux)
            let safeState = resolved.safeState ?? .inactive
            let request = try GPIODLineRequest(
                resolved, mode: .output(safeState: safeState), deviceDirectory: deviceDirectory, calls: calls)
            return LinuxGPIOOutputLine(role: role, safeState: safeState, request: request)
        #else
            throw Self.unavailable(role)
        #endif
    }

    /// Requests `role`'s line as an input, with edge detection on both edges when
    /// `edgeEvents`.
    package func openInput(_ role: GPIORole, edgeEvents: Bool) throws(GPIOError) -> LinuxGPIOInputLine {
        let resolved = try board.resolveLine(role, as: .input)
        #if os(Linux)
            let request = try GPIODLineRequest(
                resolved, mode: edgeEvents ? .bothEdgeEvents : .input, deviceDirectory: deviceDirectory, calls: calls)
            return LinuxGPIOInputLine(role: role, reportsEdges: edgeEvents, request: request)
        #else
            throw Self.unavailable(role)
        #endif
    }

    /// Why this backend cannot open lines here, or nil when it can: not Linux, or no
    /// libgpiod installed.
    package static var unavailableReason: String? {
        #if os(Linux)
            if case .failure(let error) = LibGPIODLibrary.shared { return error.description }
            return nil
        #else
            "built without libgpiod (not Linux): GPIO lines exist only in the simulation"
        #endif
    }

    static func unavailable(_ role: GPIORole) -> GPIOError {
        GPIOError(kind: .unavailableOnPlatform, operation: "open \(role.rawValue)", reason: unavailableReason ?? "")
    }
}
