import Beam
import Foundation
import Orbit
import Platform
import RealTime
import Testing

@testable import Terminal

/// Issue 5's acceptance: a 10-minute pass tracked at 1 kHz on the virtual clock, across
/// handovers, with the pointing error against the satellite's direction at the end of each
/// tick's hold: at most 0.0008° for the commanded beam (measured 0.00077°) and 0.0093° for the
/// quantised beam's array-factor peak (measured 0.00921°), the README's figures, against the
/// tracker's own SGP4 (hold and quantisation error only) — and the same ticks against an
/// independent truth, Skyfield's topocentric direction from the same element sets and site
/// (`PointingPassReference`, `scripts/pointing-reference.py`), which adds whatever SGP4,
/// frames and time scales of the two implementations disagree on.
@Suite struct PointingPassTests {
    static let startUTC = 1_787_428_800.0  // 2026-08-22T20:00:00Z
    static let observer = GeodeticPosition(latitudeDegrees: 47.37, longitudeDegrees: 8.54, heightMetres: 408)

    /// The four Starlink Walker shells at the start instant (4,408 satellites).
    static func elementSets() throws -> [ElementSet] {
        let epoch = JulianDate(unixSeconds: startUTC)
        return try StarlinkShells.all.enumerated().flatMap { index, shell in
            try shell.elementSets(epoch: epoch, firstCatalogNumber: 100_000 + 10_000 * index)
        }
    }

    static func tracker() throws -> SatelliteTracker {
        SatelliteTracker(elementSets: try elementSets(), observer: observer)
    }

    /// A plain test scheduler, independent of the Handover module: for each 15 s slot, the
    /// satellite whose lowest elevation over the slot (start, middle, end) is highest.
    static func schedule(_ tracker: SatelliteTracker, slots: Int) -> [Int32] {
        (0..<slots).map { slot in
            var best: (index: Int32, elevation: Double) = (-1, 40)
            for index in 0..<tracker.count {
                var lowest = Double.infinity
                for offset in [0.0, 7.5, 15.0] {
                    let instant = JulianDate(unixSeconds: startUTC + Double(slot) * 15 + offset)
                    lowest = min(lowest, (try? tracker.lookAngles(satellite: index, at: instant).elevationDegrees) ?? -90)
                }
                if lowest > best.elevation { best = (Int32(index), lowest) }
            }
            return best.index
        }
    }

    /// Wraps the pointing tick: publishes assignments at slot boundaries (as the scheduler
    /// thread would) and measures the error of every tick against the truth.
    struct Harness: TickBody, ~Copyable {
        var pointing: PointingTick
        let plan: [Int32]
        let mailbox: LatestValueMailbox<ServingAssignment>
        var worstHoldErrorDegrees = 0.0
        var worstQuantisedErrorDegrees = 0.0
        var steeredTicks = 0
        var handovers = 0
        var lastSatellite: Int32 = -1
        var checkedPeaks = 0
        /// Skyfield's directions at the end of the hold of the checked ticks.
        let skyfield: [UInt64: PointingPassReference.Row]
        var skyfieldHoldChecks = 0
        var skyfieldPeakChecks = 0
        var skyfieldSatelliteMismatches = 0
        var worstSkyfieldHoldErrorDegrees = 0.0
        var worstSkyfieldQuantisedErrorDegrees = 0.0
        var worstIERSHoldErrorDegrees = 0.0
        var worstIERSQuantisedErrorDegrees = 0.0
        /// The tracker's own truth against Skyfield's at the same instants: the two SGP4s,
        /// frames and time scales (UT1 = UTC) disagreeing.
        var worstTrackerAgainstSkyfieldDegrees = 0.0

        mutating func tick(_ context: TickContext) {
            let slot = Int(context.tickIndex / 15_000)
            if context.tickIndex % 15_000 == 0 {
                let start = Int64((PointingPassTests.startUTC + Double(slot) * 15) * 1e9)
                mailbox.publish(ServingAssignment(
                    slotStartUnixNanoseconds: start, satelliteIndex: plan[slot],
                    nextSlotStartUnixNanoseconds: start + 15_000_000_000,
                    nextSatelliteIndex: slot + 1 < plan.count ? plan[slot + 1] : -1))
            }
            pointing.tick(context)
            let sample = pointing.lastSample
            guard sample.status == .steered else { return }
            steeredTicks += 1
            if sample.satelliteIndex != lastSatellite {
                if lastSatellite >= 0 { handovers += 1 }
                lastSatellite = sample.satelliteIndex
            }
            // The beam holds until the next tick: compare with where the satellite truly is
            // at the end of the hold (one period later): first from the tracker's own SGP4 (a
            // second propagation, not an independent one), then, on the checked ticks, Skyfield.
            let end = JulianDate(unixSeconds: Double(sample.utcNanoseconds) / 1e9 + 0.001)
            guard let truth = try? pointing.tracker.lookAngles(satellite: Int(sample.satelliteIndex), at: end) else { return }
            let commanded = SkyDirection(azimuthDegrees: sample.azimuthDegrees, elevationDegrees: sample.elevationDegrees)
            let trueDirection = SkyDirection(azimuthDegrees: truth.azimuthDegrees, elevationDegrees: truth.elevationDegrees)
            worstHoldErrorDegrees = max(worstHoldErrorDegrees, commanded.separationDegrees(from: trueDirection))
            let reference = skyfield[context.tickIndex]
            if let reference {
                if tracker(catalogNumberOf: sample.satelliteIndex) != reference.catalogNumber { skyfieldSatelliteMismatches += 1 }
                worstTrackerAgainstSkyfieldDegrees = max(
                    worstTrackerAgainstSkyfieldDegrees, trueDirection.separationDegrees(from: reference.direction))
                if context.tickIndex % 1_000 == 0 {
                    worstSkyfieldHoldErrorDegrees = max(worstSkyfieldHoldErrorDegrees, commanded.separationDegrees(from: reference.direction))
                    worstIERSHoldErrorDegrees = max(worstIERSHoldErrorDegrees, commanded.separationDegrees(from: reference.directionIERS))
                    skyfieldHoldChecks += 1
                }
            }
            // Where the quantised beam really points: the array factor's peak, every 3 s.
            if context.tickIndex % 3_000 == 1 {
                let codes = pointing.withPhaseCodes { Array($0) }
                if let factor = ArrayFactor(array: pointing.array, phaseCodes: codes, link: pointing.link) {
                    let peak = factor.peak().lookAngles
                    worstQuantisedErrorDegrees = max(worstQuantisedErrorDegrees, peak.separationDegrees(from: trueDirection))
                    checkedPeaks += 1
                    if let reference {
                        worstSkyfieldQuantisedErrorDegrees = max(
                            worstSkyfieldQuantisedErrorDegrees, peak.separationDegrees(from: reference.direction))
                        worstIERSQuantisedErrorDegrees = max(worstIERSQuantisedErrorDegrees, peak.separationDegrees(from: reference.directionIERS))
                        skyfieldPeakChecks += 1
                    }
                }
            }
        }

        func tracker(catalogNumberOf index: Int32) -> Int {
            pointing.tracker.ephemeris.satellites[Int(index)].catalogNumber
        }
    }

    @Test func tenMinutePassAtOneKilohertzHoldsTheClaimedPointingError() throws {
        let sets = try Self.elementSets()
        let tracker = SatelliteTracker(elementSets: sets, observer: Self.observer)
        let plan = Self.schedule(tracker, slots: 40)
        #expect(plan.allSatisfy { $0 >= 0 }, "the shells cover Zürich above 40° in every slot")
        // The Skyfield reference was computed for exactly these satellites and element sets.
        let elements = PointingPassReference.elements(
            site: Self.observer, startUnixSeconds: Self.startUTC,
            plan: plan.map { tracker.ephemeris.satellites[Int($0)].catalogNumber }, sets: sets, ticks: 600_000)
        if let out = ProcessInfo.processInfo.environment["UTERMD_POINTING_PASS_ELEMENTS_OUT"] {
            try PointingPassReference.encode(elements).write(to: URL(fileURLWithPath: out))
            print("wrote \(out): the input of scripts/pointing-reference.py")
        }
        #expect(
            try PointingPassReference.loadElements() == elements,
            "\(PointingPassReference.elementsFile) is not this test's pass: regenerate it and the Skyfield table (Tests/Data/README.md)")
        let skyfield = try PointingPassReference.loadTable()
        #expect(skyfield.count == 800, "\(PointingPassReference.tableFile): 600 hold and 200 peak ticks")
        let clock = VirtualClock(startNanoseconds: 0)
        let utc = UTCReference()
        _ = utc.synchronise(utc: UTCInstant(secondsSinceUnixEpoch: Self.startUTC), atMonotonicNanoseconds: 0)
        let loop = FixedStepLoop(clock: clock, configuration: LoopConfiguration(), control: LoopControl(), utcReference: utc)
        let mailbox = LatestValueMailbox(initial: ServingAssignment.none)
        var harness = Harness(
            pointing: PointingTick(tracker: tracker, array: try PhasedArray(), assignments: mailbox), plan: plan, mailbox: mailbox,
            skyfield: skyfield)
        let report = loop.run(&harness, until: .ticks(600_000), originNanoseconds: 0)
        #expect(report.executedTicks == 600_000)
        #expect(harness.steeredTicks == 600_000)
        #expect(harness.handovers >= 10)
        #expect(harness.checkedPeaks == 200)
        #expect(harness.worstHoldErrorDegrees <= 0.0008)
        #expect(harness.worstQuantisedErrorDegrees <= 0.0093)
        print(
            "10-minute pass at 1 kHz: \(harness.handovers) handovers, worst hold error \(harness.worstHoldErrorDegrees)°, "
                + "worst quantised-beam error \(harness.worstQuantisedErrorDegrees)° over \(harness.checkedPeaks) peaks")
        // Against Skyfield: every checked tick served the satellite the table was made for.
        #expect(harness.skyfieldHoldChecks == 600)
        #expect(harness.skyfieldPeakChecks == 200)
        #expect(harness.skyfieldSatelliteMismatches == 0)
        // The README's figures against the independent truth, with UT1 = UTC as the tick has
        // it (measured 0.000769° and 0.00921°: the tracker's SGP4 and frames agree with
        // Skyfield's to 1.95e-7°, 3 mm at 1,000 km, so the self-referential figures above were
        // the real ones).
        #expect(harness.worstTrackerAgainstSkyfieldDegrees <= 0.0000003)
        #expect(harness.worstSkyfieldHoldErrorDegrees <= 0.0008)
        #expect(harness.worstSkyfieldQuantisedErrorDegrees <= 0.0093)
        // The tick applies no UT1 − UTC (no Earth orientation parameters reach it). Against
        // Skyfield with its IERS UT1 − UTC for the night (+0.0913 s, a prediction of its
        // built-in tables) the Earth is turned by 6.7 µrad more: measured 0.00343° (hold) and
        // 0.00830° (quantised beam, the bias partly cancelling the quantisation error).
        #expect(harness.worstIERSHoldErrorDegrees <= 0.0035)
        #expect(harness.worstIERSQuantisedErrorDegrees <= 0.0084)
        print(
            "against Skyfield (UT1 = UTC): tracker vs Skyfield \(harness.worstTrackerAgainstSkyfieldDegrees)°, worst hold error "
                + "\(harness.worstSkyfieldHoldErrorDegrees)° over \(harness.skyfieldHoldChecks) ticks, worst quantised-beam error "
                + "\(harness.worstSkyfieldQuantisedErrorDegrees)° over \(harness.skyfieldPeakChecks) peaks; with Skyfield's IERS "
                + "UT1 − UTC: \(harness.worstIERSHoldErrorDegrees)°, \(harness.worstIERSQuantisedErrorDegrees)°")
    }
}
