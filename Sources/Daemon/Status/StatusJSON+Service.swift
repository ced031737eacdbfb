import Geofence

extension StatusJSON {
    /// `/status`'s `service`: the service rules' decision — the dish's `disablement_code`, the
    /// constellations that may transmit, where the fix is for the plan rules, and the
    /// measurements behind the code.
    static func service(_ decision: ServiceDecision, plan: String? = nil) -> JSONValue {
        .object([
            ("disablement_code", .string(decision.code.rawValue)),
            ("plan", .optional(plan)),
            ("permitted_constellations", .array(decision.permittedConstellations.names.map { .string($0.rawValue) })),
            ("zone_permitted_constellations", .array(decision.zonePermittedConstellations.names.map { .string($0.rawValue) })),
            ("place", decision.place.map { .string($0.kind) } ?? .null),
            ("speed_kmh", .number(decision.measuredSpeedMetresPerSecond / ServicePlan.metresPerSecondPerKilometrePerHour)),
            ("distance_from_service_address_m", .number(decision.distanceFromServiceAddressMetres)),
            ("days_abroad", .int(Int64(decision.daysAbroad))),
            ("consecutive_coastal_days", .int(Int64(decision.consecutiveCoastalDays))),
            ("coastal_days_this_year", .int(Int64(decision.coastalDaysThisYear))),
        ])
    }
}
