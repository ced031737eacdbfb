import Geofence
import Terminal

/// Judges a run's service-rules expectations tick by tick: which codes the tick's decision
/// showed, and whether transmit-enable was ever high after a tick that refused transmitting.
struct ServiceRulesJudge {
    /// Codes seen, one bit per ``DisablementCode`` precedence.
    private(set) var codesSeen: UInt16 = 0
    private(set) var ticksTransmittingWhileRefused: UInt64 = 0
    private(set) var refusedTicks: UInt64 = 0

    private var lastCode = DisablementCode.unknownLocation

    /// One tick; returns whether a plan rule (speed, address, ocean, roaming) began to refuse
    /// at it (a cause whose reaction the run reports).
    mutating func tick(_ decision: ServiceDecision, lineHigh: Bool) -> Bool {
        codesSeen |= 1 << UInt16(decision.code.precedence)
        let entered = decision.code != lastCode && Self.isPlanRule(decision.code)
        lastCode = decision.code
        // The line read after this tick follows this tick's decision.
        if !decision.permitsTransmit {
            refusedTicks += 1
            if lineHigh { ticksTransmittingWhileRefused += 1 }
        }
        return entered
    }

    static func isPlanRule(_ code: DisablementCode) -> Bool {
        switch code {
        case .movingTooFastForPolicy, .tooFarFromServiceAddress, .inOcean, .roamRestricted: true
        case .unknownLocation, .blockedCountry, .blockedArea, .okay: false
        }
    }

    func saw(_ code: DisablementCode) -> Bool { codesSeen & (1 << UInt16(code.precedence)) != 0 }

    func verdicts(_ expectations: [ServiceExpectation]) -> [SimulationResult.Verdict] {
        let seen = DisablementCode.allCases.filter { saw($0) }.map(\.rawValue).joined(separator: ", ")
        return expectations.compactMap { expectation in
            switch expectation {
            case .networkServingWithin: return nil  // `NetworkSwitchJudge`
            case .codeReached(let code):
                return SimulationResult.Verdict(
                    expectation: "service decision reaches \(code.rawValue)", passed: saw(code), detail: "codes seen: \(seen)")
            case .transmitOffWhileRefused:
                return SimulationResult.Verdict(
                    expectation: "transmit off while the service rules refuse", passed: ticksTransmittingWhileRefused == 0,
                    detail: "\(ticksTransmittingWhileRefused) of \(refusedTicks) refused ticks with transmit-enable high")
            }
        }
    }
}
