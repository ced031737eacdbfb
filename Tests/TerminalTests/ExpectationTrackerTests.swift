import Testing

@testable import Simulation
@testable import Terminal

/// The judge of every scenario run, on hand-made traces: each verdict passes on a trace that
/// keeps it and fails on one that breaks it (by a tick or two where a limit is in ticks), so
/// a tracker that always passed, or never did, would be caught here.
@Suite struct ExpectationTrackerTests {
    static let tick: Int64 = 1_000_000  // 1 kHz
    static let ms: Int64 = 1_000_000

    /// A run of ticks from `from` to `to` (inclusive, in ms) with the line as `lineHigh(ms)` says.
    static func run(
        _ tracker: inout ExpectationTracker, from: Int64, to: Int64, restricted: (Int64) -> Bool = { _ in false },
        connected: Bool = true, lineHigh: (Int64) -> Bool
    ) {
        for millisecond in from...to {
            tracker.tick(
                atNanoseconds: millisecond * ms, wall: UInt64(millisecond * ms), lineHigh: lineHigh(millisecond),
                truthRestricted: restricted(millisecond), beamformerConnected: connected)
        }
    }

    static func verdict(_ tracker: ExpectationTracker, transmitFraction: Double = 1, handovers: Int = 0)
        -> SimulationResult.Verdict
    {
        let verdicts = tracker.verdicts(transmitFraction: transmitFraction, handovers: handovers)
        #expect(verdicts.count == 1)
        return verdicts[0]
    }

    // MARK: transmit off within N ms of a fix inside a restricted zone

    /// The first fix inside at 100 ms; the line low from `lowFrom` on.
    static func restrictionTrace(lowFrom: Int64?, limitMilliseconds: Double = 1) -> ExpectationTracker {
        var tracker = ExpectationTracker(
            expectations: [.transmitOffWithinOfRestriction(milliseconds: limitMilliseconds)], periodNanoseconds: tick)
        run(&tracker, from: 0, to: 99) { _ in true }
        tracker.fixPublished(atNanoseconds: 100 * ms, wall: UInt64(100 * ms), showsRestriction: true)
        run(&tracker, from: 100, to: 200) { millisecond in lowFrom.map { millisecond < $0 } ?? true }
        return tracker
    }

    @Test func offInTheSameTickOrTheNextPasses() {
        let same = Self.verdict(Self.restrictionTrace(lowFrom: 100))
        #expect(same.passed, "\(same.detail)")
        #expect(same.detail == "1 entries, worst 0.000 ms")
        let next = Self.verdict(Self.restrictionTrace(lowFrom: 101))
        #expect(next.passed, "\(next.detail)")
        #expect(next.detail == "1 entries, worst 1.000 ms")
    }

    /// Transmitting 2 ms after the first fix inside, against a 1 ms limit: FAIL.
    @Test func transmittingTwoMillisecondsInsideFails() {
        let verdict = Self.verdict(Self.restrictionTrace(lowFrom: 102))
        #expect(!verdict.passed)
        #expect(verdict.detail == "1 entries, worst 2.000 ms")
    }

    @Test func neverSwitchingOffFails() {
        let verdict = Self.verdict(Self.restrictionTrace(lowFrom: nil))
        #expect(!verdict.passed)
        #expect(verdict.detail.contains("never switched off"))
    }

    /// A run that never met a restricted zone has not shown the reaction it claims.
    @Test func noRestrictionAtAllIsNotAPass() {
        var tracker = ExpectationTracker(
            expectations: [.transmitOffWithinOfRestriction(milliseconds: 1)], periodNanoseconds: Self.tick)
        Self.run(&tracker, from: 0, to: 100) { _ in true }
        let verdict = Self.verdict(tracker)
        #expect(!verdict.passed, "\(verdict.detail)")
        #expect(verdict.detail.hasPrefix("0 entries"))
    }

    /// Two entries: the slower one decides.
    @Test func theWorstEntryDecides() {
        var tracker = ExpectationTracker(
            expectations: [.transmitOffWithinOfRestriction(milliseconds: 1)], periodNanoseconds: Self.tick)
        tracker.fixPublished(atNanoseconds: 10 * Self.ms, wall: 0, showsRestriction: true)
        Self.run(&tracker, from: 10, to: 20) { $0 < 10 }
        tracker.fixPublished(atNanoseconds: 21 * Self.ms, wall: 0, showsRestriction: false)
        tracker.fixPublished(atNanoseconds: 50 * Self.ms, wall: 0, showsRestriction: true)
        Self.run(&tracker, from: 21, to: 60) { $0 < 53 }
        let verdict = Self.verdict(tracker)
        #expect(!verdict.passed)
        #expect(verdict.detail == "2 entries, worst 3.000 ms")
    }

    // MARK: transmit off within N ms of a fault

    @Test func faultReactionBothWays() {
        for (lowFrom, passes) in [(Int64(500), true), (501, true), (502, false)] {
            var tracker = ExpectationTracker(
                expectations: [.transmitOffWithinOfFault(milliseconds: 1)], periodNanoseconds: Self.tick)
            tracker.faultStarted(atNanoseconds: 500 * Self.ms, wall: 0)
            Self.run(&tracker, from: 500, to: 600) { $0 < lowFrom }
            let verdict = Self.verdict(tracker)
            #expect(verdict.passed == passes, "low from \(lowFrom) ms: \(verdict.detail)")
        }
        var quiet = ExpectationTracker(expectations: [.transmitOffWithinOfFault(milliseconds: 1)], periodNanoseconds: Self.tick)
        Self.run(&quiet, from: 0, to: 100) { _ in true }
        #expect(!Self.verdict(quiet).passed, "no fault: nothing shown")
    }

    // MARK: never transmit in a restricted zone

    /// Truly inside from 1,000 ms; the line high until `highUntil` (exclusive).
    static func insideTrace(graceMilliseconds: Double, highUntil: Int64) -> SimulationResult.Verdict {
        var tracker = ExpectationTracker(
            expectations: [.neverTransmitInRestrictedZone(graceMilliseconds: graceMilliseconds)], periodNanoseconds: tick)
        run(&tracker, from: 0, to: 3_000, restricted: { $0 >= 1_000 }) { $0 < highUntil }
        return verdict(tracker)
    }

    @Test func transmittingInsideAfterTheGraceFails() {
        // Grace 1 s: high through 2,000 ms (exactly the grace) passes; 2 ms more fails.
        #expect(Self.insideTrace(graceMilliseconds: 1_000, highUntil: 2_001).passed)
        let late = Self.insideTrace(graceMilliseconds: 1_000, highUntil: 2_003)
        #expect(!late.passed)
        #expect(late.detail == "2 ticks in violation")
        // No grace: 2 ms of transmitting inside is 2 ticks in violation.
        #expect(Self.insideTrace(graceMilliseconds: 0, highUntil: 1_000).passed)
        let inside = Self.insideTrace(graceMilliseconds: 0, highUntil: 1_003)
        #expect(!inside.passed)
        #expect(inside.detail == "2 ticks in violation")
    }

    /// Leaving and entering again starts the grace anew; transmitting outside is no violation.
    @Test func theGraceRestartsOnEachEntry() {
        var tracker = ExpectationTracker(
            expectations: [.neverTransmitInRestrictedZone(graceMilliseconds: 10)], periodNanoseconds: Self.tick)
        let inside: (Int64) -> Bool = { (100..<150).contains($0) || (300..<400).contains($0) }
        Self.run(&tracker, from: 0, to: 500, restricted: inside) { !(110..<150).contains($0) && !(310..<400).contains($0) }
        #expect(Self.verdict(tracker).passed)
    }

    // MARK: fractions and counts

    @Test func transmitFractionAndHandoversBothWays() {
        let fraction = ExpectationTracker(expectations: [.transmitOnFractionAtLeast(0.5)], periodNanoseconds: Self.tick)
        #expect(Self.verdict(fraction, transmitFraction: 0.5).passed)
        #expect(!Self.verdict(fraction, transmitFraction: 0.499).passed)
        let handovers = ExpectationTracker(expectations: [.handoversAtLeast(3)], periodNanoseconds: Self.tick)
        #expect(Self.verdict(handovers, handovers: 3).passed)
        #expect(!Self.verdict(handovers, handovers: 2).passed)
    }

    // MARK: the beamformer bridge

    @Test func unplugReactionBothWays() {
        for (lowAfter, passes) in [(Int64(50), true), (51, false)] {
            var tracker = ExpectationTracker(
                expectations: [.transmitOffWithinOfUnplug(milliseconds: 50)], periodNanoseconds: Self.tick)
            tracker.beamformerUnplugged(atNanoseconds: 1_000 * Self.ms, wall: 0)
            Self.run(&tracker, from: 1_000, to: 1_200, connected: false) { $0 < 1_000 + lowAfter }
            let verdict = Self.verdict(tracker)
            #expect(verdict.passed == passes, "low \(lowAfter) ms after: \(verdict.detail)")
        }
        let never = ExpectationTracker(expectations: [.transmitOffWithinOfUnplug(milliseconds: 50)], periodNanoseconds: Self.tick)
        #expect(!Self.verdict(never).passed, "no unplug: nothing shown")
    }

    @Test func reconnectsBothWays() {
        var back = ExpectationTracker(expectations: [.beamformerReconnects], periodNanoseconds: Self.tick)
        back.beamformerUnplugged(atNanoseconds: 0, wall: 0)
        Self.run(&back, from: 0, to: 10, connected: false) { _ in false }
        back.beamformerReplugged(atNanoseconds: 11 * Self.ms)
        Self.run(&back, from: 11, to: 20, connected: true) { _ in false }
        #expect(Self.verdict(back).passed)
        #expect(Self.verdict(back).detail == "1 unplugs, 1 reconnects")

        var gone = ExpectationTracker(expectations: [.beamformerReconnects], periodNanoseconds: Self.tick)
        gone.beamformerUnplugged(atNanoseconds: 0, wall: 0)
        gone.beamformerReplugged(atNanoseconds: 11 * Self.ms)
        Self.run(&gone, from: 0, to: 20, connected: false) { _ in false }
        #expect(!Self.verdict(gone).passed, "plugged back but never connected")

        let none = ExpectationTracker(expectations: [.beamformerReconnects], periodNanoseconds: Self.tick)
        #expect(!Self.verdict(none).passed, "no unplug: nothing shown")
    }

    // MARK: GNSS outages

    /// An outage from 1 s to 20 s; the fix goes stale 5 s in (plus a tick). Transmitting until
    /// then is allowed; a tick of transmitting after it is not.
    @Test func transmitDuringAStaleOutageFails() {
        for (highUntil, passes) in [(Int64(6_001), true), (6_002, false), (20_000, false)] {
            var tracker = ExpectationTracker(expectations: [.transmitOffDuringGNSSOutage], periodNanoseconds: Self.tick)
            tracker.gnssOutage(from: 1_000 * Self.ms, to: 20_000 * Self.ms)
            Self.run(&tracker, from: 0, to: 25_000) { $0 < highUntil || $0 >= 20_000 }
            let verdict = Self.verdict(tracker)
            #expect(verdict.passed == passes, "high until \(highUntil) ms: \(verdict.detail)")
        }
        let none = ExpectationTracker(expectations: [.transmitOffDuringGNSSOutage], periodNanoseconds: Self.tick)
        #expect(!Self.verdict(none).passed, "no outage: nothing shown")
    }
}
