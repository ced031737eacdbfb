import Foundation
import Terminal

/// One run of a campaign, as its shard's report keeps it.
package struct CampaignRunRecord: Codable, Sendable, Hashable {
    /// The run's index in the campaign (its scenario is a function of the seed and this).
    package var index: Int
    /// Ticks run.
    package var ticks: UInt64
    /// Safety-invariant checks made.
    package var invariantChecks: Int
    /// What the scenario was (speed class, speed, site).
    package var summary: String
    /// The kinds of what happened in it (`CampaignCoverage.kinds`).
    package var kinds: [String]
    /// Fraction of the run transmit-enable was high.
    package var transmitOnFraction: Double
    /// Wall-clock seconds the run took.
    package var wallSeconds: Double
    /// The invariants it broke (empty: none).
    package var violated: [String]
}

/// A run that broke an invariant, with its shrunk replayable case.
package struct CampaignViolation: Codable, Sendable, Hashable {
    /// The run's index.
    package var index: Int
    /// The first invariant broken.
    package var invariant: String
    /// Its verdict's detail.
    package var detail: String
    /// Seconds after the start it first broke.
    package var firstViolationSeconds: Double?
    /// The generated scenario (file name in the output directory).
    package var originalFile: String
    /// The shrunk scenario that still breaks it (`utermd simulate --scenario F` replays it).
    package var shrunkFile: String
    /// Events and route points before and after shrinking.
    package var eventsBefore: Int, eventsAfter: Int, routePointsBefore: Int, routePointsAfter: Int
    /// Whether the shrunk file, read back and run again, broke the same invariant.
    package var replayed: Bool
}

/// What one shard (or, merged, the whole campaign) did.
package struct CampaignReport: Codable, Sendable {
    /// The campaign's seed.
    package var seed: UInt64
    /// Shards merged into this report (1 for a shard's own).
    package var shards: [String]
    /// Runs done.
    package var runs: Int
    /// Ticks run, all runs together.
    package var ticks: UInt64
    /// Safety-invariant checks made, all runs together.
    package var invariantChecks: Int
    /// The violations, with their shrunk cases.
    package var violations: [CampaignViolation]
    /// Runs in which each kind of event or situation happened.
    package var coverage: [String: Int]
    /// Wall-clock seconds, summed over shards.
    package var wallSeconds: Double
    /// Every run.
    package var records: [CampaignRunRecord]

    /// A report of `records`.
    package init(seed: UInt64, shards: [String], records: [CampaignRunRecord], violations: [CampaignViolation], wallSeconds: Double) {
        self.seed = seed
        self.shards = shards
        self.records = records.sorted { $0.index < $1.index }
        self.violations = violations.sorted { $0.index < $1.index }
        self.wallSeconds = wallSeconds
        runs = records.count
        ticks = records.reduce(0) { $0 + $1.ticks }
        invariantChecks = records.reduce(0) { $0 + $1.invariantChecks }
        var coverage: [String: Int] = [:]
        for kind in CampaignCoverage.kinds { coverage[kind] = 0 }
        for record in records { for kind in Set(record.kinds) { coverage[kind, default: 0] += 1 } }
        self.coverage = coverage
    }

    /// Joins shard reports of one campaign; throws when they disagree on the seed or share a run.
    package static func merge(_ reports: [CampaignReport]) throws(CampaignError) -> CampaignReport {
        guard let seed = reports.first?.seed else { throw .invalid("no shard reports to merge") }
        if let other = reports.first(where: { $0.seed != seed }) {
            throw .invalid("shards of different campaigns: seed \(seed) and \(other.seed)")
        }
        var seen = Set<Int>()
        for record in reports.flatMap(\.records) where !seen.insert(record.index).inserted {
            throw .invalid("run \(record.index) is in two shards")
        }
        return CampaignReport(
            seed: seed, shards: reports.flatMap(\.shards).sorted(), records: reports.flatMap(\.records),
            violations: reports.flatMap(\.violations), wallSeconds: reports.reduce(0) { $0 + $1.wallSeconds })
    }

    /// Five lines for people.
    package var text: String {
        let kinds = coverage.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var lines = [
            "campaign seed \(seed): \(runs) runs, \(ticks) ticks, \(invariantChecks) invariant checks, \(violations.count) violations",
            "  shards: \(shards.count), wall \(String(format: "%.1f", wallSeconds)) s summed over shards",
            "  coverage (runs with each): \(kinds)",
        ]
        for violation in violations {
            lines.append(
                "  VIOLATION run \(violation.index): \(violation.invariant) (\(violation.detail)); shrunk: \(violation.shrunkFile) "
                    + "(\(violation.eventsAfter)/\(violation.eventsBefore) events, \(violation.routePointsAfter)/\(violation.routePointsBefore) "
                    + "route points), replays: \(violation.replayed ? "yes" : "NO")")
        }
        return lines.joined(separator: "\n")
    }
}

/// Why a campaign could not run or merge.
package enum CampaignError: Error, CustomStringConvertible {
    /// Unusable input.
    case invalid(String)

    package var description: String {
        switch self {
        case .invalid(let reason): "campaign: \(reason)"
        }
    }
}

/// The kinds of events and situations a campaign counts runs of.
package enum CampaignCoverage {
    /// Every kind, in a fixed order (the report's rows).
    package static let kinds: [String] = earlierKinds + laterKinds

    /// The kinds of the campaign's first round.
    static let earlierKinds: [String] =
        ["route:fixed", "route:ship", "route:vehicle", "route:aircraft", "route:turns-back", "site:zone-edge", "site:open",
         "restricted-fix", "gnss:degraded", "gnss:fast", "fault:pa_fault", "fault:over_temperature", "gnss_outage",
         "unplug:beamformer"]
        + ["transmit_enable", "pa_power", "status_led", "beamformer_reset", "fault_in", "over_temperature", "transmit_enable_sense"]
        .map { "gpio_failure:\($0)" }
        + ["fix_time_offset:small", "fix_time_offset:large", "stow", "transmit-switched-on"]

    /// The kinds of the later events (issue 17).
    static let laterKinds: [String] =
        ["clock_step:small", "clock_step:large", "restart", "loop_overrun"]
        + PolicyPushKind.allCases.map { (kind: PolicyPushKind) -> String in "policy_push:\(kind.rawValue)" }
        + BridgeGarbageKind.allCases.map { (kind: BridgeGarbageKind) -> String in "bridge_garbage:\(kind.rawValue)" }
        + ["zones:random"] + RandomZonePolicy.ZoneKind.allCases.map { (kind: RandomZonePolicy.ZoneKind) -> String in "zones:\(kind.rawValue)" }

    /// The kinds `scenario` exercises, and those its run showed.
    static func kinds(of scenario: Scenario, result: SimulationResult, nearZone: Bool) -> [String] {
        var kinds: [String] = []
        let speedClass = scenario.summary.split(separator: " ").first.map(String.init) ?? "fixed"
        kinds.append("route:\(speedClass)")
        if scenario.route.count > 3 { kinds.append("route:turns-back") }
        kinds.append(nearZone ? "site:zone-edge" : "site:open")
        if scenario.zonesSeed != nil {
            kinds.append("zones:random")
            let site = scenario.summary.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if site.hasPrefix("random-") { kinds.append("zones:\(site.dropFirst("random-".count))") }
        }
        if result.reactions.contains(where: { $0.kind == .restriction }) { kinds.append("restricted-fix") }
        if scenario.gnssAccuracyMetres > 10 { kinds.append("gnss:degraded") }
        if scenario.gnssRateHertz > 1 { kinds.append("gnss:fast") }
        for timed in scenario.events {
            switch timed.event {
            case .fault(let input, _): kinds.append("fault:\(input.rawValue)")
            case .gnssOutage: kinds.append("gnss_outage")
            case .unplugBeamformer: kinds.append("unplug:beamformer")
            case .gpioFailure(let role, _): kinds.append("gpio_failure:\(role.rawValue)")
            case .fixTimeOffset(let offset, _): kinds.append(abs(offset) < 3 ? "fix_time_offset:small" : "fix_time_offset:large")
            case .stow: kinds.append("stow")
            case .clockStep(let step, _):
                kinds.append(abs(step) < 3 ? "clock_step:small" : "clock_step:large")
            case .policyPush(let kind, _): kinds.append("policy_push:\(kind.rawValue)")
            case .restart: kinds.append("restart")
            case .loopOverrun: kinds.append("loop_overrun")
            case .bridgeGarbage(let kind, _): kinds.append("bridge_garbage:\(kind.rawValue)")
            }
        }
        if result.transmitRisingEdges > 0 { kinds.append("transmit-switched-on") }
        return kinds
    }
}
