/// One plan of a policy's service rules: the limits an operator's terms set for a class of
/// subscription. A limit left nil does not apply.
package struct ServicePlan: Sendable, Hashable {
    /// The name the terminal's configuration selects (`service.plan`).
    package var name: String
    /// Whether service continues beyond the coastal band (an ocean plan); without one, the
    /// open sea gives `IN_OCEAN`.
    package var oceanPermitted: Bool
    /// The most consecutive days abroad (UTC days since the terminal was first seen abroad,
    /// reset when seen at home); beyond them, `ROAM_RESTRICTED`.
    package var maximumDaysAbroad: Int?
    /// The most consecutive UTC days with a fix in coastal waters.
    package var maximumConsecutiveCoastalDays: Int?
    /// The most UTC days with a fix in coastal waters per calendar year.
    package var maximumCoastalDaysPerYear: Int?
    /// The highest speed the plan serves, m/s (from `speed_limit_kmh`); faster gives
    /// `MOVING_TOO_FAST_FOR_POLICY`.
    package var speedLimitMetresPerSecond: Double?
    /// For a stationary terminal: how far from its service address it is served, metres;
    /// further gives `TOO_FAR_FROM_SERVICE_ADDRESS`.
    package var serviceRadiusMetres: Double?

    /// Creates a plan.
    package init(
        name: String, oceanPermitted: Bool = true, maximumDaysAbroad: Int? = nil, maximumConsecutiveCoastalDays: Int? = nil,
        maximumCoastalDaysPerYear: Int? = nil, speedLimitMetresPerSecond: Double? = nil, serviceRadiusMetres: Double? = nil
    ) {
        self.name = name
        self.oceanPermitted = oceanPermitted
        self.maximumDaysAbroad = maximumDaysAbroad
        self.maximumConsecutiveCoastalDays = maximumConsecutiveCoastalDays
        self.maximumCoastalDaysPerYear = maximumCoastalDaysPerYear
        self.speedLimitMetresPerSecond = speedLimitMetresPerSecond
        self.serviceRadiusMetres = serviceRadiusMetres
    }

    /// Whether the plan needs to know where the land is (ocean, abroad, coastal limits).
    package var needsRegions: Bool {
        !oceanPermitted || maximumDaysAbroad != nil || maximumConsecutiveCoastalDays != nil
            || maximumCoastalDaysPerYear != nil
    }

    /// Metres per second in one kilometre per hour: 1000 m / 3600 s (SI definition of the hour, BIPM SI Brochure, 9th ed., Table 8).
    package static let metresPerSecondPerKilometrePerHour = 1_000.0 / 3_600.0
}
