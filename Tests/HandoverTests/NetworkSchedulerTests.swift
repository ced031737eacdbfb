import Orbit
import Testing

@testable import Handover

/// Several networks in one scheduler: the board's networks only, each network's own cadence,
/// keeping to one network, and switching (with its outage) when the permitted set changes —
/// slot by slot on the virtual clock (instants given, nothing waits).
@Suite struct NetworkSchedulerTests {
    /// Kuiper shell 1 (1,156 satellites, 51.9°) at the fixtures' epoch.
    static let kuiper = (try? KuiperShells.shell1.elementSets(epoch: Fixtures.start, firstCatalogNumber: 200_000)) ?? []
    /// Starlink shell 1 and Kuiper shell 1 together.
    static let ephemeris = ConstellationEphemeris(sources: [
        ConstellationElementSets(constellation: .starlink, elementSets: Fixtures.shell1),
        ConstellationElementSets(constellation: .kuiper, elementSets: kuiper),
    ])

    /// Second of the minute at which `slot` starts.
    static func secondOfMinute(_ slot: ReconfigurationSlot) -> Int64 {
        (SlotClock.nanosecondsSinceOrigin(slot.start) / 1_000_000_000) % 60
    }

    /// On Starlink's grid (slot i starts at second 12 + 15 i of a minute): Starlink may change
    /// every slot, Kuiper at :12 and :42, OneWeb at :57, Guowang and Qianfan at :12; a change of
    /// network costs one slot (10 s rounded up).
    @Test func cadencesSitOnTheStarlinkGrid() {
        let all = Set(Constellation.allCases)
        let selection = NetworkSelection(slotClock: .starlink, usable: all, permitted: all)
        #expect(selection.cadenceSlots == [1, 4, 2, 4, 4])
        #expect(selection.acquisitionSlots == [1, 1, 1, 1, 1])
        for index in Int64(1_000)..<1_012 {
            let second = (12 + 15 * index) % 60
            #expect(selection.isBoundary(index, of: .starlink))
            #expect(selection.isBoundary(index, of: .kuiper) == (second == 12 || second == 42))
            #expect(selection.isBoundary(index, of: .oneweb) == (second == 57))
            #expect(selection.isBoundary(index, of: .guowang) == (second == 12))
            #expect(Self.secondOfMinute(SlotClock.starlink.slot(index: index)) == second)
        }
    }

    /// A board that can use one network gets only that network's satellites.
    @Test(arguments: [Constellation.starlink, .kuiper])
    func onlyTheBoardsNetworksAreConsidered(network: Constellation) {
        #expect(Self.ephemeris.constellations == [.starlink, .kuiper])
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly(),
            constellations: [network])
        let schedule = scheduler.schedule(from: Fixtures.start, to: Fixtures.start.adding(seconds: 1_800))
        let served = schedule.decisions.compactMap(\.serving)
        #expect(served.count > 100)
        #expect(served.allSatisfy { $0.constellation == network })
        #expect(schedule.statistics.networkSwitchCount == 0)
    }

    /// Kuiper (30 s) changes satellite only at :12 and :42, and a satellite chosen there is
    /// still served in the slot after.
    @Test func kuiperChangesSatelliteOnlyAtItsBoundaries() {
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly(),
            constellations: [.kuiper])
        let decisions = scheduler.schedule(from: Fixtures.start, to: Fixtures.start.adding(seconds: 3_600)).decisions
        var changes = 0
        for (before, after) in zip(decisions, decisions.dropFirst()) {
            guard let old = before.serving, let new = after.serving, old.catalogNumber != new.catalogNumber else { continue }
            changes += 1
            #expect([12, 42].contains(Self.secondOfMinute(after.slot)), "\(after.slot)")
        }
        #expect(changes > 10)
    }

    /// OneWeb (60 s, the snapshot) changes satellite only at :57.
    @Test func onewebChangesSatelliteOnlyAtItsBoundaries() throws {
        let ephemeris = ConstellationEphemeris(sources: [
            ConstellationElementSets(constellation: .oneweb, elementSets: try TestData.onewebSnapshot())
        ])
        var scheduler = HandoverScheduler(ephemeris: ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly())
        let schedule = scheduler.schedule(from: Fixtures.start, to: Fixtures.start.adding(seconds: 3_600))
        var changes = 0
        for (before, after) in zip(schedule.decisions, schedule.decisions.dropFirst()) {
            guard let old = before.serving, let new = after.serving, old.catalogNumber != new.catalogNumber else { continue }
            changes += 1
            #expect(Self.secondOfMinute(after.slot) == 57, "\(after.slot)")
        }
        #expect(changes > 3)
        #expect(schedule.statistics.coverageFraction > 0.5)
        #expect(schedule.decisions.compactMap(\.serving).allSatisfy { $0.constellation == .oneweb })
    }

    /// With both networks permitted, the terminal changes network only through a
    /// `networkSwitch` outage, whose `runnerUp` is the satellite being acquired.
    @Test func aChangeOfNetworkAlwaysCostsAnAcquisitionOutage() {
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly())
        let schedule = scheduler.schedule(from: Fixtures.start, to: Fixtures.start.adding(seconds: 7_200))
        var lastNetwork: Constellation?
        var switched = false
        for decision in schedule.decisions {
            if decision.outage == .networkSwitch {
                switched = true
                #expect(decision.runnerUp != nil && decision.runnerUp?.constellation != lastNetwork)
            }
            guard let serving = decision.serving else { continue }
            if let lastNetwork, lastNetwork != serving.constellation { #expect(switched, "\(decision.slot)") }
            lastNetwork = serving.constellation
            switched = false
        }
        #expect(schedule.statistics.coverageFraction > 0.9)
    }

    /// A vessel's fix 7 s into a slot says only Kuiper is permitted: the next slot (8 s later)
    /// is the acquisition outage, the one after is served by Kuiper; allowing Starlink again
    /// does not move it back (it keeps to its network); Starlink alone switches it back, again
    /// through one slot of outage. Deciding the switching slot again gives the same decision.
    @Test func aChangeOfPermittedNetworksSwitchesWithinOneSlotOfTheFix() throws {
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly())
        scheduler.permittedConstellations = [.starlink]
        let clock = SlotClock.starlink
        var slot = clock.firstSlot(startingAtOrAfter: Fixtures.start)
        for _ in 0..<20 {
            #expect(scheduler.decision(for: slot).serving?.constellation == .starlink)
            slot = clock.slot(index: slot.index + 1)
        }
        #expect(scheduler.attachedConstellation == .starlink)
        let fix = clock.slot(index: slot.index - 1).start.adding(seconds: 7)
        scheduler.permittedConstellations = [.kuiper]
        let switching = scheduler.nextDecision(after: fix)
        #expect(switching.slot.index == slot.index)
        #expect(switching.slot.start.seconds(since: fix) <= 15)
        #expect(switching.outage == .networkSwitch)
        let acquired = try #require(switching.runnerUp)
        #expect(acquired.constellation == .kuiper)
        #expect(scheduler.decision(for: switching.slot) == switching)
        #expect(scheduler.attachedConstellation == .kuiper)
        let first = scheduler.decision(for: clock.slot(index: slot.index + 1))
        #expect(first.serving?.constellation == .kuiper)
        if Self.secondOfMinute(switching.slot) == 12 || Self.secondOfMinute(switching.slot) == 42 {
            // Chosen at a Kuiper boundary, the satellite is held for its 30 s.
            #expect(first.serving?.catalogNumber == acquired.catalogNumber)
        }

        scheduler.permittedConstellations = [.starlink, .kuiper]
        var kuiperSlots = 0
        for offset in Int64(2)..<12 {
            let decision = scheduler.decision(for: clock.slot(index: slot.index + offset))
            if decision.serving?.constellation == .kuiper { kuiperSlots += 1 }
            if decision.outage == .networkSwitch { break }
        }
        #expect(kuiperSlots >= 8)

        scheduler.permittedConstellations = [.starlink]
        let back = scheduler.decision(for: clock.slot(index: slot.index + 12))
        #expect(back.outage == .networkSwitch && back.runnerUp?.constellation == .starlink)
        #expect(scheduler.decision(for: clock.slot(index: slot.index + 13)).serving?.constellation == .starlink)
    }

    /// Switches are counted once per run of outage slots.
    @Test func switchesAreCounted() {
        let slot = SlotClock.starlink.slot(index: 10)
        let decisions = [
            SlotDecision(slot: slot, serving: nil, runnerUp: nil, outage: .networkSwitch, candidateCount: 1),
            SlotDecision(slot: slot, serving: nil, runnerUp: nil, outage: .networkSwitch, candidateCount: 1),
            SlotDecision(slot: slot, serving: nil, runnerUp: nil, outage: .noSatellite, candidateCount: 0),
            SlotDecision(slot: slot, serving: nil, runnerUp: nil, outage: .networkSwitch, candidateCount: 1),
        ]
        let statistics = ScheduleStatistics(decisions: decisions)
        #expect(statistics.networkSwitchCount == 2)
        #expect(statistics.outageSlotCounts[.networkSwitch] == 3)
    }
}

/// A route through zones as permitted-set changes over a horizon.
@Suite struct PermittedChangesScheduleTests {
    /// Starlink until a fix at +600.5 s permits only Kuiper, both again at +1200.5 s: one
    /// switch, in the first slot starting after the fix, served by Kuiper in the one after, and
    /// no switch back while Kuiper has a satellite.
    @Test func aRouteThroughZonesSwitchesOnceAtTheFix() throws {
        var scheduler = HandoverScheduler(
            ephemeris: NetworkSchedulerTests.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly())
        let fix = Fixtures.start.adding(seconds: 600.5)
        let schedule = scheduler.schedule(
            from: Fixtures.start, to: Fixtures.start.adding(seconds: 1_800),
            permittedChanges: [
                PermittedConstellationsChange(instant: fix.adding(seconds: 600), constellations: [.starlink, .kuiper]),
                PermittedConstellationsChange(instant: Fixtures.start, constellations: [.starlink]),
                PermittedConstellationsChange(instant: fix, constellations: [.kuiper]),
            ])
        #expect(schedule.decisions.count == 120)
        #expect(schedule.statistics.networkSwitchCount == 1)
        let switching = try #require(schedule.decisions.firstIndex { $0.outage == .networkSwitch })
        let slot = schedule.decisions[switching].slot
        #expect(slot.start >= fix && slot.start.seconds(since: fix) <= 15)
        #expect(schedule.decisions[..<switching].allSatisfy { $0.serving?.constellation == .starlink })
        #expect(schedule.decisions[(switching + 1)...].compactMap(\.serving).allSatisfy { $0.constellation == .kuiper })
        #expect(schedule.decisions[switching + 1].serving != nil)
    }
}
