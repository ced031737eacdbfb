import Foundation
import Geofence
import HAL
import RealTime
import Terminal

/// Makes the scenarios of a randomised campaign: scenario `index` of campaign `seed` is the
/// same on every machine (SplitMix64 seeded from both), so a campaign shards by index.
///
/// Each scenario is short (3–10 s of virtual time at 100 Hz or 1 kHz) and carries one expectation, the
/// design's safety invariants (`safety_invariants: true`). What it varies:
/// - the policy: the simulator's (the example's), or in a fifth of the runs generated zones
///   (`RandomZonePolicy`: territorial seas, holes, the antimeridian, the poles);
/// - the route: a ship, a land vehicle or an aircraft crossing the edge of a zone of the
///   policy in force (found by walking out from a point inside and bisecting to the edge), in
///   or out, sometimes turning back; or a site away from any zone: the antimeridian, the
///   poles, the equator and prime meridian, the southern and western hemispheres; or standing
///   still right at a zone's edge;
/// - the GNSS: fix rate, accuracy (from 2 m to a degraded 150 m), noise seed;
/// - up to four events: PA and over-temperature faults, GNSS outages, bridge unplugs, GPIO
///   failures of every line, fixes whose UTC disagrees with the clock (small and large
///   offsets, either sign), operator stows, clock steps (small and large, either sign),
///   policy pushes through the keeper (newer, expired, rollback, badly signed; restricting
///   service where the terminal is, or lifting the zones), restarts, loop overruns and
///   garbage replies from the beamformer bridge (malformed, wrong CRC, truncated).
package struct CampaignScenarioGenerator: Sendable {
    /// A point inside a zone, from which edges are sought.
    package struct ZoneSeed: Sendable {
        /// Name for the scenario.
        package var name: String
        /// Latitude, degrees.
        package var latitudeDegrees: Double
        /// Longitude, degrees.
        package var longitudeDegrees: Double

        /// A seed point.
        package init(name: String, latitudeDegrees: Double, longitudeDegrees: Double) {
            self.name = name
            self.latitudeDegrees = latitudeDegrees
            self.longitudeDegrees = longitudeDegrees
        }
    }

    /// Points inside the example policy's restricted zones (China + 12 nm, Crimea).
    package static let examplePolicyZoneSeeds: [ZoneSeed] = [
        .init(name: "ningbo", latitudeDegrees: 29.93, longitudeDegrees: 121.85),
        .init(name: "shanghai", latitudeDegrees: 31.23, longitudeDegrees: 121.47),
        .init(name: "qingdao", latitudeDegrees: 36.07, longitudeDegrees: 120.38),
        .init(name: "xiamen", latitudeDegrees: 24.48, longitudeDegrees: 118.09),
        .init(name: "haikou", latitudeDegrees: 20.04, longitudeDegrees: 110.34),
        .init(name: "dalian", latitudeDegrees: 38.91, longitudeDegrees: 121.60),
        .init(name: "kunming", latitudeDegrees: 25.04, longitudeDegrees: 102.71),
        .init(name: "simferopol", latitudeDegrees: 44.95, longitudeDegrees: 34.10),
        .init(name: "sevastopol", latitudeDegrees: 44.60, longitudeDegrees: 33.52),
        .init(name: "kerch", latitudeDegrees: 45.36, longitudeDegrees: 36.47),
    ]

    /// Sites away from the example's zones that stress the geometry and the signs.
    static let openSites: [ZoneSeed] = [
        .init(name: "antimeridian", latitudeDegrees: -16.5, longitudeDegrees: 179.995),
        .init(name: "north-pole", latitudeDegrees: 89.97, longitudeDegrees: 0),
        .init(name: "south-pole", latitudeDegrees: -89.97, longitudeDegrees: 45),
        .init(name: "null-island", latitudeDegrees: 0.0005, longitudeDegrees: -0.0005),
        .init(name: "cape-town", latitudeDegrees: -33.92, longitudeDegrees: 18.42),
        .init(name: "santiago", latitudeDegrees: -33.45, longitudeDegrees: -70.66),
        .init(name: "zurich", latitudeDegrees: 47.37, longitudeDegrees: 8.54),
    ]

    /// The campaign's seed.
    package let seed: UInt64
    /// The policy whose zones the routes cross.
    package let policy: GeofencePolicy
    /// Points inside its restricted zones.
    package let zoneSeeds: [ZoneSeed]
    /// UTC of the first possible start (the embedded constellation's epoch); each scenario
    /// starts at one of `startCount` instants 47 minutes apart (other satellite geometries),
    /// few enough that the runner generates the constellation once per start.
    package var startUnixNanoseconds: Int64 = 1_787_443_200_000_000_000
    /// How many different starts the scenarios use.
    package var startCount = 8

    /// A generator for campaign `seed` over `policy`'s zones.
    package init(seed: UInt64, policy: GeofencePolicy, zoneSeeds: [ZoneSeed] = Self.examplePolicyZoneSeeds) {
        self.seed = seed
        self.policy = policy
        self.zoneSeeds = zoneSeeds
    }

    /// The random stream of run `index`: independent of every other index. (The index is mixed
    /// into the starting state: stepping it by SplitMix64's own increment, as this did first,
    /// made run i + 1's draws run i's shifted by one — correlated scenarios.)
    package static func random(seed: UInt64, index: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        let base = mixer.next()
        var indexMixer = SplitMix64(seed: base ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: indexMixer.next())
    }

    /// Scenario `index` of the campaign.
    package func scenario(index: Int) -> Scenario {
        var random = Self.random(seed: seed, index: index)
        // Short runs (3-10 s): a campaign is many runs, not long ones. Most tick at 100 Hz (a
        // tenth of the cost); a third at the terminal's own 1 kHz.
        let duration = Self.rounded(random.uniform(3, 10), places: 1)
        let tickHertz = random.chance(1.0 / 3) ? 1_000 : 100
        let speedClass = random.pick(SpeedClass.allCases)
        let speed = Self.rounded(random.uniform(speedClass.metresPerSecond.lowerBound, speedClass.metresPerSecond.upperBound), places: 1)
        var siteName: String
        var route: [Scenario.Waypoint]
        // A fifth of the runs start on generated zones instead (RandomZonePolicy): their edges
        // are crossed, not the example's.
        var zonesSeed: UInt64?
        var crossings = self
        if random.chance(0.2) {
            let seed = random.next() >> 1
            let zones = RandomZonePolicy(seed: seed, startUnixNanoseconds: startUnixNanoseconds)
            let at = Date(timeIntervalSince1970: Double(startUnixNanoseconds) / 1e9)
            if let policy = (try? zones.startUpUpdate(at: at))?.newGeofencePolicy {
                zonesSeed = seed
                crossings = CampaignScenarioGenerator(seed: self.seed, policy: policy, zoneSeeds: zones.zoneSeeds)
            }
        }
        if random.chance(0.75), let crossing = crossings.edgeCrossing(&random) {
            siteName = crossing.name
            route = crossingRoute(edge: crossing, speed: speed, duration: duration, random: &random)
        } else {
            let site = random.pick(Self.openSites)
            siteName = site.name
            route = Self.straightRoute(
                through: (site.latitudeDegrees, site.longitudeDegrees), bearingDegrees: random.uniform(0, 360), speed: speed,
                passAtSeconds: duration / 2, duration: duration)
        }
        let rate = random.pick([1.0, 1, 1, 2, 5, 10])
        let accuracy = random.chance(0.7) ? Self.rounded(random.uniform(2, 10), places: 1) : Self.rounded(random.uniform(10, 150), places: 0)
        let events = (0..<random.below(5)).map { _ in randomEvent(duration: duration, random: &random) }
        let start = startUnixNanoseconds + Int64(random.below(startCount)) * 47 * 60 * 1_000_000_000
        var scenario = Scenario(
            name: "campaign-\(seed)-\(index)", summary: "\(speedClass.rawValue) at \(speed) m/s, \(siteName)",
            startUnixNanoseconds: start, durationSeconds: duration, tickHertz: tickHertz, gnssRateHertz: rate,
            gnssAccuracyMetres: accuracy, route: route, events: events, expectations: [.safetyInvariants],
            mobility: speedClass.mobility, gnssNoiseSeed: random.next() >> 1)
        scenario.zonesSeed = zonesSeed
        return scenario
    }

    /// How fast the terminal moves.
    enum SpeedClass: String, CaseIterable {
        case fixed, ship, vehicle, aircraft

        var metresPerSecond: ClosedRange<Double> {
            switch self {
            case .fixed: 0...0
            case .ship: 1...16
            case .vehicle: 3...40
            case .aircraft: 80...270
            }
        }

        var mobility: MobilityClass {
            switch self {
            case .fixed: .stationary
            case .ship, .vehicle: .mobile
            case .aircraft: .aviation
            }
        }
    }

    struct EdgeCrossing {
        var name: String
        var latitudeDegrees: Double
        var longitudeDegrees: Double
        /// Bearing from inside to outside, degrees.
        var outwardBearingDegrees: Double
    }

    /// A point on the edge of a restricted zone: out from a seed point along a random bearing
    /// until transmit is permitted, then bisected to a metre.
    func edgeCrossing(_ random: inout SplitMix64) -> EdgeCrossing? {
        guard !zoneSeeds.isEmpty else { return nil }
        let seedPoint = random.pick(zoneSeeds)
        for _ in 0..<6 {
            let bearing = random.uniform(0, 360)
            var inside = 0.0
            var outside: Double?
            var distance = 5_000.0
            while distance <= 600_000 {
                if permits(Self.offset(seedPoint.latitudeDegrees, seedPoint.longitudeDegrees, bearing, distance)) {
                    outside = distance
                    break
                }
                inside = distance
                distance += 5_000
            }
            guard var outer = outside else { continue }
            while outer - inside > 1 {
                let middle = (inside + outer) / 2
                if permits(Self.offset(seedPoint.latitudeDegrees, seedPoint.longitudeDegrees, bearing, middle)) { outer = middle } else { inside = middle }
            }
            let edge = Self.offset(seedPoint.latitudeDegrees, seedPoint.longitudeDegrees, bearing, outer)
            return EdgeCrossing(name: seedPoint.name, latitudeDegrees: edge.0, longitudeDegrees: edge.1, outwardBearingDegrees: bearing)
        }
        return nil
    }

    private func permits(_ point: (Double, Double)) -> Bool {
        policy.assess(GeodeticCoordinate(latitudeDegrees: point.0, longitudeDegrees: point.1)).permitsTransmit
    }

    /// In or out across the edge at a random instant; sometimes turning back, or standing at
    /// the edge itself (a fixed terminal: noise alone decides).
    private func crossingRoute(edge: EdgeCrossing, speed: Double, duration: Double, random: inout SplitMix64) -> [Scenario.Waypoint] {
        // Mostly inbound, crossing late: transmit is on (it takes about a second to come on)
        // when the edge is crossed.
        let inbound = random.chance(0.7)
        let bearing = inbound ? edge.outwardBearingDegrees + 180 : edge.outwardBearingDegrees
        let crossAt = Self.rounded(random.uniform(0.35, 0.85) * duration, places: 1)
        var route = Self.straightRoute(
            through: (edge.latitudeDegrees, edge.longitudeDegrees), bearingDegrees: bearing, speed: speed, passAtSeconds: crossAt,
            duration: duration)
        if speed > 0, random.chance(0.3) {
            // Turn back at a later instant: cross the edge twice.
            let turnAt = Self.rounded(crossAt + random.uniform(0.3, 0.9) * (duration - crossAt), places: 1)
            let turn = Self.offset(edge.latitudeDegrees, edge.longitudeDegrees, bearing, speed * (turnAt - crossAt))
            let end = Self.offset(turn.0, turn.1, bearing + 180, speed * (duration - turnAt))
            route = [route[0], route[1], Self.waypoint(turnAt, turn), Self.waypoint(duration, end)]
        }
        return route
    }

    /// A straight route at `speed` that is at `point` at `passAtSeconds`.
    static func straightRoute(
        through point: (Double, Double), bearingDegrees: Double, speed: Double, passAtSeconds: Double, duration: Double
    ) -> [Scenario.Waypoint] {
        let start = offset(point.0, point.1, bearingDegrees + 180, speed * passAtSeconds)
        let end = offset(point.0, point.1, bearingDegrees, speed * (duration - passAtSeconds))
        return [waypoint(0, start), waypoint(passAtSeconds, point), waypoint(duration, end)]
    }

    private func randomEvent(duration: Double, random: inout SplitMix64) -> Scenario.TimedEvent {
        let at = Self.rounded(random.uniform(0.3, duration - 0.3), places: 3)
        let length = Self.rounded(random.uniform(0.1, 4), places: 3)
        let event: Scenario.Event
        switch random.below(11) {
        case 0: event = .fault(random.pick(Scenario.FaultInput.allCases), seconds: length)
        case 1: event = .gnssOutage(seconds: Self.rounded(random.uniform(1, 9), places: 3))
        case 2: event = .unplugBeamformer(seconds: length)
        case 3: event = .gpioFailure(random.pick(GPIORole.allCases.filter { $0 != .gnssPPS }), seconds: length)
        case 4:
            let magnitude = random.chance(0.5) ? random.uniform(0, 2.9) : random.uniform(3.1, 900)
            event = .fixTimeOffset(offsetSeconds: Self.rounded(random.chance(0.5) ? magnitude : -magnitude, places: 3), seconds: length)
        case 5: event = .stow(seconds: length)
        case 6:
            // Small steps stay within the clocks' 3 s tolerance; large ones up to an hour.
            let magnitude = random.chance(0.5) ? random.uniform(0.1, 2.9) : random.uniform(3.1, 3_600)
            event = .clockStep(stepSeconds: Self.rounded(random.chance(0.5) ? magnitude : -magnitude, places: 3), seconds: length)
        case 7: event = .policyPush(random.pick(PolicyPushKind.allCases), restrictsHere: random.chance(0.5))
        case 8: event = .restart(downSeconds: Self.rounded(random.uniform(0.05, 1.5), places: 3))
        case 9: event = .bridgeGarbage(random.pick(BridgeGarbageKind.allCases), seconds: length)
        default:
            // 1.1 to 6 periods of the slower (100 Hz) loop: an overrun at either rate.
            event = .loopOverrun(tickMilliseconds: Self.rounded(random.uniform(11, 60), places: 1), seconds: length)
        }
        return Scenario.TimedEvent(atSeconds: at, event: event)
    }

    /// The point `metres` from (lat, lon) along `bearing` on a local plane (legs are a few
    /// km), longitude wrapped to ±180, latitude held within ±90.
    static func offset(_ latitude: Double, _ longitude: Double, _ bearingDegrees: Double, _ metres: Double) -> (Double, Double) {
        let bearing = bearingDegrees * .pi / 180
        let metresPerDegree = 111_320.0
        let lat = min(90, max(-90, latitude + metres * cos(bearing) / metresPerDegree))
        let scale = max(cos(latitude * .pi / 180), 1e-3)
        var lon = longitude + metres * sin(bearing) / (metresPerDegree * scale)
        while lon > 180 { lon -= 360 }
        while lon < -180 { lon += 360 }
        return (lat, lon)
    }

    static func waypoint(_ seconds: Double, _ point: (Double, Double)) -> Scenario.Waypoint {
        Scenario.Waypoint(seconds: seconds, latitudeDegrees: rounded(point.0, places: 7), longitudeDegrees: rounded(point.1, places: 7))
    }

    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}

extension SplitMix64 {
    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }

    /// Uniform in 0..<count.
    mutating func below(_ count: Int) -> Int { Int(next() % UInt64(max(1, count))) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { uniform(0, 1) < p }

    /// One of `items` (not empty).
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
