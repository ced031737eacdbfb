#if os(Linux)
    import TestSupport
    import Orbit
    import Testing

    @testable import Handover

    /// Deciding a slot allocates (almost) nothing once the scheduler is warm (its visibility
    /// windows searched, its scratch buffers grown): a daemon decides 5,760 slots a day, and the
    /// 24 h benchmark counted 196,684 allocations. Counted by `MallocTrace` over runs of 40 and
    /// 200 consecutive slots inside one window search, for both policies the shipped
    /// configurations use.
    ///
    /// This suite runs unoptimised, where iterating an array through the generic `Collection`
    /// witnesses allocates a 40-byte coroutine frame per element read (`for x in array`: about
    /// 15 a slot here, all from libswiftCore's `subscript.read` witnesses); an optimised build
    /// inlines them. The bound is set above that and well below the 53 a slot that the
    /// dictionary of boundary samples and the local function's captured variables cost.
    @Suite struct SchedulerAllocationTests {
        static let observer = GeodeticPosition(latitudeDegrees: -33.92, longitudeDegrees: 18.42, heightMetres: 10)
        static let start = JulianDate(unixSeconds: 1_787_428_800)  // 2026-08-23T00:00:00Z

        @Test(.enabled(if: MallocTrace.isAvailable, "\(MallocTrace.unavailableReason)"))
        func decidingASlotAllocatesNothingOnceWarm() throws {
            if MallocTrace.isChild {
                try Self.traceRuns()
                return
            }
            let windows = try MallocTrace.countInChild(filter: "SchedulerAllocationTests")
            try #require(windows.count == 4, "trace windows: \(windows)")
            for (policy, short, long) in [("highestElevation", windows[0], windows[1]), ("longestVisibility", windows[2], windows[3])] {
                let perSlot = Double(long - short) / 160
                print("scheduler allocations, \(policy): 40/200 slots \(short)/\(long), \(perSlot) per slot")
                #expect(perSlot < 20, "\(policy): \(perSlot) allocations per slot")
            }
        }

        /// In the child: per policy, 40 slots then 200 more, after a warm-up that searched the
        /// windows for two hours (480 slots, so none of the traced slots searches again).
        private static func traceRuns() throws {
            let ephemeris = ConstellationEphemeris(elementSets: try StarlinkShells.shell1.elementSets(epoch: start))
            var schedulers = [HandoverPolicy.highestElevation, .longestVisibility].map {
                HandoverScheduler(ephemeris: ephemeris, observer: observer, policy: $0, lookaheadSeconds: 7_200)
            }
            let clock = SlotClock.starlink
            let first = clock.firstSlot(startingAtOrAfter: start).index
            var served = 0
            func decide(_ scheduler: inout HandoverScheduler, slots: Range<Int64>) {
                for index in slots where scheduler.decision(for: clock.slot(index: first + index)).serving != nil {
                    served += 1
                }
            }
            for index in schedulers.indices { decide(&schedulers[index], slots: 0..<10) }
            try MallocTrace.trace { mark in
                decide(&schedulers[0], slots: 10..<50)
                mark()
                decide(&schedulers[0], slots: 50..<250)
                mark()
                decide(&schedulers[1], slots: 10..<50)
                mark()
                decide(&schedulers[1], slots: 50..<250)
            }
            #expect(served > 200, "shell 1 serves Cape Town in about half the slots")
        }
    }
#endif
