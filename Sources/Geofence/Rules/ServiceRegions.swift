/// Where a position is, for the plan rules: on a region's land, in its coastal waters (within
/// the coastal band of it), or at sea beyond every band.
package enum ServicePlace: Sendable, Hashable, BitwiseCopyable {
    /// On the land of the region with this index.
    case land(region: Int)
    /// In the coastal waters of the region with this index (outside it, within the band).
    case coastal(region: Int)
    /// Beyond the coastal band of every region.
    case ocean

    /// The region's index, if any.
    package var region: Int? {
        switch self {
        case .land(let region), .coastal(let region): region
        case .ocean: nil
        }
    }

    /// `land`, `coastal` or `ocean`, for logs and the status API.
    package var kind: String {
        switch self {
        case .land: "land"
        case .coastal: "coastal"
        case .ocean: "ocean"
        }
    }
}

/// The land areas (countries) the service rules know, each a ``Zone`` without buffer, and the
/// breadth of the coastal band round them.
///
/// The band defaults to the territorial sea, 12 nautical miles (``MaritimeDistance``); distances
/// are the zones' boundary distances (see ``Zone``), so the band is measured from the
/// coastline drawn, not from a state's declared baselines. A position in several bands (a
/// strait) belongs to the nearest region; on land, to the region containing it.
package struct ServiceRegions: Sendable {
    /// The regions, in the order of the policy file.
    package let zones: [Zone]
    /// Breadth of the coastal band, metres.
    package let coastalBandMetres: Double

    /// Regions with a coastal band of `coastalBandMetres` (default 12 nm).
    package init(zones: [Zone], coastalBandMetres: Double = MaritimeDistance.territorialSeaMetres) {
        self.zones = zones
        self.coastalBandMetres = max(coastalBandMetres, 0)
    }

    /// The index of the region named `name`.
    package func index(named name: String) -> Int? { zones.firstIndex { $0.name == name } }

    /// Where `coordinate` is. Allocation-free (one bounded distance search per region).
    package func place(of coordinate: GeodeticCoordinate) -> ServicePlace {
        var nearest = -1
        var nearestDistance = Double.infinity
        for (index, zone) in zones.enumerated() {
            let signed = zone.signedDistanceMetres(to: coordinate, searchRadiusMetres: coastalBandMetres + 1)
            if signed <= 0 { return .land(region: index) }
            if signed <= coastalBandMetres && signed < nearestDistance {
                nearest = index
                nearestDistance = signed
            }
        }
        return nearest >= 0 ? .coastal(region: nearest) : .ocean
    }
}

/// A policy's service rules: its regions and its plans.
package struct ServiceRules: Sendable {
    /// The land areas and the coastal band (nil: the policy names none; plans needing them are
    /// refused when the policy is read).
    package let regions: ServiceRegions?
    /// The plans.
    package let plans: [ServicePlan]

    /// Rules of `plans` over `regions`.
    package init(regions: ServiceRegions?, plans: [ServicePlan]) {
        self.regions = regions
        self.plans = plans
    }

    /// No regions, no plans: every plan rule is off.
    package static let none = ServiceRules(regions: nil, plans: [])

    /// The plan named `name`.
    package func plan(named name: String) -> ServicePlan? { plans.first { $0.name == name } }
}
