import Geofence
import Terminal

/// Judges `network_serving_within_s_of_refusal`: after the first tick at which the true
/// position refuses the network the beam serves (a vessel of a multi-network terminal crossing
/// into a sea that bans one operator and spares another), the terminal transmits through a
/// satellite of the named network within the stated time.
struct NetworkSwitchJudge {
    private var refusedAtSeconds: Double?
    private var refusedNetwork: ConstellationName?
    private var lastTransmitting: ConstellationName?
    private var servingAtSeconds: [ConstellationName: Double] = [:]

    /// One tick: `serving` is the network of the satellite the beam points at (nil: none),
    /// `truth` the decision at the true position under the policy that should be in force,
    /// `lineHigh` transmit-enable on the wire. The refusal is the first tick at which the truth
    /// refuses the network last transmitted through (the firmware may have stopped earlier,
    /// on the fix's uncertainty); a network's time counts from then, 0 if already transmitting.
    mutating func tick(seconds: Double, serving: ConstellationName?, truth: GeofenceDecision, lineHigh: Bool) {
        let transmitting = lineHigh ? serving : nil
        if refusedAtSeconds == nil, let last = lastTransmitting, !truth.transmitPermittedConstellations.contains(last) {
            refusedAtSeconds = seconds
            refusedNetwork = last
        }
        if let transmitting { lastTransmitting = transmitting }
        guard let refusedAtSeconds, let transmitting, transmitting != refusedNetwork,
            truth.transmitPermittedConstellations.contains(transmitting), servingAtSeconds[transmitting] == nil
        else { return }
        servingAtSeconds[transmitting] = seconds - refusedAtSeconds
    }

    func verdicts(_ expectations: [ServiceExpectation]) -> [SimulationResult.Verdict] {
        expectations.compactMap { expectation in
            guard case .networkServingWithin(let network, let seconds) = expectation else { return nil }
            let text = "\(network.rawValue) transmitting within \(seconds) s of the network in use being refused"
            guard let refusedAtSeconds, let refusedNetwork else {
                return SimulationResult.Verdict(expectation: text, passed: false, detail: "no network was refused in the run")
            }
            guard let after = servingAtSeconds[network] else {
                return SimulationResult.Verdict(
                    expectation: text, passed: false,
                    detail: "\(refusedNetwork.rawValue) refused at t=\(Self.format(refusedAtSeconds)) s; \(network.rawValue) never transmitted after")
            }
            return SimulationResult.Verdict(
                expectation: text, passed: after <= seconds,
                detail: "\(refusedNetwork.rawValue) refused at t=\(Self.format(refusedAtSeconds)) s; \(network.rawValue) transmitting \(Self.format(after)) s later")
        }
    }

    private static func format(_ seconds: Double) -> String { String(Double((seconds * 1_000).rounded()) / 1_000) }
}
