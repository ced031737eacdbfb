import Geofence
import Terminal

/// The `safety:` section: how fast the position's uncertainty grows without a fresh fix, how
/// long the loop must be healthy again before transmit may return, how far GNSS time and the
/// system clock may disagree. Every field has a default that errs on the safe side.
package struct SafetySettings: Sendable, Hashable {
    /// The platform's mobility class (its speed floor).
    package var mobility: MobilityClass = .mobile
    /// Overrides the class's speed floor, m/s.
    package var speedFloorMetresPerSecond: Double?
    /// After missed deadlines, how long the loop must meet them again, milliseconds.
    package var loopRecoveryMilliseconds: Int = 2_000
    /// The largest GNSS-time-against-system-clock difference that is not a fault, milliseconds.
    package var maximumClockDisagreementMilliseconds: Int = 3_000

    /// The defaults.
    package init() {}

    /// The speed floor in force, m/s.
    package var effectiveSpeedFloorMetresPerSecond: Double {
        speedFloorMetresPerSecond ?? mobility.speedFloorMetresPerSecond
    }
}

extension ConfigReader {
    /// `safety: { mobility, speed_floor_mps, loop_recovery_ms, max_clock_disagreement_ms }`, all optional.
    mutating func safety(_ root: DataNode) -> SafetySettings {
        var settings = SafetySettings()
        guard let section = attempt({ () throws(DataFileError) in try root.optional("safety") }) ?? nil else { return settings }
        attempt { () throws(DataFileError) in
            try section.rejectUnknownKeys(["mobility", "speed_floor_mps", "loop_recovery_ms", "max_clock_disagreement_ms"])
        }
        if let mobility = attempt({ () throws(DataFileError) in try section.optional("mobility")?.choice(MobilityClass.self) }) ?? nil {
            settings.mobility = mobility
        }
        if let node = attempt({ () throws(DataFileError) in try section.optional("speed_floor_mps") }) ?? nil {
            settings.speedFloorMetresPerSecond = attempt { () throws(DataFileError) in try Self.number(node, in: 0...1_000) }
        }
        if let node = attempt({ () throws(DataFileError) in try section.optional("loop_recovery_ms") }) ?? nil,
            let value = attempt({ () throws(DataFileError) in try Self.integer(node, in: 0...600_000) })
        {
            settings.loopRecoveryMilliseconds = value
        }
        if let node = attempt({ () throws(DataFileError) in try section.optional("max_clock_disagreement_ms") }) ?? nil,
            let value = attempt({ () throws(DataFileError) in try Self.integer(node, in: 1...3_600_000) })
        {
            settings.maximumClockDisagreementMilliseconds = value
        }
        return settings
    }
}
