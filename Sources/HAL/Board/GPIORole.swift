/// What a GPIO line does on the terminal. The board file names lines by role; the
/// firmware never refers to a raw chip/offset.
package enum GPIORole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Output: enables the transmit chain. The safety interlock; safe state must be inactive.
    case transmitEnable = "transmit_enable"
    /// Output: power to the power amplifier. Safe state must be inactive.
    case paPower = "pa_power"
    /// Output: status LED.
    case statusLED = "status_led"
    /// Output: reset of the beamformer chips (active = held in reset).
    case beamformerReset = "beamformer_reset"
    /// Input: power-amplifier fault (active = fault).
    case faultIn = "fault_in"
    /// Input: over-temperature alarm (active = too hot).
    case overTemperature = "over_temperature"
    /// Input: the transmit-enable line wired back, to prove the output really switched.
    case transmitEnableSense = "transmit_enable_sense"
    /// Input: GNSS pulse per second.
    case gnssPPS = "gnss_pps"

    /// Whether the firmware drives this line (`output`) or reads it (`input`).
    package var direction: GPIODirection {
        switch self {
        case .transmitEnable, .paPower, .statusLED, .beamformerReset: .output
        case .faultIn, .overTemperature, .transmitEnableSense, .gnssPPS: .input
        }
    }

    /// Roles whose power-on (safe) state must be `inactive`: anything that can make the
    /// terminal emit. (Safety invariant 2 in the design notes.)
    package var mustBeSafeInactive: Bool {
        self == .transmitEnable || self == .paPower
    }

    /// Roles every board must wire.
    package static let required: [GPIORole] = [.transmitEnable]
}

/// Direction of a GPIO line.
package enum GPIODirection: String, Sendable, Hashable, Codable {
    case input
    case output
}

/// Logical level of a line, after active-low inversion.
package enum LogicalLevel: String, Sendable, Hashable, Codable {
    case inactive
    case active
}
