import Foundation
import Geofence
import RealTime
import Terminal

/// A policy generated from a seed, for campaign scenarios that carry `zones_seed:`: two to
/// four no-service (or receive-only) zones of shapes the example policy lacks, written as a
/// policy file with a GeoJSON block, signed with the example operator key and put in force
/// through a `PolicyKeeper` as at the daemon's start-up:
/// - a jagged island with a 12 nm territorial-sea buffer (`territorial-sea`);
/// - a jagged ring with a hole in it (`hole`: the hole is open water);
/// - a box crossing the antimeridian, written 179.7° → −179.7° (`antimeridian`);
/// - a cap round a pole, written as Natural Earth does (cut along ±180° to the pole) (`pole`).
/// The island and the ring are mostly in the southern and western hemispheres. The same seed
/// and start always give the same bytes.
package struct RandomZonePolicy: Sendable {
    /// The shapes.
    package enum ZoneKind: String, Sendable, CaseIterable {
        case territorialSea = "territorial-sea"
        case hole
        case antimeridian
        case pole
    }

    /// The seed.
    package let seed: UInt64
    /// The policy file's text (unsigned).
    package let text: String
    /// The zones made, in file order.
    package let kinds: [ZoneKind]
    /// A point inside each zone (named `random-<kind>`), from which routes seek an edge.
    package let zoneSeeds: [CampaignScenarioGenerator.ZoneSeed]

    /// The policy of `seed`, valid from a day before `startUnixNanoseconds` for 30 days.
    package init(seed: UInt64, startUnixNanoseconds: Int64) {
        self.seed = seed
        var random = SplitMix64(seed: seed ^ 0x2AD0_5EED_0F20_4E5A)
        var kinds = ZoneKind.allCases.filter { _ in random.chance(0.6) }
        if kinds.count < 2 { kinds = [random.pick([ZoneKind.territorialSea, .hole]), random.pick([ZoneKind.antimeridian, .pole])] }
        var zones: [String] = []
        var features: [String] = []
        var seeds: [CampaignScenarioGenerator.ZoneSeed] = []
        for kind in kinds {
            let shape = Self.shape(kind, &random)
            let action = random.chance(0.75) ? "noService" : "receiveOnly"
            var zone = "  - name: random \(kind.rawValue)\n    action: \(action)\n    feature: { name: \(kind.rawValue) }"
            if kind == .territorialSea { zone += "\n    buffer_nm: 12" }
            zones.append(zone)
            let rings = shape.rings.map { ring in "[" + ring.map { "[\(Self.fixed($0.1)),\(Self.fixed($0.0))]" }.joined(separator: ",") + "]" }
            features.append(
                "   {\"type\": \"Feature\", \"properties\": {\"NAME\": \"\(kind.rawValue)\"}, \"geometry\": {\"type\": \"Polygon\", "
                    + "\"coordinates\": [\(rings.joined(separator: ","))]}}")
            seeds.append(.init(name: "random-\(kind.rawValue)", latitudeDegrees: shape.inside.0, longitudeDegrees: shape.inside.1))
        }
        let start = Double(startUnixNanoseconds) / 1e9
        let day = 86_400.0
        let from = ISO8601UTC.format(Date(timeIntervalSince1970: (start - day).rounded(.down)))
        let until = ISO8601UTC.format(Date(timeIntervalSince1970: (start + 30 * day).rounded(.down)))
        text = """
            format: 1
            policy: campaign-random-zones-\(seed)
            version: \(PolicyPushDesk.startUpVersion)
            issued: \(from)
            valid_from: \(from)
            valid_until: \(until)
            default: allow
            zones:
            \(zones.joined(separator: "\n"))
            geojson: |
              {"type": "FeatureCollection", "features": [
            \(features.joined(separator: ",\n"))
              ]}

            """
        self.kinds = kinds
        zoneSeeds = seeds
    }

    /// The policy signed with the example operator key and offered to a keeper trusting it at
    /// `utc`: the start-up update (accepted, unless the bytes are somehow unreadable).
    package func startUpUpdate(at utc: Date) throws -> PolicyUpdate {
        let key = try PolicySigningKey(text: PolicyPushDesk.exampleSigningKeyBase64, source: "example operator key")
        var keeper = PolicyKeeper(operatorKey: key.publicKey)
        return keeper.offer(
            fileBytes: try SignedPolicyFile.sign(Data(text.utf8), with: key), source: "generated zones (seed \(seed))", at: utc)
    }

    private static func fixed(_ value: Double) -> String { String(format: "%.6f", value) }

    /// A shape's rings (latitude, longitude pairs, closed; the first is the outline) and a
    /// point inside it.
    private static func shape(_ kind: ZoneKind, _ random: inout SplitMix64) -> (rings: [[(Double, Double)]], inside: (Double, Double)) {
        switch kind {
        case .territorialSea, .hole:
            // South and west mostly.
            let latitude = random.chance(0.7) ? random.uniform(-55, -2) : random.uniform(2, 55)
            let longitude = random.chance(0.7) ? random.uniform(-175, -2) : random.uniform(2, 175)
            let outer = kind == .territorialSea ? random.uniform(5_000, 30_000) : random.uniform(30_000, 50_000)
            let outline = jaggedRing(centre: (latitude, longitude), radiusMetres: outer, corners: 16, roughness: 0.4, &random)
            guard kind == .hole else { return ([outline], (latitude, longitude)) }
            let inner = random.uniform(8_000, 15_000)
            let hole = jaggedRing(centre: (latitude, longitude), radiusMetres: inner, corners: 8, roughness: 0, &random).reversed()
            // Inside: in the band between the hole and the outline's innermost corner (≥ 0.6 of its radius).
            let bearing = random.uniform(0, 360)
            return ([outline, Array(hole)], CampaignScenarioGenerator.offset(latitude, longitude, bearing, (inner + 0.6 * outer) / 2))
        case .antimeridian:
            let latitude = random.uniform(-50, 50)
            let south = latitude - 0.3, north = latitude + 0.3
            let ring = [(south, 179.7), (south, -179.7), (north, -179.7), (north, 179.7), (south, 179.7)]
            return ([ring], (latitude, random.chance(0.5) ? 179.95 : -179.95))
        case .pole:
            let sign = random.chance(0.5) ? 1.0 : -1.0
            let edge = random.uniform(86, 88)
            var ring: [(Double, Double)] = stride(from: -180.0, through: 180.0, by: 30).map { longitude in
                (sign * (edge + (abs(longitude) == 180 ? 0 : random.uniform(-0.5, 0.5))), longitude)
            }
            ring += [(sign * 90, 180), (sign * 90, -180), ring[0]]
            if sign < 0 { ring.reverse() }
            return ([ring], (sign * 89.8, random.uniform(-180, 180)))
        }
    }

    /// A closed ring of `corners` corners round `centre`, each at `radiusMetres` times
    /// 1 − `roughness`·u (u uniform in [0, 1)).
    private static func jaggedRing(
        centre: (Double, Double), radiusMetres: Double, corners: Int, roughness: Double, _ random: inout SplitMix64
    ) -> [(Double, Double)] {
        var ring = (0..<corners).map { corner -> (Double, Double) in
            let radius = radiusMetres * (1 - roughness * random.uniform(0, 1))
            return CampaignScenarioGenerator.offset(centre.0, centre.1, Double(corner) * 360 / Double(corners), radius)
        }
        ring.append(ring[0])
        return ring
    }
}
