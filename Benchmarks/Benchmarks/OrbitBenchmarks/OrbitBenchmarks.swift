import Benchmark
import Foundation
import Orbit

/// The Starlink snapshot of `../shared/data` (10,744 element sets), first 10,000 used;
/// when the shared data is absent, the four Starlink Walker shells stand in for it.
func benchmarkConstellation() -> [ElementSet] {
    let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = ProcessInfo.processInfo.environment["UTERMD_SHARED_DATA"].map { $0 + "/starlink_celestrak_2026-08-22.tle" }
        ?? repository.deletingLastPathComponent().appendingPathComponent("shared/data/starlink_celestrak_2026-08-22.tle").path
    if let loaded = try? ElementSetFile.load(path: path), loaded.sets.count >= 10_000 {
        return Array(loaded.sets.prefix(10_000))
    }
    let epoch = JulianDate(year: 2026, month: 8, day: 22, hour: 18, minute: 50)
    let shells = StarlinkShells.all.enumerated().flatMap { index, shell in
        (try? shell.elementSets(epoch: epoch, firstCatalogNumber: 100_000 + 10_000 * index)) ?? []
    }
    return Array(shells.prefix(10_000))
}

let benchmarks: @Sendable () -> Void = {
    let sets = benchmarkConstellation()
    let batch = SGP4Batch(elementSets: sets)
    let instant = JulianDate(year: 2026, month: 8, day: 23, hour: 0, minute: 0)

    Benchmark(
        "SGP4 propagate 10000 satellites to one instant",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], maxDuration: .seconds(5))
    ) { benchmark in
        var states = [TEMEState](repeating: TEMEState(positionKilometres: .zero, velocityKilometresPerSecond: .zero), count: batch.count)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            states.withUnsafeMutableBufferPointer { buffer in
                blackHole(batch.propagate(to: instant, into: buffer))
            }
        }
        benchmark.stopMeasurement()
        blackHole(states)
    }

    // Many single propagations per sample: the harness's own mallocs stay constant, so a
    // count that does not grow with the iterations shows zero allocations per propagation.
    Benchmark(
        "SGP4 one propagation (1000 per sample)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal, .throughput], scalingFactor: .kilo, maxDuration: .seconds(3))
    ) { benchmark in
        let propagator = batch.propagators[1]
        let start = instant.minutes(since: propagator.epoch)
        for iteration in benchmark.scaledIterations {
            blackHole(try? propagator.propagate(minutesSinceEpoch: start + Double(iteration)))
        }
    }

    Benchmark(
        "SGP4 propagate one satellite over 24 h at 1 s steps",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], maxDuration: .seconds(5))
    ) { benchmark in
        let propagator = batch.propagators[0]
        let start = instant.minutes(since: propagator.epoch)
        for _ in benchmark.scaledIterations {
            var sum = SIMD3<Double>.zero
            for second in 0..<86_400 {
                if let state = try? propagator.propagate(minutesSinceEpoch: start + Double(second) / 60.0) {
                    sum += state.positionKilometres
                }
            }
            blackHole(sum)
        }
    }
}
