// swift-tools-version:6.1
// Performance benchmarks of utermd (ordo-one/benchmark, with malloc counting).
// A package of its own so that `make test` never builds the benchmark tool.
//   cd Benchmarks && swift package benchmark            # all benchmarks
//   make bench                                          # plus the reference ratios
import PackageDescription

let package = Package(
    name: "utermd-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "utermd", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "OrbitBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Orbit", package: "utermd"),
            ],
            path: "Benchmarks/OrbitBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "HandoverBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Orbit", package: "utermd"),
                .product(name: "Handover", package: "utermd"),
            ],
            path: "Benchmarks/HandoverBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "TerminalBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Orbit", package: "utermd"),
                .product(name: "Beam", package: "utermd"),
                .product(name: "RealTime", package: "utermd"),
                .product(name: "Terminal", package: "utermd"),
            ],
            path: "Benchmarks/TerminalBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        .executableTarget(
            name: "GeofenceBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Geofence", package: "utermd"),
            ],
            path: "Benchmarks/GeofenceBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ],
    swiftLanguageModes: [.v6]
)
