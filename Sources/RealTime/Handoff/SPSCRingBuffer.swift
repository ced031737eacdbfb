import Synchronization

/// A single-producer, single-consumer ring buffer of fixed capacity, for events out of the
/// tick (telemetry samples, audit requests) to a slower consumer. The tick never waits: when
/// the ring is full, `tryPush` drops the event, counts it, and returns `false`.
///
/// Two monotonically increasing positions: `tail` (next slot to write, stored only by the
/// producer) and `head` (next slot to read, stored only by the consumer); the slot of a
/// position is `position & (capacity - 1)`. Each side also keeps a private copy of the other
/// side's position and reloads it only when the ring looks full (or empty), so the common
/// case touches no cache line the other side writes.
///
/// Memory ordering: the producer writes the slot, then stores `tail` releasing; the consumer
/// loads `tail` acquiring before reading the slot, so it sees the element whole. The
/// consumer reads the slot, then stores `head` releasing; the producer loads `head` acquiring
/// before reusing a slot, so it never overwrites an element still being read. Own positions
/// are loaded relaxed (only their owner stores them). The drop counter is relaxed: it
/// orders nothing.
///
/// Contract: one producer thread and one consumer thread at a time. `Element` is
/// `BitwiseCopyable`, so a push or a pop is a plain copy: no allocation, no reference counting.
///
/// `@unchecked Sendable`: the slots and the private position copies live in manually
/// allocated memory; the protocol above keeps each slot owned by one side at a time.
package final class SPSCRingBuffer<Element: BitwiseCopyable & Sendable>: @unchecked Sendable {
    /// Number of elements the ring holds: the requested capacity rounded up to a power of two.
    package let capacity: Int
    private let mask: Int
    private let slots: UnsafeMutablePointer<Element>
    /// Producer's copy of `head`, then consumer's copy of `tail`.
    private let cachedPositions: UnsafeMutablePointer<Int>
    private let head = Atomic<Int>(0)
    private let tail = Atomic<Int>(0)
    private let drops = Atomic<UInt64>(0)

    /// Creates an empty ring holding at least `minimumCapacity` elements (at least 2, at most
    /// 2^30), rounded up to a power of two. Its memory is allocated and touched here, so that
    /// the first pushes take no page faults.
    package init(minimumCapacity: Int) {
        let wanted = min(max(minimumCapacity, 2), 1 << 30)
        capacity = 1 << (Int.bitWidth - (wanted - 1).leadingZeroBitCount)
        mask = capacity - 1
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: capacity * MemoryLayout<Element>.stride, alignment: MemoryLayout<Element>.alignment)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: capacity * MemoryLayout<Element>.stride)
        // Zero bytes are a valid-to-overwrite bit pattern for a BitwiseCopyable type; slots
        // are never read before a push has written them.
        slots = raw.bindMemory(to: Element.self, capacity: capacity)
        cachedPositions = .allocate(capacity: 2)
        cachedPositions.initialize(repeating: 0, count: 2)
    }

    deinit {
        UnsafeMutableRawPointer(slots).deallocate()
        cachedPositions.deallocate()
    }

    /// Appends `element` (producer side). Wait-free. Returns `false`, and counts a drop, when
    /// the ring is full.
    @discardableResult
    @inline(__always)
    package func tryPush(_ element: Element) -> Bool {
        let position = tail.load(ordering: .relaxed)
        if position &- cachedPositions[0] >= capacity {
            cachedPositions[0] = head.load(ordering: .acquiring)
            if position &- cachedPositions[0] >= capacity {
                drops.wrappingAdd(1, ordering: .relaxed)
                return false
            }
        }
        slots[position & mask] = element
        tail.store(position &+ 1, ordering: .releasing)
        return true
    }

    /// Removes and returns the oldest element, or `nil` when the ring is empty (consumer side).
    @inline(__always)
    package func tryPop() -> Element? {
        let position = head.load(ordering: .relaxed)
        if position == cachedPositions[1] {
            cachedPositions[1] = tail.load(ordering: .acquiring)
            if position == cachedPositions[1] { return nil }
        }
        let element = slots[position & mask]
        head.store(position &+ 1, ordering: .releasing)
        return element
    }

    /// Pops every element present when called, oldest first, handing each to `consume`
    /// (consumer side). Returns how many were popped.
    @discardableResult
    package func drain(_ consume: (Element) throws -> Void) rethrows -> Int {
        let start = head.load(ordering: .relaxed)
        let end = tail.load(ordering: .acquiring)
        cachedPositions[1] = end
        var position = start
        while position != end {
            try consume(slots[position & mask])
            position &+= 1
            head.store(position, ordering: .releasing)
        }
        return end &- start
    }

    /// Events dropped because the ring was full, since creation.
    package var droppedCount: UInt64 {
        drops.load(ordering: .relaxed)
    }

    /// Elements in the ring at some instant during the call (exact only when neither side is
    /// active).
    package var approximateCount: Int {
        let end = tail.load(ordering: .acquiring)
        return max(0, min(capacity, end &- head.load(ordering: .acquiring)))
    }
}
