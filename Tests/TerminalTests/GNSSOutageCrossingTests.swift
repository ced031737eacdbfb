import Foundation
import RealTime
import Testing

@testable import Terminal

/// Randomised crossings of the example policy's 12 nm line (the banned territorial sea off
/// Ningbo) while GNSS is out (issue: a vessel that crossed during an outage kept transmitting
/// on its last, outside, fix until the fix went stale: 1,148–1,823 ticks in violation). The
/// position's uncertainty now grows with the fix's age at the speed the fixes showed, so
/// transmit stops as soon as the vessel could have crossed — with no grace at all.
@Suite struct GNSSOutageCrossingTests {
    /// The 12 nm line runs north-south near 122.6320° E at 29.95° N (the port-approach
    /// scenario's crossing); 1° of longitude there is 96.45 km.
    static let lineLongitude = 122.6320
    static let metresPerDegreeLongitude = 96_450.0

    static func scenario(
        speed: Double, startOutsideMetres: Double, outageBeforeCrossing: Double, outageLength: Double, accuracy: Double,
        northDrift: Double, mobility: String
    ) -> String {
        let crossing = startOutsideMetres / speed
        let end = crossing - outageBeforeCrossing + outageLength + 6
        let startLongitude = lineLongitude + startOutsideMetres / metresPerDegreeLongitude
        let endLongitude = startLongitude - speed * end / metresPerDegreeLongitude
        return """
            format: 1
            scenario: gnss-outage-crossing
            start: 2026-08-23T00:00:00Z
            tick_hz: 100
            mobility: \(mobility)
            gnss: { rate_hz: 1, accuracy_m: \(accuracy) }
            route:
              - { t_s: 0, lat_deg: 29.95, lon_deg: \(startLongitude) }
              - { t_s: \(end), lat_deg: \(29.95 + northDrift * end / 111_320), lon_deg: \(endLongitude) }
            events:
              - { at_s: \(crossing - outageBeforeCrossing), gnss_outage_s: \(outageLength) }
            expect:
              - never_transmit_in_restricted_zone_grace_ms: 0
              - transmit_on_fraction_at_least: 0.05
            """
    }

    @Test func crossingsDuringGNSSOutagesNeverTransmitInside() throws {
        var random = SplitMix64(seed: 13)
        var runs = 0
        var ticksInside = 0
        var failures: [String] = []
        for index in 0..<12 {
            let speed = Double.random(in: 2...25, using: &random)
            let parameters = (
                speed: speed, start: Double.random(in: 150...400, using: &random) + 12 * speed,
                before: Double.random(in: 0.5...4.5, using: &random), length: Double.random(in: 3...12, using: &random),
                accuracy: Double.random(in: 2...10, using: &random), drift: Double.random(in: -3...3, using: &random),
                // A stationary class's floor (0.5 m/s) leaves the vessel's own speed to the estimate.
                mobility: index.isMultiple(of: 3) ? "mobile" : "stationary")
            let yaml = Self.scenario(
                speed: parameters.speed, startOutsideMetres: parameters.start, outageBeforeCrossing: parameters.before,
                outageLength: parameters.length, accuracy: parameters.accuracy, northDrift: parameters.drift,
                mobility: parameters.mobility)
            let (result, _) = try ScenarioRunner.run(yaml, name: "crossing-\(index)", seed: UInt64(index + 1))
            runs += 1
            for verdict in result.verdicts where !verdict.passed {
                failures.append("crossing \(index) \(parameters): \(verdict.expectation): \(verdict.detail)")
            }
            if let never = result.verdicts.first(where: { $0.expectation.hasPrefix("never transmit") }) {
                ticksInside += Int(never.detail.split(separator: " ").first ?? "0") ?? 0
            }
        }
        print("GNSS outage crossings: \(runs) runs, \(ticksInside) ticks transmitting inside, \(failures.count) failures")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
