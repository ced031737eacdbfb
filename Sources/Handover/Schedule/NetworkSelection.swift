import Orbit

/// Which networks the scheduler may use, how each reconfigures on the scheduler's slot grid,
/// and the network state that evolves slot by slot: the network the terminal is attached to,
/// the satellite it holds until its network's next boundary, and the slots left acquiring a
/// network it is switching to.
///
/// A network whose reconfiguration period is k slots (`Constellation.reconfigurationClock`,
/// on the scheduler's grid) lets a served terminal change satellite only at its boundaries;
/// the satellite chosen there must qualify until the network's next boundary and is held until
/// then. A terminal not holding a satellite (joining a network, after an outage) may take one
/// at any slot, for the rest of the network's period. A cadence off the scheduler's grid (a
/// custom `SlotClock`) is taken as every slot.
///
/// The terminal keeps to the network it is attached to while that network has a candidate,
/// and changes network only when it has none or is no longer permitted: a change costs
/// `acquisitionSlots` slots of outage (`OutageReason.networkSwitch`,
/// `Constellation.networkAcquisitionSeconds` rounded up to whole slots). A schedule starts
/// attached to no network, so its first network costs nothing.
struct NetworkSelection: Sendable {
    /// The network state at a slot boundary.
    struct State: Sendable {
        /// The network the terminal is logged into (nil before the first).
        var attached: Constellation?
        /// The satellite held (catalogue number, network) and the last slot it is held through.
        var heldCatalogNumber: Int?
        var heldConstellation: Constellation?
        var heldThroughSlotIndex: Int64 = .min
        /// Outage slots left acquiring `attached` after a switch.
        var acquisitionSlotsLeft = 0
    }

    /// Usable by the hardware (the board), by ordinal.
    let usable: [Bool]
    /// Usable and permitted now, by ordinal.
    private(set) var considered: [Bool]
    /// Slots per reconfiguration period, by ordinal (1 for a cadence off the grid).
    let cadenceSlots: [Int64]
    /// The slot index residue (mod the period in slots) of each network's boundaries.
    let cadenceResidues: [Int64]
    /// Outage slots a switch to each network costs.
    let acquisitionSlots: [Int]
    /// How far the longest reconfiguration period of a usable network reaches past one slot,
    /// seconds (0 when every usable network changes every slot).
    let longestPeriodBeyondSlotSeconds: Double

    /// The state as of the last slot decided.
    var state = State()
    /// The state before the last slot decided, and that slot's index: deciding the same slot
    /// again starts from here, so a repeated decision sees what the first one saw.
    private var stateBefore = State()
    private var lastSlotIndex: Int64?

    init(slotClock: SlotClock, usable: Set<Constellation>, permitted: Set<Constellation>) {
        let all = Constellation.allCases
        self.usable = all.map { usable.contains($0) }
        considered = all.map { usable.contains($0) && permitted.contains($0) }
        var slots: [Int64] = []
        var residues: [Int64] = []
        for network in all {
            let clock = network.reconfigurationClock
            let phaseDifference = clock.phaseNanoseconds - slotClock.phaseNanoseconds
            if clock.periodNanoseconds % slotClock.periodNanoseconds == 0,
                SlotClock.floorModulo(phaseDifference, slotClock.periodNanoseconds) == 0
            {
                let k = clock.periodNanoseconds / slotClock.periodNanoseconds
                slots.append(k)
                residues.append(SlotClock.floorModulo(phaseDifference / slotClock.periodNanoseconds, k))
            } else {
                slots.append(1)
                residues.append(0)
            }
        }
        cadenceSlots = slots
        cadenceResidues = residues
        let longest = all.filter { usable.contains($0) }.map { slots[$0.ordinal] }.max() ?? 1
        longestPeriodBeyondSlotSeconds = Double(longest - 1) * slotClock.periodSeconds
        acquisitionSlots = all.map { network in
            let seconds = max(network.networkAcquisitionSeconds, 0)
            return Int((seconds / slotClock.periodSeconds).rounded(.up))
        }
    }

    /// Sets the permitted networks (intersected with the usable ones).
    mutating func permit(_ permitted: Set<Constellation>) {
        for network in Constellation.allCases {
            considered[network.ordinal] = usable[network.ordinal] && permitted.contains(network)
        }
    }

    /// Starts deciding `slotIndex` (restoring the state from before it when it is decided again).
    mutating func begin(slotIndex: Int64) {
        if lastSlotIndex == slotIndex {
            state = stateBefore
        } else {
            stateBefore = state
            lastSlotIndex = slotIndex
        }
    }

    /// Whether `network` may serve now.
    func considers(_ network: Constellation) -> Bool { considered[network.ordinal] }

    /// The last slot of `network`'s reconfiguration period containing slot `slotIndex`.
    func lastSlotOfPeriod(containing slotIndex: Int64, of network: Constellation) -> Int64 {
        let k = cadenceSlots[network.ordinal]
        return slotIndex + (k - 1 - SlotClock.floorModulo(slotIndex - cadenceResidues[network.ordinal], k))
    }

    /// Whether slot `slotIndex` opens a reconfiguration period of `network`.
    func isBoundary(_ slotIndex: Int64, of network: Constellation) -> Bool {
        SlotClock.floorModulo(slotIndex - cadenceResidues[network.ordinal], cadenceSlots[network.ordinal]) == 0
    }

    /// The satellite (catalogue number) held through slot `slotIndex` on a network still
    /// considered, if any.
    func held(at slotIndex: Int64) -> Int? {
        guard let number = state.heldCatalogNumber, let network = state.heldConstellation, considers(network),
            slotIndex <= state.heldThroughSlotIndex
        else { return nil }
        return number
    }

    /// Forgets the held satellite (a restricted slot: the terminal is not served).
    mutating func release() {
        state.heldCatalogNumber = nil
        state.heldConstellation = nil
        state.acquisitionSlotsLeft = 0
    }

    /// Records the choice of `candidate` in slot `slotIndex`; returns whether it is a change of
    /// network that costs an acquisition outage starting now.
    mutating func choose(_ candidate: SlotCandidate, inSlot slotIndex: Int64) -> Bool {
        let network = candidate.constellation
        state.heldCatalogNumber = candidate.catalogNumber
        state.heldConstellation = network
        state.heldThroughSlotIndex = lastSlotOfPeriod(containing: slotIndex, of: network)
        let switching = state.attached != nil && state.attached != network && acquisitionSlots[network.ordinal] > 0
        state.attached = network
        state.acquisitionSlotsLeft = switching ? acquisitionSlots[network.ordinal] - 1 : 0
        return switching
    }

    /// Whether this slot is still spent acquiring the network switched to (counts it down).
    mutating func acquiring() -> Bool {
        guard state.acquisitionSlotsLeft > 0 else { return false }
        state.acquisitionSlotsLeft -= 1
        return true
    }
}
