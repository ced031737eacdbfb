#if os(Linux)
    import Foundation
    import Glibc
    import Platform
    import Testing
    import TestSupport

    @testable import RealTime

    /// The tick path allocates nothing: counted, not assumed (`MallocTrace`).
    ///
    /// The traced child runs pairs of 1,000 and 21,000 ticks (virtual clock) and 100 and 2,100
    /// ticks (monotonic clock at 10 kHz) with the hand-offs exercised in every tick. Whatever a
    /// run allocates once (or what another thread of the test runner allocates meanwhile)
    /// appears in both runs of a pair; an allocation per tick would appear 20,000 (or 2,000) more
    /// times in the longer one.
    @Suite struct RealTimeAllocationTests {
        @Test(.enabled(if: MallocTrace.isAvailable, "\(MallocTrace.unavailableReason)"))
        func theTickPathAllocatesNothingPerTick() throws {
            if MallocTrace.isChild {
                try Self.traceRuns()
                return
            }
            let windows = try MallocTrace.countInChild(filter: #"RealTimeTests\.RealTimeAllocationTests/"#)
            try #require(windows.count == 4, "trace windows: \(windows)")
            let virtualExtra = windows[1] - windows[0]
            let monotonicExtra = windows[3] - windows[2]
            print(
                "RealTime allocations: virtual 1k/21k ticks \(windows[0])/\(windows[1]), monotonic 100/2.1k ticks \(windows[2])/\(windows[3])"
            )
            // Zero is expected; a little slack for the test runner's own threads.
            #expect(virtualExtra < 20, "20,000 extra virtual ticks allocated \(virtualExtra) times")
            #expect(monotonicExtra < 20, "2,000 extra monotonic ticks allocated \(monotonicExtra) times")
        }

        /// In the child: the traced runs, separated by marks.
        private static func traceRuns() throws {
            let utc = UTCReference()
            utc.synchronise(utc: UTCInstant(nanosecondsSinceUnixEpoch: 1_735_689_600_000_000_000), atMonotonicNanoseconds: 0)
            let configuration = LoopConfiguration(healthWindowTicks: 100)
            let clock = VirtualClock(wakeLatency: .uniform(maximumNanoseconds: 1_200_000, seed: 3))  // with overruns
            let monitor = LoopTimingMonitor(capacity: 256)
            let virtualLoop = FixedStepLoop(
                clock: clock, configuration: configuration, utcReference: utc, timingSamples: monitor.samples)
            let fast = LoopConfiguration(rate: try TickRate(hertz: 10_000), healthWindowTicks: 100)
            let monotonicLoop = FixedStepLoop(
                clock: MonotonicClock(), configuration: fast, utcReference: utc, timingSamples: monitor.samples)
            var body = HandoffExercisingBody(monitor: monitor)
            virtualLoop.run(&body, until: .ticks(1_000))  // warm-up: first touches, lazy initialisation
            monotonicLoop.run(&body, until: .ticks(100))

            try MallocTrace.trace { mark in
                virtualLoop.run(&body, until: .ticks(1_000))
                mark()
                virtualLoop.run(&body, until: .ticks(21_000))
                mark()
                monotonicLoop.run(&body, until: .ticks(100))
                mark()
                monotonicLoop.run(&body, until: .ticks(2_100))
            }
            #expect(body.ticks > 0)
        }
    }

    /// A tick body that uses both hand-offs every tick, as the terminal's tick will, and drains
    /// the timing monitor now and then (its consumer side, here on the same thread).
    struct HandoffExercisingBody: TickBody {
        let monitor: LoopTimingMonitor
        let mailbox = LatestValueMailbox(initial: CheckedPayload(0))
        let ring = SPSCRingBuffer<CheckedPayload>(minimumCapacity: 64)
        private(set) var ticks: UInt64 = 0
        private(set) var checksum: UInt64 = 0

        mutating func tick(_ context: TickContext) {
            ticks &+= 1
            mailbox.publish(CheckedPayload(context.tickIndex))
            checksum &+= mailbox.read().sequence
            ring.tryPush(CheckedPayload(context.sequenceNumber))
            if context.tickIndex % 3 == 0 { ring.drain { checksum &+= $0.squared } }
            if context.tickIndex % 7 == 0 { checksum &+= UInt64(monitor.drain()) }
            checksum &+= UInt64(bitPattern: context.scheduledUTC?.nanosecondsSinceUnixEpoch ?? 0)
        }
    }
#endif
