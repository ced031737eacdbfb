import Orbit
import Testing

@testable import Handover

/// The scheduler end to end on Starlink shell 1 over Seattle: whole-slot visibility, outage
/// reasons, the incremental path, and the policies on real geometry.
@Suite struct SchedulerTests {
    static let ephemeris = ConstellationEphemeris(elementSets: Fixtures.shell1)

    /// A satellite above the mask at the slot's start and middle but setting 12 s into the slot
    /// is not chosen, even by a policy that would prefer it (its direction at the middle is the
    /// boresight); in the slot before, it is a candidate.
    @Test func aSatelliteSettingMidSlotIsNotChosen() throws {
        let predictor = PassPredictor(observer: Fixtures.seattle, minimumElevationDegrees: 25)
        let end = Fixtures.start.adding(seconds: 3 * 3600)
        let pass = try #require(
            predictor.passes(of: Self.ephemeris, from: Fixtures.start, to: end).passes.first {
                !$0.risesBeforeInterval && !$0.setsAfterInterval && $0.maxElevationDegrees > 40
            })
        let setting = try #require(Fixtures.shell1.first { $0.catalogNumber == pass.catalogNumber })
        let clock = Fixtures.clock(withBoundary: 12, before: pass.set)
        let slot = clock.slot(containing: pass.set)
        #expect(abs(pass.set.seconds(since: slot.start) - 12) < 1e-6)
        #expect(Fixtures.elevationDegrees(of: setting, at: slot.start, from: Fixtures.seattle) > 25)
        #expect(Fixtures.elevationDegrees(of: setting, at: slot.middle, from: Fixtures.seattle) > 25)
        #expect(Fixtures.elevationDegrees(of: setting, at: slot.end, from: Fixtures.seattle) < 25)

        let middleLook = try Self.look(setting, at: slot.middle)
        var constraints = Fixtures.elevationOnly()
        constraints.boresight = DishBoresight(
            azimuthDegrees: middleLook.azimuthDegrees, elevationDegrees: middleLook.elevationDegrees)
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: constraints, policy: .smallestOffBoresight,
            slotClock: clock)
        let previous = clock.slot(index: slot.index - 1)
        #expect(scheduler.rankedCandidates(for: previous).contains { $0.catalogNumber == setting.catalogNumber })
        let decision = scheduler.decision(for: slot)
        #expect(decision.serving != nil)
        #expect(decision.serving?.catalogNumber != setting.catalogNumber)
        #expect(!scheduler.rankedCandidates(for: slot).contains { $0.catalogNumber == setting.catalogNumber })

        var alone = HandoverScheduler(
            ephemeris: ConstellationEphemeris(elementSets: [setting]), observer: Fixtures.seattle, constraints: constraints,
            slotClock: clock)
        #expect(alone.decision(for: previous).serving?.catalogNumber == setting.catalogNumber)
        #expect(alone.decision(for: slot).outage == .noSatellite)
    }

    /// With the east half of the sky blocked by a static sector, every serving satellite stays
    /// in the west half at its start, middle and end; a fully blocked sky gives `obstructed`
    /// outages, never a serving satellite.
    @Test func staticObstructionsAreHonoured() {
        var constraints = Fixtures.elevationOnly()
        constraints.obstructionMap = ObstructionMap(staticSectors: [
            ObstructionSector(label: "house", azimuthFromDegrees: 0, azimuthToDegrees: 180, maximumElevationDegrees: 90)
        ])
        var scheduler = HandoverScheduler(ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: constraints)
        let schedule = scheduler.schedule(from: Fixtures.start, to: Fixtures.start.adding(seconds: 1_800))
        let served = schedule.decisions.compactMap(\.serving)
        #expect(served.count > 10)
        for serving in served {
            for azimuth in [serving.startAzimuthDegrees, serving.middleAzimuthDegrees, serving.endAzimuthDegrees] {
                #expect(azimuth > 180 && azimuth < 360)
            }
        }

        constraints.obstructionMap.staticSectors = [
            ObstructionSector(azimuthFromDegrees: 0, azimuthToDegrees: 0, maximumElevationDegrees: 90)
        ]
        scheduler.constraints = constraints
        let blocked = scheduler.schedule(from: Fixtures.start, to: Fixtures.start.adding(seconds: 1_800))
        #expect(blocked.decisions.allSatisfy { $0.serving == nil })
        #expect(blocked.statistics.outageSlotCounts[.obstructed, default: 0] > 0)
        #expect(blocked.statistics.coverageFraction == 0)
    }

    /// Learned blockage works like a static one: once the cells along the serving satellite's
    /// track report a poor signal, that satellite is no longer chosen for the slot, and a reset
    /// brings it back.
    @Test func learnedObstructionsAreHonouredAndResettable() throws {
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly())
        let slot = SlotClock.starlink.firstSlot(startingAtOrAfter: Fixtures.start.adding(seconds: 600))
        let first = try #require(scheduler.decision(for: slot).serving)
        var constraints = scheduler.constraints
        for (azimuth, elevation) in [
            (first.startAzimuthDegrees, first.startElevationDegrees), (first.middleAzimuthDegrees, first.middleElevationDegrees),
        ] {
            for _ in 0..<4 {
                constraints.obstructionMap.record(signalQuality: 0.05, azimuthDegrees: azimuth, elevationDegrees: elevation)
            }
        }
        scheduler.constraints = constraints
        let second = scheduler.decision(for: slot)
        #expect(second.serving?.catalogNumber != first.catalogNumber)
        constraints.obstructionMap.resetLearned()
        scheduler.constraints = constraints
        #expect(scheduler.decision(for: slot).serving?.catalogNumber == first.catalogNumber)
    }

    /// With the 22° GSO exclusion no serving satellite comes within 22° of the arc at its
    /// start, middle or end; without it, some of the candidates do (Seattle sees the arc in
    /// the south at up to 36°).
    @Test func gsoExclusionIsHonoured() {
        let arc = GeostationaryArc(observer: Fixtures.seattle)
        var constraints = Fixtures.elevationOnly()
        constraints.gsoSeparationDegrees = 22
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: constraints, policy: .smallestOffBoresight)
        var open = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly(),
            policy: .smallestOffBoresight)
        var nearArcWithout = 0
        for slot in SlotClock.starlink.slots(from: Fixtures.start, to: Fixtures.start.adding(seconds: 1_800)) {
            for candidate in scheduler.rankedCandidates(for: slot) {
                for (azimuth, elevation) in [
                    (candidate.startAzimuthDegrees, candidate.startElevationDegrees),
                    (candidate.middleAzimuthDegrees, candidate.middleElevationDegrees),
                    (candidate.endAzimuthDegrees, candidate.endElevationDegrees),
                ] {
                    #expect(arc.separationDegrees(azimuthDegrees: azimuth, elevationDegrees: elevation) >= 22)
                }
            }
            nearArcWithout +=
                open.rankedCandidates(for: slot).filter {
                    arc.separationDegrees(azimuthDegrees: $0.middleAzimuthDegrees, elevationDegrees: $0.middleElevationDegrees)
                        < 22
                }.count
        }
        #expect(nearArcWithout > 0)
    }

    /// Restricted slots are outages with reason `restricted`; statistics count them.
    @Test func restrictedSlotsAreOutages() {
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly())
        let schedule = scheduler.schedule(
            from: Fixtures.start, to: Fixtures.start.adding(seconds: 600), isRestricted: { $0.index % 4 == 0 })
        for decision in schedule.decisions where decision.slot.index % 4 == 0 {
            #expect(decision.outage == .restricted && decision.serving == nil && decision.runnerUp == nil)
        }
        #expect(schedule.statistics.outageSlotCounts[.restricted] == schedule.decisions.filter { $0.slot.index % 4 == 0 }.count)
        #expect(schedule.statistics.outageCount == schedule.statistics.outageSlotCounts[.restricted])
        #expect(schedule.statistics.longestOutageSeconds == 15)
    }

    /// Asking slot by slot, with a short look-ahead that forces the visibility windows to be
    /// searched again and again, gives the same choices as one schedule over the horizon.
    @Test func incrementalDecisionsMatchTheSchedule() throws {
        var batch = HandoverScheduler(ephemeris: Self.ephemeris, observer: Fixtures.seattle)
        let schedule = batch.schedule(from: Fixtures.start, to: Fixtures.start.adding(seconds: 1_200))
        var live = HandoverScheduler(ephemeris: Self.ephemeris, observer: Fixtures.seattle, lookaheadSeconds: 200)
        var instant = Fixtures.start
        for expected in schedule.decisions {
            let decision = live.nextDecision(after: instant)
            #expect(decision.slot == expected.slot)
            #expect(decision.serving?.catalogNumber == expected.serving?.catalogNumber)
            #expect(decision.runnerUp?.catalogNumber == expected.runnerUp?.catalogNumber)
            #expect(decision.outage == expected.outage)
            if let a = decision.serving, let b = expected.serving {
                #expect(abs(a.startElevationDegrees - b.startElevationDegrees) < 1e-6)
                #expect(abs(a.endAzimuthDegrees - b.endAzimuthDegrees) < 1e-6)
            }
            instant = decision.slot.end
        }
        #expect(schedule.statistics.coverageFraction > 0.9)
    }

    /// `longestVisibility` keeps its satellite while it qualifies, hands over only when forced,
    /// then to the candidate that stays longest (which really qualifies in every following
    /// slot its remaining time covers); so it hands over less often than `highestElevation`.
    @Test func longestVisibilityHandsOverOnlyWhenForced() throws {
        let from = Fixtures.start
        let to = from.adding(seconds: 1_800)
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly(),
            policy: .longestVisibility)
        let schedule = scheduler.schedule(from: from, to: to)
        var checker = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly())
        var previous: SlotCandidate?
        var handoversChecked = 0
        for decision in schedule.decisions {
            defer { previous = decision.serving }
            guard let serving = decision.serving else { continue }
            let remaining = try #require(serving.remainingVisibilitySeconds)
            #expect(remaining >= 15 - 1e-6)
            guard serving.catalogNumber != previous?.catalogNumber else { continue }
            if let previous {
                #expect(!checker.rankedCandidates(for: decision.slot).contains { $0.catalogNumber == previous.catalogNumber })
            }
            if let runnerUp = decision.runnerUp { #expect(remaining >= (runnerUp.remainingVisibilitySeconds ?? 0)) }
            handoversChecked += 1
            for ahead in 1..<max(Int64((remaining + 1e-6) / 15), 1) {
                let later = SlotClock.starlink.slot(index: decision.slot.index + ahead)
                #expect(checker.rankedCandidates(for: later).contains { $0.catalogNumber == serving.catalogNumber })
            }
        }
        #expect(handoversChecked > 3)
        var highest = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly())
        let highestHandovers = highest.schedule(from: from, to: to).statistics.handoverCount
        print("handovers in 30 min: longestVisibility \(schedule.statistics.handoverCount), highestElevation \(highestHandovers)")
        #expect(schedule.statistics.handoverCount < highestHandovers)
    }

    /// `loadBalanced` moves away from a loaded satellite to the best unloaded one, and with
    /// equal loads chooses as `highestElevation` does.
    @Test func loadBalancedAvoidsLoadedSatellites() throws {
        let slot = SlotClock.starlink.firstSlot(startingAtOrAfter: Fixtures.start.adding(seconds: 300))
        var scheduler = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly(), policy: .loadBalanced)
        var highest = HandoverScheduler(
            ephemeris: Self.ephemeris, observer: Fixtures.seattle, constraints: Fixtures.elevationOnly())
        let ranking = highest.rankedCandidates(for: slot)
        #expect(ranking.count >= 3)
        #expect(scheduler.decision(for: slot).serving?.catalogNumber == ranking[0].catalogNumber)
        let loaded = Set(ranking.prefix(2).map(\.catalogNumber))
        let decision = scheduler.decision(for: slot) { loaded.contains($0) ? 5 : 0 }
        #expect(decision.serving?.catalogNumber == ranking[2].catalogNumber)
        #expect(decision.serving?.assignedTerminals == 0)
    }

    /// Stale element sets are reported; an element set that decays is excluded once and the
    /// schedule goes on.
    @Test func staleAndFailingElementSetsAreReported() {
        var decaying = Fixtures.shell1[5]
        decaying.catalogNumber = 99_002
        decaying.meanMotionRevsPerDay = 16.3
        decaying.bstar = 0.5
        decaying.meanMotionDot = 0.05
        let ephemeris = ConstellationEphemeris(elementSets: Array(Fixtures.shell1.prefix(400)) + [decaying])
        var scheduler = HandoverScheduler(ephemeris: ephemeris, observer: Fixtures.seattle)
        let later = Fixtures.start.adding(days: 4)
        let schedule = scheduler.schedule(from: later, to: later.adding(seconds: 300))
        #expect(schedule.exclusions.map(\.catalogNumber) == [99_002])
        _ = scheduler.schedule(from: later.adding(seconds: 300), to: later.adding(seconds: 600))
        #expect(scheduler.exclusions.count == 1)
        #expect(schedule.ephemerisAge.hasWarning && schedule.ephemerisAge.stale.count == 401)
        #expect(abs(schedule.ephemerisAge.oldestAgeDays - 4) < 1e-9)
        #expect(schedule.ephemerisAge.description.hasPrefix("warning: 401 element sets are older than 3.0 days"))
        #expect(!ephemeris.ageReport(at: Fixtures.start.adding(days: 1)).hasWarning)
    }

    static func look(_ elements: ElementSet, at instant: JulianDate) throws -> LookAngles {
        let state = try SGP4Propagator(elements: elements).propagate(to: instant)
        return TopocentricFrame(observer: Fixtures.seattle).lookAngles(to: state, using: TEMEToECEFTransform(at: instant))
    }
}
