/// The scheduler's choice for one slot.
public struct SlotDecision: Sendable, Hashable {
    /// The slot.
    public var slot: ReconfigurationSlot
    /// The serving satellite, nil during an outage.
    public var serving: SlotCandidate?
    /// The satellite the policy ranked second, if any: where the terminal would go if the
    /// serving one were lost. During a `networkSwitch` outage, the satellite of the new network
    /// being acquired.
    public var runnerUp: SlotCandidate?
    /// Why there is no serving satellite; nil when there is one.
    public var outage: OutageReason?
    /// How many satellites qualified.
    public var candidateCount: Int

    /// A decision from its parts.
    public init(
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
