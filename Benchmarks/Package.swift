// swift-tools-version:6.1
// Performance benchmarks of utermd (ordo-one/benchmark, with malloc counting).
// A package of its own so that `make test` never builds the benchmark tool.
//   cd Benchmarks && swift package benchmark            # all benchmarks
//   make bench                                          # plus the reference ratios
import PackageDescription

/// A benchmark executable `name` in `Benchmarks/<name>`, using these utermd modules.
func benchmark(_ name: String, modules: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + modules.map { .product(name: $0, package: "utermd") },
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
}

let package = Package(
    name: "utermd-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "utermd", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmark("OrbitBenchmarks", modules: ["Orbit"]),
        benchmark("HandoverBenchmarks", modules: ["Orbit", "Handover"]),
        benchmark("TerminalBenchmarks", modules: ["Orbit", "Beam", "Platform", "RealTime", "Terminal"]),
        benchmark("GeofenceBenchmarks", modules: ["Geofence"]),
    ],
    swiftLanguageModes: [.v6]
)
