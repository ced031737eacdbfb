import Beam
import Benchmark
import Orbit
import Platform
import RealTime
import Terminal

/// One full pointing tick: read the assignment, propagate the serving satellite with SGP4,
/// rotate to the terminal's frame, steer 1,280 elements and quantise to 7 bits.
let benchmarks: @Sendable () -> Void = {
    let startUTC = 1_787_428_800.0  // 2026-08-23T00:00:00Z
    let tracker = SatelliteTracker(
        elementSets: EmbeddedConstellation.elementSets(epoch: JulianDate(unixSeconds: startUTC)),
        observer: GeodeticPosition(latitudeDegrees: 47.37, longitudeDegrees: 8.54, heightMetres: 408))
    let firstSlot = Int64(startUTC) * 1_000_000_000
    let plan = ServingPlan.highestElevation(tracker: tracker, firstSlotStartUnixNanoseconds: firstSlot, slots: 2)

    Benchmark(
        "Pointing tick (SGP4 + steer 1280 elements, 7-bit)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal, .throughput], scalingFactor: .kilo, maxDuration: .seconds(5))
    ) { benchmark in
        guard let array = try? PhasedArray() else { return }
        let mailbox = LatestValueMailbox(initial: plan.assignment(atUnixNanoseconds: firstSlot))
        var tick = PointingTick(tracker: tracker, array: array, assignments: mailbox)
        var context = TickContext(
            tickIndex: 0, sequenceNumber: 0, scheduledNanoseconds: 0, wakeNanoseconds: 0, nextDeadlineNanoseconds: 1_000_000,
            scheduledUTC: UTCInstant(nanosecondsSinceUnixEpoch: firstSlot), missedPeriodsBefore: 0, recentDeadlinesMet: true)
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            context.tickIndex = UInt64(iteration)
            context.scheduledUTC = UTCInstant(nanosecondsSinceUnixEpoch: firstSlot + Int64(iteration) * 1_000_000)
            tick.tick(context)
        }
        benchmark.stopMeasurement()
        blackHole(tick.lastSample)
    }
}
