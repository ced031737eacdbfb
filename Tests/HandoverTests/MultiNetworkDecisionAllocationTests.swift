#if os(Linux)
    import TestSupport
    import Orbit
    import Testing

    @testable import Handover

    /// Deciding a slot across several networks (Starlink shell 1 and Kuiper shell 1, each on its
    /// own cadence, the terminal keeping to one) allocates only what one network does per
    /// window evaluated: unoptimised, the generic `Collection` witnesses' 40-byte frames
    /// (`SchedulerAllocationTests`, under 20 a slot for one network). Measured at Cape Town:
    /// Starlink shell 1 alone 17.4 a slot, Kuiper shell 1 alone 8.7, both 29.8 — the sum of the
    /// two, not a growth per slot; so the bound is 20 per network.
    @Suite struct MultiNetworkDecisionAllocationTests {
        static let observer = GeodeticPosition(latitudeDegrees: -33.92, longitudeDegrees: 18.42, heightMetres: 10)
        static let start = JulianDate(unixSeconds: 1_787_428_800)  // 2026-08-23T00:00:00Z

        @Test(.enabled(if: MallocTrace.isAvailable, "\(MallocTrace.unavailableReason)"))
        func decidingASlotAcrossNetworksAllocatesNothingOnceWarm() throws {
            if MallocTrace.isChild {
                try Self.traceRuns()
                return
            }
            let windows = try MallocTrace.countInChild(filter: "MultiNetworkDecisionAllocationTests")
            try #require(windows.count == 2, "trace windows: \(windows)")
            let perSlot = Double(windows[1] - windows[0]) / 160
            print("scheduler allocations across networks: 40/200 slots \(windows[0])/\(windows[1]), \(perSlot) per slot")
            #expect(perSlot < 40, "\(perSlot) allocations per slot over two networks")
        }

        /// In the child: 40 slots then 200 more, after a warm-up of 10 slots in a two-hour
        /// window search; Kuiper alone permitted at first, both from slot 100 (a switch is not
        /// needed: it keeps to Kuiper), so the multi-network paths all run.
        private static func traceRuns() throws {
            let sources = [
                ConstellationElementSets(
                    constellation: .starlink, elementSets: try StarlinkShells.shell1.elementSets(epoch: start)),
                ConstellationElementSets(
                    constellation: .kuiper,
                    elementSets: try KuiperShells.shell1.elementSets(epoch: start, firstCatalogNumber: 200_000)),
            ]
            var scheduler = HandoverScheduler(
                ephemeris: ConstellationEphemeris(sources: sources), observer: observer, lookaheadSeconds: 7_200)
            scheduler.permittedConstellations = [.kuiper]
            let clock = SlotClock.starlink
            let first = clock.firstSlot(startingAtOrAfter: start).index
            var served = 0
            func decide(slots: Range<Int64>) {
                for index in slots {
                    if index == 100 { scheduler.permittedConstellations = [.starlink, .kuiper] }
                    if scheduler.decision(for: clock.slot(index: first + index)).serving != nil { served += 1 }
                }
            }
            decide(slots: 0..<10)
            try MallocTrace.trace { mark in
                decide(slots: 10..<50)
                mark()
                decide(slots: 50..<250)
            }
            #expect(served > 100)
        }
    }
#endif
