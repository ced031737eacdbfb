import Benchmark
import Foundation
import Handover
import Orbit

/// The Starlink snapshot of `../shared/data` (10,744 element sets), first 10,000 used, as in
/// OrbitBenchmarks; when the shared data is absent, the four Starlink Walker shells (4,408
/// satellites) stand in for it and the names overstate the count.
func handoverConstellation() -> [ElementSet] {
    let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path =
        ProcessInfo.processInfo.environment["UTERMD_SHARED_DATA"].map { $0 + "/starlink_celestrak_2026-08-22.tle" }
        ?? repository.deletingLastPathComponent().appendingPathComponent("shared/data/starlink_celestrak_2026-08-22.tle").path
    if let loaded = try? ElementSetFile.load(path: path), loaded.sets.count >= 10_000 {
        return Array(loaded.sets.prefix(10_000))
    }
    let epoch = JulianDate(year: 2026, month: 8, day: 22, hour: 18, minute: 50)
    return (try? WalkerShell.elementSets(of: StarlinkShells.all, epoch: epoch)) ?? []
}

/// The three networks of the multi-network benchmark: the Starlink snapshot (first 10,000),
/// the OneWeb snapshot (651) and Kuiper's three filed shells (3,236, generated at `epoch`),
/// 13,887 satellites; without the shared data only the Kuiper shells and the Starlink Walker
/// shells stand in, and the name overstates the count.
func networkSources(epoch: JulianDate) -> [ConstellationElementSets] {
    let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shared =
        ProcessInfo.processInfo.environment["UTERMD_SHARED_DATA"]
        ?? repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
    let oneweb = (try? ElementSetFile.load(path: shared + "/oneweb_celestrak_2026-08-22.tle").sets) ?? []
    return [
        ConstellationElementSets(constellation: .starlink, elementSets: handoverConstellation()),
        ConstellationElementSets(constellation: .oneweb, elementSets: oneweb),
        ConstellationElementSets(constellation: .kuiper, elementSets: Constellation.kuiper.walkerElementSets(epoch: epoch)),
    ]
}

/// The benchmarks: one terminal in Seattle (47.6062° N, 122.3321° W, 50 m), the day
/// 2026-08-23T00:00:00Z – 2026-08-24T00:00:00Z, the same work as
/// `Benchmarks/reference/skyfield_passes_reference.py` times with Skyfield.
let benchmarks: @Sendable () -> Void = {
    let ephemeris = ConstellationEphemeris(elementSets: handoverConstellation())
    let observer = GeodeticPosition(latitudeDegrees: 47.6062, longitudeDegrees: -122.3321, heightMetres: 50)
    let start = JulianDate(year: 2026, month: 8, day: 23)
    let end = start.adding(days: 1)

    // Default constraints: 25° mask, zenith boresight with a 50° scan limit (so 40° in
    // practice), 22° from the GSO arc, highest elevation; 5,760 slots at :12/:27/:42/:57.
    Benchmark(
        "Handover schedule 24 h 5760 slots 10000 satellites",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], maxDuration: .seconds(30), maxIterations: 9)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var scheduler = HandoverScheduler(ephemeris: ephemeris, observer: observer)
            blackHole(scheduler.schedule(from: start, to: end))
        }
    }

    // Starlink, OneWeb and Kuiper together, each on its own cadence (15 s, 60 s, 30 s), the
    // terminal keeping to one network; the same work as
    // `Benchmarks/reference/skyfield_networks_reference.py` times with Skyfield.
    let networks = ConstellationEphemeris(sources: networkSources(epoch: start))
    Benchmark(
        "Handover schedule 24 h 5760 slots 13887 satellites 3 networks",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], maxDuration: .seconds(30), maxIterations: 9)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var scheduler = HandoverScheduler(ephemeris: networks, observer: observer)
            blackHole(scheduler.schedule(from: start, to: end))
        }
    }

    // Rise, culmination and set above 25° for every satellite, to 1 ms.
    Benchmark(
        "Handover passes 24 h 10000 satellites",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], maxDuration: .seconds(30), maxIterations: 9)
    ) { benchmark in
        let predictor = PassPredictor(observer: observer, minimumElevationDegrees: 25)
        for _ in benchmark.scaledIterations {
            blackHole(predictor.passes(of: ephemeris, from: start, to: end))
        }
    }
}
