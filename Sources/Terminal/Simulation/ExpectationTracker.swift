/// Watches a simulated run tick by tick and judges the scenario's expectations against the
/// truth: the true position's zone and the transmit-enable level read back on the wire.
struct ExpectationTracker {
    let expectations: [Scenario.Expectation]
    let periodNanoseconds: Int64
    /// Fix age after which the geofence fails closed (GeofenceConfiguration's default), plus a tick.
    var staleAfterNanoseconds: Int64 = 5_000_000_000

    private var pendingRestrictionSince: Int64?
    private var worstRestrictionDelay: Int64 = 0
    private var restrictionEntries = 0
    private var pendingFaultSince: Int64?
    private var worstFaultDelay: Int64 = 0
    private var faults = 0
    private var truthRestrictedSince: Int64?
    private var violationTicks = 0
    private var graceNanoseconds: Int64 = 0
    private var outages: [(from: Int64, to: Int64)] = []
    private var outageViolations = 0
    private var unplugs = 0
    private var reconnects = 0
    private var awaitingReconnect = false
    private var pendingUnplugSince: Int64?
    private var worstUnplugDelay: Int64 = 0
    private var lastFixShowedRestriction = false

    init(expectations: [Scenario.Expectation], periodNanoseconds: Int64) {
        self.expectations = expectations
        self.periodNanoseconds = periodNanoseconds
        for case .neverTransmitInRestrictedZone(let grace) in expectations {
            graceNanoseconds = Int64(grace * 1e6)
        }
    }

    mutating func fixPublished(atNanoseconds now: Int64, showsRestriction: Bool) {
        if showsRestriction, !lastFixShowedRestriction, pendingRestrictionSince == nil {
            pendingRestrictionSince = now
            restrictionEntries += 1
        }
        lastFixShowedRestriction = showsRestriction
    }

    mutating func faultStarted(atNanoseconds now: Int64) {
        pendingFaultSince = now
        faults += 1
    }

    mutating func gnssOutage(from: Int64, to: Int64) { outages.append((from, to)) }

    mutating func beamformerUnplugged(atNanoseconds now: Int64) {
        unplugs += 1
        awaitingReconnect = false
        pendingUnplugSince = now
    }

    mutating func beamformerReplugged(atNanoseconds _: Int64) { awaitingReconnect = true }

    mutating func tick(atNanoseconds now: Int64, lineHigh: Bool, truthRestricted: Bool, beamformerConnected: Bool) {
        if let since = pendingRestrictionSince, !lineHigh {
            worstRestrictionDelay = max(worstRestrictionDelay, now - since)
            pendingRestrictionSince = nil
        }
        if let since = pendingUnplugSince, !lineHigh {
            worstUnplugDelay = max(worstUnplugDelay, now - since)
            pendingUnplugSince = nil
        }
        if let since = pendingFaultSince, !lineHigh {
            worstFaultDelay = max(worstFaultDelay, now - since)
            pendingFaultSince = nil
        }
        if truthRestricted {
            let since = truthRestrictedSince ?? now
            truthRestrictedSince = since
            if lineHigh, now - since > graceNanoseconds { violationTicks += 1 }
        } else {
            truthRestrictedSince = nil
        }
        if lineHigh, outages.contains(where: { now >= $0.from + staleAfterNanoseconds + periodNanoseconds && now < $0.to }) {
            outageViolations += 1
        }
        if awaitingReconnect, beamformerConnected {
            awaitingReconnect = false
            reconnects += 1
        }
    }

    func verdicts(transmitFraction: Double, handovers: Int) -> [SimulationResult.Verdict] {
        expectations.map { expectation in
            switch expectation {
            case .transmitOffWithinOfRestriction(let limit):
                let worst = Double(pendingRestrictionSince == nil ? worstRestrictionDelay : .max) / 1e6
                return .init(
                    expectation: "transmit off within \(limit) ms of a fix inside a restricted zone",
                    passed: worst <= limit, detail: "\(restrictionEntries) entries, worst \(Self.milliseconds(worst))")
            case .transmitOffWithinOfFault(let limit):
                let worst = Double(pendingFaultSince == nil ? worstFaultDelay : .max) / 1e6
                return .init(
                    expectation: "transmit off within \(limit) ms of a fault", passed: worst <= limit,
                    detail: "\(faults) faults, worst \(Self.milliseconds(worst))")
            case .neverTransmitInRestrictedZone(let grace):
                return .init(
                    expectation: "never transmit in a restricted zone (grace \(grace) ms)", passed: violationTicks == 0,
                    detail: "\(violationTicks) ticks in violation")
            case .transmitOnFractionAtLeast(let fraction):
                return .init(
                    expectation: "transmit on at least \(fraction) of the run", passed: transmitFraction >= fraction,
                    detail: String(format: "%.3f", transmitFraction))
            case .handoversAtLeast(let count):
                return .init(expectation: "at least \(count) handovers", passed: handovers >= count, detail: "\(handovers)")
            case .beamformerReconnects:
                return .init(
                    expectation: "the beamformer bridge reconnects after every unplug", passed: unplugs > 0 && reconnects == unplugs,
                    detail: "\(unplugs) unplugs, \(reconnects) reconnects")
            case .transmitOffWithinOfUnplug(let limit):
                let worst = Double(pendingUnplugSince == nil ? worstUnplugDelay : .max) / 1e6
                return .init(
                    expectation: "transmit off within \(limit) ms of a beamformer unplug", passed: unplugs > 0 && worst <= limit,
                    detail: "\(unplugs) unplugs, worst \(Self.milliseconds(worst))")
            case .transmitOffDuringGNSSOutage:
                return .init(
                    expectation: "transmit off while the fix is stale during GNSS outages",
                    passed: !outages.isEmpty && outageViolations == 0,
                    detail: "\(outages.count) outages, \(outageViolations) ticks in violation")
            }
        }
    }

    private static func milliseconds(_ value: Double) -> String {
        value >= Double(Int64.max) / 1e6 ? "never switched off" : String(format: "%.3f ms", value)
    }
}
