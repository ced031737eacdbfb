import Orbit

extension HandoverScheduler {
    /// The decision for `slot` from the candidates gathered in `candidateScratch`: the held
    /// satellite while its network's period lasts, else a choice that keeps to the attached
    /// network while it has a candidate, else the policy's best of any network considered —
    /// at the cost of an acquisition outage when that changes network (`NetworkSelection`).
    mutating func decideAcrossNetworks(
        _ slot: ReconfigurationSlot, heldCandidate: SlotCandidate?, obstructedOnly: Bool
    ) -> SlotDecision {
        if networks.acquiring() {
            previousServing = nil
            return SlotDecision(
                slot: slot, serving: nil, runnerUp: heldCandidate, outage: .networkSwitch,
                candidateCount: candidateScratch.count)
        }
        var serving: SlotCandidate?
        var runnerUp: SlotCandidate?
        if let heldCandidate {
            serving = heldCandidate
            runnerUp = policy.bestTwo(candidateScratch, excludingCatalogNumber: heldCandidate.catalogNumber).0
        } else {
            var pool = candidateScratch
            if let attached = networks.state.attached, candidateScratch.contains(where: { $0.constellation != attached }) {
                networkScratch.removeAll(keepingCapacity: true)
                for candidate in candidateScratch where candidate.constellation == attached {
                    networkScratch.append(candidate)
                }
                if !networkScratch.isEmpty { pool = networkScratch }
            }
            (serving, runnerUp) = choose(from: pool, for: slot)
        }
        if let chosen = serving, heldCandidate == nil, networks.choose(chosen, inSlot: slot.index) {
            previousServing = nil
            return SlotDecision(
                slot: slot, serving: nil, runnerUp: chosen, outage: .networkSwitch, candidateCount: candidateScratch.count)
        }
        previousServing = serving.map { (slot.index, $0.catalogNumber) }
        return SlotDecision(
            slot: slot, serving: serving, runnerUp: runnerUp,
            outage: serving != nil ? nil : (obstructedOnly ? .obstructed : .noSatellite),
            candidateCount: candidateScratch.count)
    }

    /// The serving satellite and runner-up among `candidates`: the policy's best two, except
    /// that `longestVisibility` keeps the previous slot's satellite while it qualifies.
    func choose(from candidates: [SlotCandidate], for slot: ReconfigurationSlot) -> (SlotCandidate?, SlotCandidate?) {
        if policy == .longestVisibility, let previous = previousServing, previous.slotIndex == slot.index - 1,
            let incumbent = candidates.first(where: { $0.catalogNumber == previous.catalogNumber })
        {
            return (incumbent, policy.bestTwo(candidates, excludingCatalogNumber: incumbent.catalogNumber).0)
        }
        return policy.bestTwo(candidates)
    }
}
