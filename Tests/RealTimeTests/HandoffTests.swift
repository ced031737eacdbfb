import Testing

@testable import RealTime

/// A payload whose fields must agree: a torn read (half of one publication, half of another)
/// breaks the relation between them.
struct CheckedPayload: Sendable, BitwiseCopyable, Equatable {
    var sequence: UInt64
    var squared: UInt64
    var complement: UInt64
    var asDouble: Double
    var padding: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ sequence: UInt64) {
        self.sequence = sequence
        squared = sequence &* sequence
        complement = ~sequence
        asDouble = Double(sequence)
        padding = (sequence, sequence &+ 1, sequence &+ 2, sequence &+ 3)
    }

    var isConsistent: Bool {
        squared == sequence &* sequence && complement == ~sequence && asDouble == Double(sequence)
            && padding == (sequence, sequence &+ 1, sequence &+ 2, sequence &+ 3)
    }

    static func == (lhs: CheckedPayload, rhs: CheckedPayload) -> Bool { lhs.sequence == rhs.sequence }
}

@Suite struct LatestValueMailboxTests {
    @Test func readsTheInitialValueThenTheLatest() {
        let mailbox = LatestValueMailbox(initial: CheckedPayload(0))
        #expect(mailbox.read().sequence == 0)
        #expect(mailbox.readIfUpdated() == nil)
        mailbox.publish(CheckedPayload(1))
        mailbox.publish(CheckedPayload(2))
        #expect(mailbox.readIfUpdated()?.sequence == 2)  // 1 was overwritten: latest wins
        #expect(mailbox.readIfUpdated() == nil)
        #expect(mailbox.read().sequence == 2)
        mailbox.publish(CheckedPayload(3))
        #expect(mailbox.read().sequence == 3)
        #expect(mailbox.publicationCount == 3)
    }

    /// A producer thread publishes 2·10⁵ values while this thread reads as fast as it can:
    /// every value read is whole, and sequences never go backwards.
    @Test func twoThreadsHammeringSeeNoTornOrStaleValues() throws {
        let mailbox = LatestValueMailbox(initial: CheckedPayload(0))
        let publications: UInt64 = 200_000
        let producer = try LoopThread.start(name: "test-producer") { _ in
            for sequence in 1...publications { mailbox.publish(CheckedPayload(sequence)) }
            return publications
        }
        var reads = 0
        var torn = 0
        var backwards = 0
        var distinct = 0
        var last: UInt64 = 0
        while last < publications {
            let value = mailbox.read()
            reads += 1
            if !value.isConsistent { torn += 1 }
            if value.sequence < last { backwards += 1 }
            if value.sequence != last { distinct += 1 }
            last = value.sequence
        }
        #expect(producer.join() == publications)
        #expect(torn == 0)
        #expect(backwards == 0)
        #expect(last == publications)
        #expect(distinct > 1)  // the reader really overlapped the writer
        #expect(reads > distinct)
    }
}

@Suite struct SPSCRingBufferTests {
    @Test func capacityRoundsUpToAPowerOfTwo() {
        #expect(SPSCRingBuffer<UInt64>(minimumCapacity: 1).capacity == 2)
        #expect(SPSCRingBuffer<UInt64>(minimumCapacity: 1_000).capacity == 1_024)
        #expect(SPSCRingBuffer<UInt64>(minimumCapacity: 1_024).capacity == 1_024)
    }

    @Test func fifoOrderAndDropsWhenFull() {
        let ring = SPSCRingBuffer<UInt64>(minimumCapacity: 4)
        for value in UInt64(1)...4 { #expect(ring.tryPush(value)) }
        #expect(!ring.tryPush(5))
        #expect(ring.droppedCount == 1)
        #expect(ring.approximateCount == 4)
        #expect(ring.tryPop() == 1)
        #expect(ring.tryPush(6))
        var drained: [UInt64] = []
        #expect(ring.drain { drained.append($0) } == 4)
        #expect(drained == [2, 3, 4, 6])
        #expect(ring.tryPop() == nil)
        #expect(ring.approximateCount == 0)
    }

    /// A producer thread pushes 10⁶ events into a 256-slot ring while this thread pops: every
    /// event arrives whole and in order, and received + dropped == pushed.
    @Test func twoThreadsHammeringLoseNothingUncounted() throws {
        let ring = SPSCRingBuffer<CheckedPayload>(minimumCapacity: 256)
        let events: UInt64 = 1_000_000
        let producer = try LoopThread.start(name: "test-producer") { _ in
            var accepted: UInt64 = 0
            for sequence in 1...events where ring.tryPush(CheckedPayload(sequence)) { accepted += 1 }
            return accepted
        }
        var received: UInt64 = 0
        var torn = 0
        var outOfOrder = 0
        var last: UInt64 = 0
        // Every event is either received here or counted as dropped by the producer.
        while received + ring.droppedCount < events {
            guard let event = ring.tryPop() else { continue }
            received += 1
            if !event.isConsistent { torn += 1 }
            if event.sequence <= last { outOfOrder += 1 }
            last = event.sequence
        }
        let accepted = producer.join()
        #expect(torn == 0)
        #expect(outOfOrder == 0)
        #expect(received == accepted)
        #expect(received + ring.droppedCount == events)
    }
}
