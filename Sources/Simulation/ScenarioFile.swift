import Geofence
import HAL
import Foundation
import Orbit
import Terminal

/// Reads scenario files (YAML, format 1; see `HIL/README.md`). Errors name the file, line
/// and field.
package enum ScenarioFile {
    /// Loads a scenario from disk.
    package static func load(path: String) throws(DataFileErrors) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DataFileErrors([DataFileError(file: path, field: "", message: "cannot read the file as UTF-8 text")])
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses a scenario's text; `file` names it in messages.
    package static func parse(yaml: String, file: String) throws(DataFileErrors) -> Scenario {
        do {
            return try parse(try DataNode.parse(yaml: yaml, file: file))
        } catch {
            throw DataFileErrors([error])
        }
    }

    static func parse(_ root: DataNode) throws(DataFileError) -> Scenario {
        try root.rejectUnknownKeys(["format", "scenario", "summary", "start", "duration_s", "tick_hz", "gnss", "route", "events", "expect", "mobility", "service", "zones_seed"])
        let format = try root.required("format")
        guard try format.int() == 1 else { throw format.error("only format 1 is supported") }
        let startNode = try root.required("start")
        let start: JulianDate
        do { start = try JulianDate(iso8601: try startNode.string()) } catch { throw startNode.error("\(error)") }
        var route: [Scenario.Waypoint] = []
        for point in try root.required("route").elements() {
            try point.rejectUnknownKeys(["t_s", "lat_deg", "lon_deg"])
            let waypoint = Scenario.Waypoint(
                seconds: try seconds(try point.required("t_s"), "t_s"), latitudeDegrees: try point.required("lat_deg").double(),
                longitudeDegrees: try point.required("lon_deg").double())
            guard (-90...90).contains(waypoint.latitudeDegrees) else { throw point.error("lat_deg must be within -90...90") }
            guard (-180...180).contains(waypoint.longitudeDegrees) else { throw point.error("lon_deg must be within -180...180") }
            if let previous = route.last, waypoint.seconds < previous.seconds { throw point.error("t_s must not decrease along the route") }
            route.append(waypoint)
        }
        guard !route.isEmpty else { throw root.error("the route needs at least one point") }
        let duration = try root.optional("duration_s").map { (node) throws(DataFileError) in try seconds(node, "duration_s") } ?? (route.last?.seconds ?? 0)
        guard duration > 0 else { throw root.error("the scenario must last more than 0 s (duration_s or the route's last t_s)") }
        var gnssRate = 1.0, accuracy = 5.0
        var noiseSeed: UInt64?
        if let gnss = try root.optional("gnss") {
            try gnss.rejectUnknownKeys(["rate_hz", "accuracy_m", "noise_seed"])
            if let seedNode = try gnss.optional("noise_seed") {
                guard let seed = UInt64(try seedNode.string()) else { throw seedNode.error("noise_seed must be a whole number within 0...2^64-1") }
                noiseSeed = seed
            }
            gnssRate = try gnss.optional("rate_hz")?.double() ?? gnssRate
            accuracy = try gnss.optional("accuracy_m")?.double() ?? accuracy
            guard gnssRate > 0, gnssRate <= 100 else { throw gnss.error("rate_hz must be within (0, 100]") }
            guard accuracy.isFinite, accuracy >= 0 else { throw gnss.error("accuracy_m must be a finite number ≥ 0") }
        }
        let tickHertz = try root.optional("tick_hz")?.int() ?? 1_000
        guard (10...10_000).contains(tickHertz) else { throw root.error("tick_hz must be within 10...10000") }
        let events = try (root.optional("events")?.elements() ?? []).map { (node) throws(DataFileError) in try event(node) }
        var expectations: [Scenario.Expectation] = []
        var serviceExpectations: [ServiceExpectation] = []
        for node in try root.optional("expect")?.elements() ?? [] {
            if let service = try serviceExpectation(node) {
                serviceExpectations.append(service)
            } else {
                expectations.append(try expectation(node))
            }
        }
        let mobility = try root.optional("mobility")?.choice(MobilityClass.self)
        var scenario = Scenario(
            name: try root.required("scenario").string(), summary: try root.optional("summary")?.string() ?? "",
            startUnixNanoseconds: Int64((start.unixSeconds * 1e3).rounded()) * 1_000_000, durationSeconds: duration,
            tickHertz: tickHertz, gnssRateHertz: gnssRate, gnssAccuracyMetres: accuracy, route: route, events: events,
            expectations: expectations, mobility: mobility, gnssNoiseSeed: noiseSeed)
        scenario.service = try root.optional("service").map { (node) throws(DataFileError) in try service(node, mobility: mobility) }
        scenario.serviceExpectations = serviceExpectations
        scenario.zonesSeed = try zonesSeed(root)
        return scenario
    }

    /// `service: { plan, address: {lat_deg, lon_deg}, home_region, constellations: [..] }`.
    private static func service(_ node: DataNode, mobility: MobilityClass?) throws(DataFileError) -> ServiceSubscription {
        try node.rejectUnknownKeys(["plan", "address", "home_region", "constellations"])
        var subscription = ServiceSubscription(mobility: mobility ?? .mobile)
        subscription.planName = try node.optional("plan")?.string()
        subscription.homeRegionName = try node.optional("home_region")?.string()
        if let address = try node.optional("address") {
            try address.rejectUnknownKeys(["lat_deg", "lon_deg"])
            let latitude = try address.required("lat_deg").double()
            let longitude = try address.required("lon_deg").double()
            guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                throw address.error("lat_deg must be within -90...90 and lon_deg within -180...180")
            }
            subscription.serviceAddress = GeodeticCoordinate(latitudeDegrees: latitude, longitudeDegrees: longitude)
        }
        if let list = try node.optional("constellations") {
            var names: [ConstellationName] = []
            for element in try list.elements() {
                let text = try element.string()
                guard let name = ConstellationName(rawValue: text) else {
                    throw element.error("\"\(text)\" is not a constellation (one of: \(ConstellationName.namesList))")
                }
                names.append(name)
            }
            subscription.constellations = ConstellationSet(names)
        }
        return subscription
    }

    /// A service-rules expectation, or nil when `node` is another kind.
    private static func serviceExpectation(_ node: DataNode) throws(DataFileError) -> ServiceExpectation? {
        let entries = try node.entries()
        guard entries.count == 1, let (key, value) = entries.first else { return nil }
        switch key {
        case "service_code_reached":
            return .codeReached(try value.choice(DisablementCode.self))
        case "transmit_off_while_service_refused":
            guard try value.bool() else { throw value.error("transmit_off_while_service_refused: true is the only value") }
            return .transmitOffWhileRefused
        case "network_serving_within_s_of_refusal":
            try value.rejectUnknownKeys(["network", "within_s"])
            let text = try value.required("network").string()
            guard let network = ConstellationName(rawValue: text) else {
                throw value.error("\"\(text)\" is not a constellation (one of: \(ConstellationName.namesList))")
            }
            let seconds = try Self.seconds(try value.required("within_s"), "within_s")
            guard seconds > 0 else { throw value.error("within_s must be a positive number of seconds") }
            return .networkServingWithin(network, seconds: seconds)
        default: return nil
        }
    }

    private static func event(_ node: DataNode) throws(DataFileError) -> Scenario.TimedEvent {
        try node.rejectUnknownKeys(["at_s", "fault", "for_s", "gnss_outage_s", "unplug", "gpio_failure", "fix_time_offset_s", "stow", "clock_step_s", "policy_push", "restricts_here", "restart", "loop_overrun_ms", "bridge_garbage"])
        let at = try seconds(try node.required("at_s"), "at_s")
        try rejectStrayLaterKeys(node)
        if let fault = try node.optional("fault") {
            return .init(atSeconds: at, event: .fault(try fault.choice(Scenario.FaultInput.self), seconds: try seconds(try node.required("for_s"), "for_s")))
        }
        if let outage = try node.optional("gnss_outage_s") {
            return .init(atSeconds: at, event: .gnssOutage(seconds: try seconds(outage, "gnss_outage_s")))
        }
        if let unplug = try node.optional("unplug") {
            guard try unplug.string() == "beamformer" else { throw unplug.error("only the beamformer can be unplugged") }
            return .init(atSeconds: at, event: .unplugBeamformer(seconds: try seconds(try node.required("for_s"), "for_s")))
        }
        if let failure = try node.optional("gpio_failure") {
            return .init(
                atSeconds: at, event: .gpioFailure(try failure.choice(GPIORole.self), seconds: try seconds(try node.required("for_s"), "for_s")))
        }
        if let offset = try node.optional("fix_time_offset_s") {
            return .init(
                atSeconds: at, event: .fixTimeOffset(offsetSeconds: try seconds(offset, "fix_time_offset_s"), seconds: try seconds(try node.required("for_s"), "for_s")))
        }
        if let stow = try node.optional("stow") {
            guard try stow.bool() else { throw stow.error("stow: true is the only value") }
            return .init(atSeconds: at, event: .stow(seconds: try seconds(try node.required("for_s"), "for_s")))
        }
        if let timed = try laterEvent(node, at: at) { return timed }
        throw node.error(
            "an event needs one of: fault, gnss_outage_s, unplug, gpio_failure, fix_time_offset_s, stow, clock_step_s, "
                + "policy_push, restart, loop_overrun_ms, bridge_garbage")
    }

    private static func expectation(_ node: DataNode) throws(DataFileError) -> Scenario.Expectation {
        let entries = try node.entries()
        guard entries.count == 1, let (key, value) = entries.first else { throw node.error("an expectation is one key: value") }
        switch key {
        case "transmit_off_within_ms_of_restriction": return .transmitOffWithinOfRestriction(milliseconds: try value.double())
        case "transmit_off_within_ms_of_fault": return .transmitOffWithinOfFault(milliseconds: try value.double())
        case "never_transmit_in_restricted_zone_grace_ms": return .neverTransmitInRestrictedZone(graceMilliseconds: try value.double())
        case "transmit_on_fraction_at_least": return .transmitOnFractionAtLeast(try value.double())
        case "handovers_at_least": return .handoversAtLeast(try value.int())
        case "beamformer_reconnects": return .beamformerReconnects
        case "transmit_off_within_ms_of_unplug": return .transmitOffWithinOfUnplug(milliseconds: try value.double())
        case "transmit_off_during_gnss_outage": return .transmitOffDuringGNSSOutage
        case "safe_under_gpio_failures_ms": return .safeUnderGPIOFailures(milliseconds: try value.double())
        case "safety_invariants":
            guard try value.bool() else { throw value.error("safety_invariants: true is the only value") }
            return .safetyInvariants
        default:
            throw value.error(
                "unknown expectation (known: transmit_off_within_ms_of_restriction, transmit_off_within_ms_of_fault, "
                    + "never_transmit_in_restricted_zone_grace_ms, transmit_on_fraction_at_least, handovers_at_least, "
                    + "beamformer_reconnects, transmit_off_within_ms_of_unplug, transmit_off_during_gnss_outage, "
                    + "safe_under_gpio_failures_ms, safety_invariants, service_code_reached, "
                    + "transmit_off_while_service_refused, network_serving_within_s_of_refusal)")
        }
    }
}

