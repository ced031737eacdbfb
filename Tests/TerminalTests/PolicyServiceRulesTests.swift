import Foundation
import Geofence
import Terminal
import Testing

/// A policy's per-zone `constellations` and its `service_rules` section: read, compiled, and
/// every problem located by line and field.
@Suite struct PolicyServiceRulesTests {
    static let policy = """
        format: 1
        policy: rules
        version: 1
        issued: 2026-08-01T00:00:00Z
        valid_from: 2026-08-01T00:00:00Z
        valid_until: 2027-08-01T00:00:00Z
        default: allow
        zones:
          - name: banned state
            action: noService
            polygon: [[-71, -31], [-70, -31], [-70, -30], [-71, -30]]
            constellations: { permitted: [guowang, qianfan] }
          - name: operator exclusion
            action: noService
            polygon: [[-61, -31], [-60, -31], [-60, -30], [-61, -30]]
            constellations: { refused: [starlink] }
        service_rules:
          coastal_band_nm: 12
          regions:
            - { name: Home, polygon: [[-66, -31], [-65, -31], [-65, -30], [-66, -30]] }
          plans:
            - name: roam
              ocean: false
              speed_limit_kmh: 160
              max_days_abroad: 60
              max_consecutive_coastal_days: 3
              max_coastal_days_per_year: 30
            - name: home
              ocean: true
              service_radius_km: 5

        """

    func errors(_ text: String) -> [DataFileError] {
        do {
            _ = try PolicyFile.parse(yaml: text, file: "p.yaml")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func readsConstellationsAndPlans() throws {
        let document = try PolicyFile.parse(yaml: Self.policy, file: "p.yaml")
        #expect(document.zones[0].constellations == ConstellationSet.all.subtracting(ConstellationSet([.guowang, .qianfan])))
        #expect(document.zones[1].constellations == ConstellationSet(.starlink))
        let banned = document.geofencePolicy.assess(GeodeticCoordinate(latitudeDegrees: -30.5, longitudeDegrees: -70.5))
        #expect(banned.action == .noService)
        #expect(banned.transmitPermittedConstellations == ConstellationSet([.guowang, .qianfan]))
        let excluded = document.geofencePolicy.assess(GeodeticCoordinate(latitudeDegrees: -30.5, longitudeDegrees: -60.5))
        #expect(excluded.transmitPermittedConstellations == ConstellationSet.all.subtracting(ConstellationSet(.starlink)))
        let rules = document.serviceRules
        #expect(rules.plans.map(\.name) == ["roam", "home"])
        let roam = try #require(rules.plan(named: "roam"))
        #expect(!roam.oceanPermitted)
        #expect(abs((roam.speedLimitMetresPerSecond ?? 0) - 44.444) < 0.001)
        #expect(roam.maximumDaysAbroad == 60)
        #expect(roam.maximumConsecutiveCoastalDays == 3)
        #expect(roam.maximumCoastalDaysPerYear == 30)
        #expect(rules.plan(named: "home")?.serviceRadiusMetres == 5_000)
        let regions = try #require(rules.regions)
        #expect(regions.coastalBandMetres == 22_224)
        #expect(regions.place(of: GeodeticCoordinate(latitudeDegrees: -30.5, longitudeDegrees: -65.5)) == .land(region: 0))
    }

    @Test func aPolicyWithoutTheNewSectionsIsUnchanged() throws {
        let text = Self.policy.components(separatedBy: "service_rules:")[0]
            .replacingOccurrences(of: "    constellations: { permitted: [guowang, qianfan] }\n", with: "")
            .replacingOccurrences(of: "    constellations: { refused: [starlink] }\n", with: "")
        let document = try PolicyFile.parse(yaml: text, file: "p.yaml")
        #expect(document.zones.allSatisfy { $0.constellations == .all })
        #expect(document.serviceRules.plans.isEmpty)
        #expect(document.serviceRules.regions == nil)
        let banned = document.geofencePolicy.assess(GeodeticCoordinate(latitudeDegrees: -30.5, longitudeDegrees: -70.5))
        #expect(banned.transmitPermittedConstellations.isEmpty)
    }

    @Test func problemsAreLocatedByLineAndField() {
        let cases: [(String, String, Int, String, String)] = [
            ("permitted: [guowang, qianfan]", "permitted: [guowang, starlinx]", 12, "zones[0].constellations.permitted[1]",
             "not a constellation"),
            ("{ permitted: [guowang, qianfan] }", "{ permitted: [guowang], refused: [starlink] }", 12, "zones[0].constellations",
             "exactly one of permitted, refused"),
            ("permitted: [guowang, qianfan]", "permitted: [guowang, guowang]", 12, "zones[0].constellations.permitted[1]",
             "listed twice"),
            ("coastal_band_nm: 12", "coastal_band_nm: -1", 18, "service_rules.coastal_band_nm", "within 0...200"),
            ("speed_limit_kmh: 160", "speed_limit_kmh: 0", 24, "service_rules.plans[0].speed_limit_kmh", "positive"),
            ("max_days_abroad: 60", "max_days_abroad: many", 25, "service_rules.plans[0].max_days_abroad", "integer"),
            ("    - name: home\n      ocean: true", "    - name: home", 28, "service_rules.plans[1]", "missing field \"ocean\""),
            ("- name: home", "- name: roam", 28, "service_rules.plans[1].name", "used twice"),
            ("      ocean: true", "      ocean: true\n      colour: red", 30, "service_rules.plans[1].colour", "unknown field"),
        ]
        for (old, new, line, field, message) in cases {
            let text = Self.policy.replacingOccurrences(of: old, with: new)
            #expect(text != Self.policy, "\(old)")
            let found = errors(text)
            #expect(
                found.contains { $0.line == line && $0.field == field && $0.message.contains(message) && $0.file == "p.yaml" },
                "\(new): \(found.map(\.description))")
        }
    }

    @Test func plansThatNeedRegionsRefuseAPolicyWithout() {
        let text = Self.policy.replacingOccurrences(
            of: "  regions:\n    - { name: Home, polygon: [[-66, -31], [-65, -31], [-65, -30], [-66, -30]] }\n", with: "")
        let found = errors(text)
        #expect(found.contains { $0.field == "service_rules.plans[0]" && $0.message.contains("has no regions") }, "\(found)")
    }

    @Test func theExamplePolicySparesDomesticConstellationsInChina() throws {
        var keeper = PolicyKeeper(operatorKey: try EmbeddedDefaults.examplePolicyPublicKey())
        let update = keeper.offer(
            fileBytes: Data(EmbeddedDefaults.examplePolicyYAML.utf8), source: "example",
            at: ISO8601UTC.parse("2026-09-01T00:00:00Z"))
        #expect(update.isAccepted, "\(update.logLine)")
        let document = try #require(keeper.inForce?.document)
        let ningbo = document.geofencePolicy.assess(GeodeticCoordinate(latitudeDegrees: 29.93, longitudeDegrees: 121.85))
        #expect(ningbo.action == .noService)
        #expect(ningbo.transmitPermittedConstellations == ConstellationSet([.guowang, .qianfan]))
        let crimea = document.geofencePolicy.assess(GeodeticCoordinate(latitudeDegrees: 44.95, longitudeDegrees: 34.10))
        #expect(crimea.transmitPermittedConstellations.isEmpty)
        #expect(document.serviceRules.plans.map(\.name) == ["residential", "roam", "boat", "maritime"])
        let regions = try #require(document.serviceRules.regions)
        #expect(regions.place(of: GeodeticCoordinate(latitudeDegrees: -34.60, longitudeDegrees: -56.0)) == .land(region: 0))
        #expect(regions.place(of: GeodeticCoordinate(latitudeDegrees: -34.98, longitudeDegrees: -55.0)) == .coastal(region: 0))
        #expect(regions.place(of: GeodeticCoordinate(latitudeDegrees: -35.5, longitudeDegrees: -55.0)) == .ocean)
    }
}
