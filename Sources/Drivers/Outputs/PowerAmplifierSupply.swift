import HAL

/// The power amplifier's supply (`pa_power`): on only while the terminal wants it and no
/// hardware fault is present; off within the update that sees a fault.
///
/// It is the second barrier behind the transmit interlock: the interlock switches
/// `transmit_enable`, this switches the PA's power, so a `transmit_enable` stuck active
/// (a `TransmitLineFault`) still ends emission when Terminal passes that fault here.
/// Writes the line only when the level changes. Use from the tick thread.
public final class PowerAmplifierSupply {
    private let line: any GPIOOutputLine
    /// Whether the supply is commanded on.
    public private(set) var isPowered = false

    /// A supply on the `pa_power` line, opened at its safe state (off).
    public init(line: any GPIOOutputLine) {
        self.line = line
    }

    /// Powers the PA when `wanted` and no `fault`; otherwise removes power now. Returns
    /// whether it is powered. A failed write leaves `isPowered` false and throws (Terminal
    /// counts it as a hardware fault).
    @discardableResult
    public func update(wanted: Bool, fault: Bool) throws(GPIOError) -> Bool {
        let target = wanted && !fault
        guard target != isPowered else { return isPowered }
        if target {
            try line.set(.active)
            isPowered = true
        } else {
            isPowered = false
            try line.set(.inactive)
        }
        return isPowered
    }
}
