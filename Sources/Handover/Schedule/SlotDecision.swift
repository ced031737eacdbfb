/// The scheduler's choice for one slot.
package struct SlotDecision: Sendable, Hashable {
    /// The slot.
    package var slot: ReconfigurationSlot
    /// The serving satellite, nil during an outage.
    package var serving: SlotCandidate?
    /// The satellite the policy ranked second, if any: where the terminal would go if the
    /// serving one were lost. During a `networkSwitch` outage, the satellite of the new network
    /// being acquired.
    package var runnerUp: SlotCandidate?
    /// Why there is no serving satellite; nil when there is one.
    package var outage: OutageReason?
    /// How many satellites qualified.
    package var candidateCount: Int

    /// A decision from its parts.
    package init(
        slot: ReconfigurationSlot, serving: SlotCandidate?, runnerUp: SlotCandidate?, outage: OutageReason?,
        candidateCount: Int
    ) {
        self.slot = slot
        self.serving = serving
        self.runnerUp = runnerUp
        self.outage = outage
        self.candidateCount = candidateCount
    }
}
