import HAL

/// What the status LED shows, one pattern per kind of terminal state.
///
/// | pattern | looks like | terminal state |
/// |---|---|---|
/// | `off` | dark | not running, shutting down |
/// | `slowBlink` | 500 ms on, 500 ms off | searching: no fix, no UTC, no satellite yet |
/// | `solid` | on | tracking, transmit allowed |
/// | `fastBlink` | 125 ms on, 125 ms off | fault (PA fault, over-temperature, stuck line, beamformer lost) |
/// | `doubleBlink` | two 100 ms flashes per second | restricted: geofence or policy forbids transmitting here |
///
/// The level is a pure function of time, so every LED on a bench blinks in step and a test
/// can state the exact trace.
package enum StatusLEDPattern: String, Sendable, Hashable, CaseIterable {
    case off
    case slowBlink = "slow_blink"
    case solid
    case fastBlink = "fast_blink"
    case doubleBlink = "double_blink"

    /// The LED's level `milliseconds` after the pattern clock's origin.
    package func level(atMilliseconds milliseconds: UInt64) -> LogicalLevel {
        let lit: Bool
        switch self {
        case .off: lit = false
        case .solid: lit = true
        case .slowBlink: lit = milliseconds % 1000 < 500
        case .fastBlink: lit = milliseconds % 250 < 125
        case .doubleBlink:
            let phase = milliseconds % 1000
            lit = phase < 100 || (200..<300).contains(phase)
        }
        return lit ? .active : .inactive
    }
}

/// Drives the status LED (`status_led`) from a pattern and the tick counter; writes the line
/// only when the level changes, so a solid LED costs no GPIO call per tick. Use from the tick
/// thread; allocates nothing.
package final class StatusLED {
    private let line: any GPIOOutputLine
    private let tickPeriodNanoseconds: UInt64
    /// The level last written.
    package private(set) var level: LogicalLevel = .inactive
    /// The pattern of the last update.
    package private(set) var pattern: StatusLEDPattern = .off

    /// An LED on `line` (opened at its safe state), updated every `tickPeriodNanoseconds`.
    package init(line: any GPIOOutputLine, tickPeriodNanoseconds: UInt64) {
        self.line = line
        self.tickPeriodNanoseconds = max(1, tickPeriodNanoseconds)
        level = line.safeState
    }

    /// Reads back the level the line is driven to (a chip that stopped answering throws).
    package func verifyLine() throws(GPIOError) {
        _ = try line.read()
    }

    /// Shows `pattern` as of tick number `tick` (the loop's counter from 0).
    package func update(_ pattern: StatusLEDPattern, tick: UInt64) throws(GPIOError) {
        self.pattern = pattern
        let (nanoseconds, overflow) = tick.multipliedReportingOverflow(by: tickPeriodNanoseconds)
        let target = pattern.level(atMilliseconds: (overflow ? .max : nanoseconds) / 1_000_000)
        guard target != level else { return }
        try line.set(target)
        level = target
    }
}
