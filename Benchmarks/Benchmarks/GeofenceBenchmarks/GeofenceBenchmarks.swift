import Benchmark
import Foundation
import Geofence

/// Issue 6's acceptance benchmark: one geofence check against every Natural Earth 1:50m country
/// (242 features of `../shared/data/ne_50m_admin_0_countries.geojson`, or
/// `$UTERMD_SHARED_DATA/…`) with its 12 nm territorial sea, each a `noService` zone, default
/// `allow`. The points are the same pseudo-random ones that
/// `Benchmarks/reference/shapely_geofence_reference.py` times shapely on.

/// The countries file, or nil when the shared data is absent (then no benchmark is registered).
func naturalEarthCountries() -> GeoJSONDocument? {
    let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path =
        ProcessInfo.processInfo.environment["UTERMD_SHARED_DATA"].map { $0 + "/ne_50m_admin_0_countries.geojson" }
        ?? repository.deletingLastPathComponent().appendingPathComponent("shared/data/ne_50m_admin_0_countries.geojson")
        .path
    return try? GeoJSONDocument(contentsOf: URL(fileURLWithPath: path))
}

/// SplitMix64 (G. Steele, D. Lea, C. Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): the same sequence in Swift and in the Python reference.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1): the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) / 9_007_199_254_740_992 }
}

/// Points uniform on the sphere: sin φ uniform in [−1, 1), λ uniform in [−180°, 180°).
func uniformPoints(count: Int) -> [GeodeticCoordinate] {
    var random = SplitMix64(state: 6)
    return (0..<count).map { _ in
        let latitude = asin(2 * random.unit() - 1) * 180 / .pi
        let longitude = 360 * random.unit() - 180
        return GeodeticCoordinate(latitudeDegrees: latitude, longitudeDegrees: longitude)
    }
}

/// Points near coasts and borders: a random exterior-ring vertex of a random polygon (every
/// vertex of the file's exterior rings, in file order, equally likely), moved by up to ±0.2° in
/// latitude and ±0.2°/cos φ in longitude (about 22 km either way), clamped to valid ranges.
func nearBoundaryPoints(of document: GeoJSONDocument, count: Int) -> [GeodeticCoordinate] {
    let vertices = document.features.flatMap { feature in
        (feature.geometry?.polygons ?? []).flatMap { $0.exterior }
    }
    var random = SplitMix64(state: 12)
    return (0..<count).map { _ in
        let vertex = vertices[Int(random.next() % UInt64(vertices.count))]
        let latitude = min(max(vertex.latitudeDegrees + 0.4 * (random.unit() - 0.5), -90), 90)
        let stretch = 1 / max(cos(latitude * .pi / 180), 0.1)
        var longitude = vertex.longitudeDegrees + 0.4 * stretch * (random.unit() - 0.5)
        if longitude >= 180 { longitude -= 360 }
        if longitude < -180 { longitude += 360 }
        return GeodeticCoordinate(latitudeDegrees: latitude, longitudeDegrees: longitude)
    }
}

let benchmarks: @Sendable () -> Void = {
    guard let countries = naturalEarthCountries(),
        let zones = try? Zone.perFeature(of: countries, bufferMetres: MaritimeDistance.territorialSeaMetres)
    else {
        print("GeofenceBenchmarks: Natural Earth countries not found (set UTERMD_SHARED_DATA); nothing to run")
        return
    }
    let policy = GeofencePolicy(rules: zones.map { ZoneRule(zone: $0, action: .noService) }, defaultAction: .allow)
    let pointSets: [(String, [GeodeticCoordinate])] = [
        ("uniform points", uniformPoints(count: 1_000)),
        ("points near coasts", nearBoundaryPoints(of: countries, count: 1_000)),
    ]
    for (label, points) in pointSets {
        // 1000 checks per sample, one per point: the harness's own mallocs stay constant per
        // sample, so a count that does not grow with the checks shows zero allocations per
        // decision. The reported time is per 1000 checks; the reference reports the same unit.
        Benchmark(
            "Geofence 1000 checks, all countries + 12 nm, \(label)",
            configuration: .init(
                metrics: [.wallClock, .mallocCountTotal, .throughput], scalingFactor: .kilo, maxDuration: .seconds(3))
        ) { benchmark in
            for index in benchmark.scaledIterations {
                blackHole(policy.assess(points[index]))
            }
        }
        // One check per sample, cycling through the same points: the median decision time (it
        // includes the harness's timer reads, some tens of nanoseconds).
        Benchmark(
            "Geofence one check (per-check median), all countries + 12 nm, \(label)",
            configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(3), maxIterations: 200_000)
        ) { benchmark in
            blackHole(policy.assess(points[benchmark.currentIteration % points.count]))
        }
    }
}
