import Terminal

/// The last `capacity` 1 s history samples, oldest first: a fixed ring the daemon drains the
/// tick's hand-off into (the tick's ring is single-consumer and small; this one is what
/// `/history` and reports read).
package struct HistoryWindow: Sendable {
    /// Samples kept at most.
    package let capacity: Int
    private var storage: [HistorySample]
    private var next = 0
    /// Samples ever appended.
    package private(set) var total: UInt64 = 0

    /// An empty window of `capacity` samples (at least 1).
    package init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage = []
        storage.reserveCapacity(self.capacity)
    }

    /// Appends a sample, dropping the oldest when full.
    package mutating func append(_ sample: HistorySample) {
        if storage.count < capacity {
            storage.append(sample)
        } else {
            storage[next] = sample
        }
        next = (next + 1) % capacity
        total += 1
    }

    /// The newest `limit` samples (all when nil), oldest first.
    package func samples(limit: Int? = nil) -> [HistorySample] {
        let ordered = storage.count < capacity ? storage : Array(storage[next...] + storage[..<next])
        guard let limit, limit < ordered.count else { return ordered }
        return Array(ordered.suffix(limit))
    }

    /// The newest sample.
    package var latest: HistorySample? {
        guard !storage.isEmpty else { return nil }
        return storage[(next - 1 + capacity) % capacity]
    }
}
