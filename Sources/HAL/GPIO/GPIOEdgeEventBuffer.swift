/// A fixed-capacity buffer that `GPIOInputLine.pollEvents(into:)` fills without allocating.
///
/// Make it once, outside the real-time loop, with the most events one tick may take; each
/// tick calls `removeAll()` then polls. Appending never grows the storage: a full buffer
/// leaves further events queued in the backend for the next poll. (Copying the buffer and
/// then appending to the copy would allocate, as for any array: keep one owner.)
package struct GPIOEdgeEventBuffer: Sendable, RandomAccessCollection {
    private var storage: [GPIOEdgeEvent]
    /// The most events the buffer holds.
    package let capacity: Int

    /// Reserves room for `capacity` events (at least one).
    package init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        storage = []
        storage.reserveCapacity(self.capacity)
    }

    /// Room left before the buffer is full.
    package var freeCapacity: Int { capacity - storage.count }

    /// Whether no more events fit.
    package var isFull: Bool { storage.count >= capacity }

    /// Adds an event if there is room; returns whether it was added.
    @discardableResult
    package mutating func append(_ event: GPIOEdgeEvent) -> Bool {
        guard storage.count < capacity else { return false }
        storage.append(event)
        return true
    }

    /// Gives the event at `position` another timestamp (a bench translating the kernel's
    /// clock into a run's virtual clock).
    package mutating func restamp(_ position: Int, timestampNanoseconds: UInt64) {
        storage[position].timestampNanoseconds = timestampNanoseconds
    }

    /// Empties the buffer, keeping its storage.
    package mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
    }

    /// The first event's position (0).
    package var startIndex: Int { storage.startIndex }
    /// One past the last event.
    package var endIndex: Int { storage.endIndex }
    /// The event at `position`, oldest first.
    package subscript(position: Int) -> GPIOEdgeEvent { storage[position] }
}
