import Foundation
import Geofence

/// A policy file's `service_rules:` section (optional): the land regions the plan rules
/// measure against and the operator's plans.
/// ```yaml
/// service_rules:
///   coastal_band_nm: 12              # optional; default 12 (territorial sea)
///   regions:                          # land areas: feature | circle | polygon, as zones
///     - { name: Uruguay, feature: { iso: URY } }
///   plans:
///     - name: residential
///       ocean: false                  # required: service beyond the coastal band?
///       speed_limit_kmh: 160          # optional limits, each its own rule
///       service_radius_km: 5          # stationary terminals: distance from the address
///       max_days_abroad: 60
///       max_consecutive_coastal_days: 2
///       max_coastal_days_per_year: 30
/// ```
enum PolicyServiceRulesSection {
    /// The section as read, before its regions are compiled.
    struct Parsed {
        var coastalBandMetres: Double
        var regions: [(PolicyZoneDescription, DataNode)]
        var plans: [ServicePlan]
    }

    static let planKeys: Set<String> = [
        "name", "ocean", "speed_limit_kmh", "service_radius_km", "max_days_abroad", "max_consecutive_coastal_days",
        "max_coastal_days_per_year",
    ]

    static func parse(_ node: DataNode) throws(DataFileError) -> Parsed {
        try node.rejectUnknownKeys(["coastal_band_nm", "regions", "plans"])
        var band = MaritimeDistance.territorialSeaMetres
        if let bandNode = try node.optional("coastal_band_nm") {
            let value = try bandNode.double()
            guard value >= 0, value <= 200 else { throw bandNode.error("the coastal band must be within 0...200 nm") }
            band = MaritimeDistance.metres(nauticalMiles: value)
        }
        var regions: [(PolicyZoneDescription, DataNode)] = []
        for regionNode in try node.optional("regions")?.elements() ?? [] {
            let region = try self.region(regionNode)
            if regions.contains(where: { $0.0.name == region.name }) {
                throw (regionNode.locate("name") ?? regionNode).error("region name \"\(region.name)\" is used twice")
            }
            regions.append((region, regionNode))
        }
        var plans: [ServicePlan] = []
        for planNode in try node.required("plans").elements() {
            let plan = try self.plan(planNode)
            if plans.contains(where: { $0.name == plan.name }) {
                throw (planNode.locate("name") ?? planNode).error("plan name \"\(plan.name)\" is used twice")
            }
            if plan.needsRegions && regions.isEmpty {
                throw planNode.error(
                    "plan \"\(plan.name)\" limits the ocean, days abroad or coastal days, but service_rules has no regions")
            }
            plans.append(plan)
        }
        return Parsed(coastalBandMetres: band, regions: regions, plans: plans)
    }

    private static func region(_ node: DataNode) throws(DataFileError) -> PolicyZoneDescription {
        try node.rejectUnknownKeys(["name", "feature", "circle", "polygon"])
        let nameNode = try node.required("name")
        let name = try nameNode.string()
        guard !name.isEmpty else { throw nameNode.error("the region needs a name") }
        var shapes: [DataNode] = []
        for key in ["feature", "circle", "polygon"] {
            if let shape = try node.optional(key) { shapes.append(shape) }
        }
        guard shapes.count == 1, let shapeNode = shapes.first else {
            throw node.error("\(shapes.isEmpty ? "no shape" : "more than one shape"): give exactly one of feature, circle, polygon")
        }
        let shape: PolicyZoneDescription.Shape
        switch shapeNode.field.split(separator: ".").last {
        case "feature": shape = .feature(try PolicyZoneSection.selector(shapeNode))
        case "circle": shape = try PolicyZoneSection.circle(shapeNode)
        default: shape = .polygon(try PolicyZoneSection.ring(shapeNode))
        }
        return PolicyZoneDescription(name: name, action: .allow, shape: shape)
    }

    private static func plan(_ node: DataNode) throws(DataFileError) -> ServicePlan {
        try node.rejectUnknownKeys(planKeys)
        let nameNode = try node.required("name")
        let name = try nameNode.string()
        guard !name.isEmpty else { throw nameNode.error("the plan needs a name") }
        var plan = ServicePlan(name: name, oceanPermitted: try node.required("ocean").bool())
        func positive(_ key: String) throws(DataFileError) -> Double? {
            guard let valueNode = try node.optional(key) else { return nil }
            let value = try valueNode.double()
            guard value > 0, value.isFinite else { throw valueNode.error("\(key) must be positive") }
            return value
        }
        func days(_ key: String) throws(DataFileError) -> Int? {
            guard let valueNode = try node.optional(key) else { return nil }
            let value = try valueNode.int()
            guard value >= 0, value <= 366 * 10 else { throw valueNode.error("\(key) must be within 0...3660 days") }
            return value
        }
        plan.speedLimitMetresPerSecond = try positive("speed_limit_kmh").map { $0 * ServicePlan.metresPerSecondPerKilometrePerHour }
        plan.serviceRadiusMetres = try positive("service_radius_km").map { $0 * 1_000 }
        plan.maximumDaysAbroad = try days("max_days_abroad")
        plan.maximumConsecutiveCoastalDays = try days("max_consecutive_coastal_days")
        plan.maximumCoastalDaysPerYear = try days("max_coastal_days_per_year")
        return plan
    }

    /// Compiles the regions (features from the file's GeoJSON block).
    static func build(_ parsed: Parsed, document: GeoJSONDocument?) throws(DataFileError) -> ServiceRules {
        var zones: [Zone] = []
        for (region, node) in parsed.regions {
            zones.append(try PolicyZoneSection.build(region, node: node, document: document))
        }
        return ServiceRules(
            regions: zones.isEmpty ? nil : ServiceRegions(zones: zones, coastalBandMetres: parsed.coastalBandMetres),
            plans: parsed.plans)
    }
}
