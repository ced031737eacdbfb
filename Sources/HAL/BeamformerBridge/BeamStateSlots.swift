/// The device side's stored beam states (ADAR1000-style: `beamStateSlotCount` slots, each a
/// code per element, loaded in pieces, latched whole). Every bridge that answers the protocol
/// keeps them this way: the simulated bridge (HALSim) and the virtual bench's emulator.
package struct BeamStateSlots: Sendable {
    private struct Slot: Sendable {
        var codes: [BeamformerChannelCode]
        var written: [Bool]
        var unwrittenCount: Int
    }

    /// Elements per slot.
    package let elementCount: Int
    private var slots: [Slot?] = Array(repeating: nil, count: BeamformerBridgeProtocol.beamStateSlotCount)

    /// Empty slots of `elementCount` elements.
    package init(elementCount: Int) {
        self.elementCount = max(0, elementCount)
    }

    /// Checks a load and, when all of it is valid, writes its codes into its slot (a refused
    /// load changes nothing). Returns the acknowledgement's status and detail (the first bad
    /// element for `codeOutOfRange`).
    package mutating func store(_ load: BeamStateLoad, from bytes: [UInt8]) -> (status: BeamformerBridgeStatus, detail: UInt16) {
        guard Int(load.slot) < BeamformerBridgeProtocol.beamStateSlotCount else { return (.slotOutOfRange, 0) }
        guard load.firstElement + load.elementCount <= elementCount else { return (.elementRangeOutOfRange, 0) }
        let codes = BeamformerBridgeCodec.channelCodes(of: load, in: bytes)
        if let bad = codes.firstIndex(where: { !$0.isValid }) {
            return (.codeOutOfRange, UInt16(truncatingIfNeeded: load.firstElement + bad))
        }
        var slot =
            slots[Int(load.slot)]
            ?? Slot(
                codes: Array(repeating: .zero, count: elementCount), written: Array(repeating: false, count: elementCount),
                unwrittenCount: elementCount)
        for (offset, code) in codes.enumerated() {
            let element = load.firstElement + offset
            slot.codes[element] = code
            if !slot.written[element] {
                slot.written[element] = true
                slot.unwrittenCount -= 1
            }
        }
        slots[Int(load.slot)] = slot
        return (.ok, 0)
    }

    /// The codes to apply on a latch of `slot`, or why it cannot be latched (`slotOutOfRange`,
    /// or `slotNotLoaded` while any element of the slot is unwritten).
    package func codesToLatch(_ slot: UInt8) -> Result<[BeamformerChannelCode], BeamformerBridgeStatusError> {
        guard Int(slot) < BeamformerBridgeProtocol.beamStateSlotCount else { return .failure(.init(status: .slotOutOfRange)) }
        guard let stored = slots[Int(slot)], stored.unwrittenCount == 0 else { return .failure(.init(status: .slotNotLoaded)) }
        return .success(stored.codes)
    }

    /// The codes stored in `slot`, or nil when nothing was written there since the last clear.
    package func codes(inSlot slot: UInt8) -> [BeamformerChannelCode]? {
        Int(slot) < slots.count ? slots[Int(slot)]?.codes : nil
    }

    /// Forgets every slot (reset, power cycle).
    package mutating func clear() {
        for index in slots.indices { slots[index] = nil }
    }
}

/// A bridge status that refuses a request, as an `Error` (for `Result`).
package struct BeamformerBridgeStatusError: Error, Sendable, Hashable {
    /// The status the acknowledgement carries.
    package var status: BeamformerBridgeStatus
}
