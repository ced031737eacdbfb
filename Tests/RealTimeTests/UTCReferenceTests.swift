import Platform
import Testing

@testable import RealTime

@Suite struct UTCReferenceTests {
    /// 2025-01-01T00:00:00Z.
    static let newYear2025 = UTCInstant(nanosecondsSinceUnixEpoch: 1_735_689_600 * 1_000_000_000)

    @Test func unknownUntilSynchronised() {
        let reference = UTCReference()
        #expect(!reference.isKnown)
        #expect(reference.utc(atMonotonicNanoseconds: 0) == nil)
        #expect(reference.synchronise(utc: Self.newYear2025, atMonotonicNanoseconds: 5_000_000_000) == nil)
        #expect(reference.isKnown)
        #expect(
            reference.utc(atMonotonicNanoseconds: 5_001_000_000)?.nanosecondsSinceUnixEpoch
                == Self.newYear2025.nanosecondsSinceUnixEpoch + 1_000_000)
        #expect(reference.monotonicNanoseconds(at: Self.newYear2025) == 5_000_000_000)
        // A second fix one second "later" than the mapping predicts is a +1 s step.
        let step = reference.synchronise(
            utc: UTCInstant(nanosecondsSinceUnixEpoch: Self.newYear2025.nanosecondsSinceUnixEpoch + 2_000_000_000),
            atMonotonicNanoseconds: 6_000_000_000)
        #expect(step == 1_000_000_000)
        #expect(reference.synchronisationCount == 2)
        reference.invalidate()
        #expect(!reference.isKnown && reference.utc(atMonotonicNanoseconds: 0) == nil)
    }

    @Test func instantsPrintAndConvert() {
        #expect(Self.newYear2025.description == "1735689600.000000000 UTC")
        #expect(UTCInstant(secondsSinceUnixEpoch: 1.5).nanosecondsSinceUnixEpoch == 1_500_000_000)
        #expect(UTCInstant(nanosecondsSinceUnixEpoch: -1).description == "-0.000000001 UTC")
        #expect(Self.newYear2025.secondsSinceUnixEpoch == 1_735_689_600)
    }

    @Test func theSystemClockGivesAPlausibleUTC() {
        let reference = UTCReference()
        reference.synchroniseFromSystemClock()
        let now = reference.utc(atMonotonicNanoseconds: MonotonicClock().nowNanoseconds())
        // After 2020 (only a sanity check of units and epoch: this machine's date is not ours to assert).
        #expect((now?.secondsSinceUnixEpoch ?? 0) > 1_577_836_800)
    }

    /// Invariant 5: UTC fixes and steps (±1 h, then lost) during a run change the UTC labels
    /// of the ticks and nothing else: the same ticks run at the same times as without UTC.
    @Test func aUTCStepDoesNotChangePacing() {
        func run(stepping: Bool) -> (contexts: [TickContext], steps: [Nanoseconds?]) {
            let clock = VirtualClock(wakeLatency: .uniform(maximumNanoseconds: 200_000, seed: 5))
            let reference = UTCReference()
            let loop = FixedStepLoop(clock: clock, configuration: testConfiguration, utcReference: reference)
            var body = RecordingBody(clock: clock, reserving: 1_000)
            body.computeNanosecondsByTick = [300: 2_200_000]
            var steps: [Nanoseconds?] = []
            if stepping {
                body.onTick = { context in
                    let base = Self.newYear2025.nanosecondsSinceUnixEpoch
                    let scheduled = context.scheduledNanoseconds
                    switch context.tickIndex {
                    case 10:  // first GNSS fix: tick 10 was due at 2025-01-01T00:00:00Z
                        steps.append(reference.synchronise(utc: Self.newYear2025, atMonotonicNanoseconds: scheduled))
                    case 500:  // UTC steps forward one hour
                        let utc = UTCInstant(nanosecondsSinceUnixEpoch: base + (scheduled - 10_000_000) + 3_600_000_000_000)
                        steps.append(reference.synchronise(utc: utc, atMonotonicNanoseconds: scheduled))
                    case 700:  // and two hours back
                        let utc = UTCInstant(nanosecondsSinceUnixEpoch: base + (scheduled - 10_000_000) - 3_600_000_000_000)
                        steps.append(reference.synchronise(utc: utc, atMonotonicNanoseconds: scheduled))
                    case 900:
                        reference.invalidate()
                    default:
                        break
                    }
                }
            }
            loop.run(&body, until: .ticks(1_000))
            return (body.contexts, steps)
        }
        let plain = run(stepping: false)
        let stepped = run(stepping: true)

        func pacing(_ contexts: [TickContext]) -> [[Int64]] {
            contexts.map { [Int64($0.tickIndex), $0.scheduledNanoseconds, $0.wakeNanoseconds, Int64($0.missedPeriodsBefore)] }
        }
        #expect(pacing(plain.contexts) == pacing(stepped.contexts))
        #expect(plain.contexts.allSatisfy { $0.scheduledUTC == nil })
        #expect(stepped.steps == [nil, 3_600_000_000_000, -7_200_000_000_000])

        let base = Self.newYear2025.nanosecondsSinceUnixEpoch
        for context in stepped.contexts {
            let sinceFix = context.scheduledNanoseconds - 10_000_000
            let expected: Int64? =
                switch context.tickIndex {
                case ...10: nil
                case 11...500: base + sinceFix
                case 501...700: base + sinceFix + 3_600_000_000_000
                case 701...900: base + sinceFix - 3_600_000_000_000
                default: nil
                }
            #expect(context.scheduledUTC?.nanosecondsSinceUnixEpoch == expected, "tick \(context.tickIndex)")
        }
    }
}
