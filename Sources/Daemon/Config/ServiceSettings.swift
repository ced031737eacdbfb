import Geofence
import Terminal

/// The `service:` section: who the terminal is for the operator's service rules — the plan
/// (a name in the policy's `service_rules.plans`), the registered service address (a
/// stationary plan's place), the home region, the constellations the terminal can use. The
/// mobility class is `safety.mobility`.
package struct ServiceSettings: Sendable, Hashable {
    /// The plan's name; nil: no plan rules apply.
    package var plan: String?
    /// The service address.
    package var address: GeodeticCoordinate?
    /// The home region's name in the policy (nil: the region containing the address).
    package var homeRegion: String?
    /// The constellations the terminal can use (`starlink` by default).
    package var constellations = ConstellationSet(.starlink)

    /// No plan, a Starlink terminal.
    package init() {}

    /// The subscription the service rules judge, for a terminal of `mobility`.
    package func subscription(mobility: MobilityClass) -> ServiceSubscription {
        ServiceSubscription(
            planName: plan, mobility: mobility, serviceAddress: address, constellations: constellations, homeRegionName: homeRegion)
    }
}

extension ConfigReader {
    /// `service: { plan, address: {lat_deg, lon_deg}, home_region, constellations: [..] }`,
    /// all optional.
    mutating func service(_ root: DataNode) -> ServiceSettings {
        var settings = ServiceSettings()
        guard let section = attempt({ () throws(DataFileError) in try root.optional("service") }) ?? nil else { return settings }
        attempt { () throws(DataFileError) in try section.rejectUnknownKeys(["plan", "address", "home_region", "constellations"]) }
        settings.plan = attempt { () throws(DataFileError) in try section.optional("plan")?.string() } ?? nil
        settings.homeRegion = attempt { () throws(DataFileError) in try section.optional("home_region")?.string() } ?? nil
        if let node = attempt({ () throws(DataFileError) in try section.optional("address") }) ?? nil {
            settings.address = attempt { () throws(DataFileError) in
                try node.rejectUnknownKeys(["lat_deg", "lon_deg"])
                return GeodeticCoordinate(
                    latitudeDegrees: try Self.number(node, "lat_deg", in: -90...90),
                    longitudeDegrees: try Self.number(node, "lon_deg", in: -180...180))
            }
        }
        if let node = attempt({ () throws(DataFileError) in try section.optional("constellations") }) ?? nil {
            if let names = attempt({ () throws(DataFileError) in
                try node.elements().map { (element) throws(DataFileError) in try element.choice(ConstellationName.self) }
            }) {
                if names.isEmpty {
                    problems.append(node.error("name at least one constellation"))
                } else {
                    settings.constellations = ConstellationSet(names)
                }
            }
        }
        return settings
    }
}
