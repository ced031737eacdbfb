import Synchronization

/// A single-producer, single-consumer "latest value" mailbox: a slow part (GNSS, the policy
/// loader, the pass predictor) publishes, the tick reads the newest value published, and
/// neither ever waits for the other. Intermediate values may be skipped; a value is never
/// torn (half old, half new).
///
/// A triple buffer: three slots, one owned by the producer (the *back*), one by the consumer
/// (the *front*), one in the middle, whose index sits with a "fresh" bit in one atomic word.
/// Publishing writes the back slot, then exchanges it with the middle; reading, when the
/// middle is fresh, exchanges the front with the middle. Both sides are wait-free (one atomic
/// exchange), allocate nothing, and copy the value exactly once. No slot is ever accessed by
/// both sides at once, so there is no data race to reason about, unlike a seqlock, whose
/// reader copies memory that the writer may be changing.
///
/// Memory ordering: both exchanges are acquiring-and-releasing. The producer's release makes
/// its writes to the slot visible to the consumer's acquire; the consumer's release makes its
/// last reads of the slot it gives back happen before the producer's acquire and its next
/// writes into that slot. The fresh-bit check before the consumer's exchange is a relaxed
/// load: it only decides whether to exchange.
///
/// Contract: at most one thread publishes and at most one thread reads, at a time (debug
/// builds check it). `Value` is `BitwiseCopyable` so that a copy is a plain memory copy:
/// no retain, no release, no allocation.
///
/// `@unchecked Sendable`: the slots and each side's private index live in manually allocated
/// memory that the compiler cannot see is safe; the triple-buffer protocol above is what
/// keeps each slot owned by one side at a time.
public final class LatestValueMailbox<Value: BitwiseCopyable & Sendable>: @unchecked Sendable {
    private static var freshBit: Int { 0b100 }
    private static var indexMask: Int { 0b011 }

    private let slots: UnsafeMutablePointer<Value>
    /// Producer-private index of the back slot, then consumer-private index of the front slot.
    private let privateIndices: UnsafeMutablePointer<Int>
    private let middle: Atomic<Int>
    private let publications = Atomic<UInt64>(0)
    #if DEBUG
        private let producerBusy = Atomic<Bool>(false)
        private let consumerBusy = Atomic<Bool>(false)
    #endif

    /// Creates a mailbox whose reader sees `initial` until the first publication.
    public init(initial: Value) {
        slots = .allocate(capacity: 3)
        slots.initialize(repeating: initial, count: 3)
        privateIndices = .allocate(capacity: 2)
        privateIndices[0] = 0  // back
        privateIndices[1] = 2  // front
        middle = Atomic(1)
    }

    deinit {
        slots.deinitialize(count: 3)
        slots.deallocate()
        privateIndices.deallocate()
    }

    /// Publishes `value` (producer side). Wait-free; replaces any value not yet read.
    @inline(__always)
    package func publish(_ value: Value) {
        #if DEBUG
            let entered = producerBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
            assert(entered, "LatestValueMailbox: two producers published at once")
            defer { producerBusy.store(false, ordering: .releasing) }
        #endif
        let back = privateIndices[0]
        slots[back] = value
        let previous = middle.exchange(back | Self.freshBit, ordering: .acquiringAndReleasing)
        privateIndices[0] = previous & Self.indexMask
        publications.wrappingAdd(1, ordering: .relaxed)
    }

    /// The newest value published, or the initial value before any (consumer side). Wait-free.
    @inline(__always)
    package func read() -> Value {
        _ = takeFreshIfAny()
        return slots[privateIndices[1]]
    }

    /// The newest value if one was published since the last read, else `nil` (consumer side).
    @inline(__always)
    package func readIfUpdated() -> Value? {
        takeFreshIfAny() ? slots[privateIndices[1]] : nil
    }

    /// How many values were published (relaxed: for monitoring, not for synchronisation).
    package var publicationCount: UInt64 {
        publications.load(ordering: .relaxed)
    }

    @inline(__always)
    private func takeFreshIfAny() -> Bool {
        #if DEBUG
            let entered = consumerBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
            assert(entered, "LatestValueMailbox: two consumers read at once")
            defer { consumerBusy.store(false, ordering: .releasing) }
        #endif
        guard middle.load(ordering: .relaxed) & Self.freshBit != 0 else { return false }
        let previous = middle.exchange(privateIndices[1], ordering: .acquiringAndReleasing)
        privateIndices[1] = previous & Self.indexMask
        return true
    }
}
