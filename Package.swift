// swift-tools-version:6.1
// utermd — firmware of a LEO satellite-internet user terminal.
// Layout and data flow: see README.md ("Architecture").
import PackageDescription

/// Linux-only: libusb (and libgpiod, loaded at run time) exist there. On macOS the
/// simulated terminal builds without them.
let linuxOnly: TargetDependencyCondition? = .when(platforms: [.linux])
/// swift-system: `Errno` for every error that carries one, and the EINTR retry (Platform.SystemCall).
let systemPackage: Target.Dependency = .product(name: "SystemPackage", package: "swift-system")

// How the shipped binaries are linked (release builds on Linux; measured in README "Memory"):
// lld with packed relative relocations (DT_RELR, read by glibc 2.36 and later: Debian 12,
// Raspberry Pi OS Bookworm, Debian 13), and without the `--export-dynamic` that
// `-static-stdlib` adds. Exporting every Swift symbol gave a 3.7 MB `.rela.dyn` (153,575
// relative relocations) and 5.5 MB of dynamic symbol tables, all read at start-up: 6 MiB of
// the daemon's resident memory. Nothing the daemon runs looks its own symbols up with dlsym.
let shippedBinaryLinking: [LinkerSetting] = [
    .unsafeFlags(
        ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"],
        .when(platforms: [.linux], configuration: .release))
]

let package = Package(
    name: "utermd",
    platforms: [.macOS(.v15)],
    products: [
        // The libraries are what the Benchmarks package (a package of its own) uses: only what it
        // calls is `public`; everything else in Sources is `package`, for this package alone.
        .executable(name: "utermd", targets: ["utermd"]),
        .executable(name: "utermd-hil", targets: ["utermd-hil"]),
        .executable(name: "utermd-bridge-emulator", targets: ["utermd-bridge-emulator"]),
        .library(name: "Orbit", targets: ["Orbit"]),
        .library(name: "Handover", targets: ["Handover"]),
        .library(name: "Beam", targets: ["Beam"]),
        .library(name: "Platform", targets: ["Platform"]),
        .library(name: "RealTime", targets: ["RealTime"]),
        .library(name: "Terminal", targets: ["Terminal"]),
        .library(name: "Geofence", targets: ["Geofence"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        // The network face (issue 15): the status API, rotctld, metrics and the services.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C libraries, reached only through HALLinux. libgpiod has no target: it is loaded at
        // run time (1.6 or 2.x, HALLinux/GPIOD/LibGPIODLoader.swift), so one binary runs on
        // Debian 12 and 13 and the build needs no libgpiod headers.
        .systemLibrary(
            name: "CLibUSB", pkgConfig: "libusb-1.0",
            providers: [.apt(["libusb-1.0-0-dev"]), .brew(["libusb"])]),

        // The platform layer, a leaf: the one monotonic clock, the civil calendar and the one
        // ISO-8601 codec; CPlatform is the C shim (built with _GNU_SOURCE) for the Linux calls the
        // Glibc module does not export (sched_setaffinity, pthread_setname_np, gettid).
        .target(name: "CPlatform"),
        .target(name: "Platform", dependencies: [systemPackage]),
        .testTarget(name: "PlatformTests", dependencies: ["Platform", systemPackage]),

        // Orbits: time, element sets, SGP4/SDP4, frames, constellations.
        .target(name: "Orbit", dependencies: ["Platform"]),
        .testTarget(name: "OrbitTests", dependencies: ["Orbit", "Platform"], resources: [.copy("Resources")]),

        // Visibility, pass prediction, obstruction map, 15-second slot scheduling and policies.
        .target(name: "Handover", dependencies: ["Orbit"]),
        .testTarget(name: "HandoverTests", dependencies: ["Handover", "Orbit", "TestSupport"]),

        // Phased-array geometry, steering, quantisation, array factor.
        .target(name: "Beam", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        .testTarget(name: "BeamTests", dependencies: ["Beam"]),

        // The fixed-step loop, clocks (monotonic and virtual), deadline statistics, hand-offs.
        .target(
            name: "RealTime",
            dependencies: [
                systemPackage,
                "Platform", .target(name: "CPlatform", condition: linuxOnly),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]),
        .testTarget(name: "RealTimeTests", dependencies: ["RealTime", "Platform", "TestSupport", systemPackage]),

        // Test support shared by the test targets: allocation counting (glibc's mtrace, Linux),
        // the sanitizer probe, the simulated board in code, a loopback TCP/HTTP client.
        .target(name: "TestSupport", dependencies: ["HAL"], path: "Tests/Support/TestSupport"),

        // Zones, geodesy, service-restriction decisions.
        .target(name: "Geofence", dependencies: ["Platform", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "GeofenceTests", dependencies: ["Geofence"], resources: [.copy("Resources")]),

        // The crash-safe, append-only audit log of transmit decisions and policy changes.
        .target(name: "Audit", dependencies: [systemPackage, "Platform", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "AuditTests", dependencies: [systemPackage, "Audit", "Platform", "TestSupport"]),

        // Hardware: protocols, Linux backends, simulated backends.
        .target(name: "HAL", dependencies: [systemPackage, "Platform"]),
        .testTarget(name: "HALTests", dependencies: ["HAL", "Platform"]),
        .target(
            name: "HALLinux",
            dependencies: [
                systemPackage,
                "HAL",
                .target(name: "CLibUSB", condition: linuxOnly),
            ]),
        .testTarget(name: "HALLinuxTests", dependencies: ["HALLinux", "HAL", "TestSupport"]),
        .target(name: "HALSim", dependencies: [systemPackage, "HAL"]),
        .testTarget(name: "HALSimTests", dependencies: ["HALSim", "HAL", "Platform", "TestSupport"]),

        // Drivers over the HAL: transmit interlock, fault monitor, beamformer bridge, GNSS.
        .target(name: "Drivers", dependencies: [systemPackage, "Platform", "HAL", "Audit"]),
        .testTarget(
            name: "DriversTests", dependencies: ["Drivers", "HAL", "HALSim", "Audit", "Platform", "RealTime", "TestSupport"], resources: [.copy("Resources")]
        ),

        // The terminal: composition, data-file loading. It ships in the firmware; it knows the
        // hardware only through the HAL protocols (no simulator in it).
        .target(
            name: "Terminal",
            dependencies: [
                systemPackage,
                "Platform", "HAL", "Beam", "Orbit", "RealTime", "Geofence", "Audit", "Drivers", "Handover",
                .product(name: "Yams", package: "Yams"),
            ],
            // The simulated board, the example policy and the default scenario, compiled in
            // (links to Boards/, Policies/ and HIL/scenarios/).
            resources: [
                .embedInCode("Resources/sim.yaml"), .embedInCode("Resources/example.yaml"),
                .embedInCode("Resources/ningbo-port-call.yaml"),
            ]),
        .testTarget(
            name: "TerminalTests",
            dependencies: [
                "Terminal", "Simulation", "HAL", "HALSim", "Drivers", "Beam", "Orbit", "Platform", "RealTime", "Geofence", "Audit", "Handover",
            ]),

        // The simulator over the terminal: scenarios and their files, the harness on the virtual
        // clock, the simulated bench (HALSim), the judges of the safety invariants, campaigns.
        .target(
            name: "Simulation",
            dependencies: [
                systemPackage,
                "Terminal", "Platform", "HAL", "HALSim", "Beam", "Orbit", "RealTime", "Geofence", "Audit", "Drivers", "Handover",
            ]),

        // The virtual HIL bench (HIL/vm) as a scenario rig: the terminal on libgpiod/gpio-sim
        // and libusb/FunctionFS, the scenario's events done through sysfs.
        .target(name: "HILBench", dependencies: [systemPackage, "Terminal", "Simulation", "Platform", "HAL", "HALLinux", "Drivers", "RealTime"]),
        .testTarget(name: "HILBenchTests", dependencies: ["HILBench", "HAL", "HALSim", "Platform"]),

        // The daemon's shell: config, status API, metrics, systemd, rotctld, reports.
        .target(
            name: "Daemon",
            dependencies: [
                systemPackage,
                "Terminal", "Platform", "HAL", "Orbit", "Geofence", "Audit", "Drivers", "RealTime", "Handover", "Beam", "DishAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "Daemon", "Terminal", "Handover", "Audit", "Drivers", "Geofence", "HAL", "DishAPI", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),

        // The dish's own local gRPC API (SpaceX.API.Device.Device/Handle and server reflection),
        // so the community's clients (starlink-grpc-core, exporters) read utermd unchanged.
        // Generated code in Sources/DishAPI/Generated comes from Protos/ (`make proto`).
        .target(
            name: "DishAPI",
            dependencies: [
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]),
        .testTarget(
            name: "DishAPITests",
            dependencies: [
                "DishAPI",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]),

        // The executables: the firmware's `utermd`, and the test bench's `utermd-hil` (the rig
        // code of HILBench stays out of the shipped binary). CLISupport is what both command
        // lines share: option groups, input loading with its messages, exit codes, summaries.
        .target(
            name: "CLISupport",
            dependencies: [
                "Terminal", "Simulation", "Orbit", "Geofence",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "utermd",
            dependencies: [
                "CLISupport", "Platform", "Terminal", "Simulation", "HAL", "HALSim", "HALLinux", "Audit", "Orbit", "Beam", "Daemon",
                "Geofence", "Handover", "RealTime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: shippedBinaryLinking),
        .executableTarget(
            name: "utermd-hil",
            dependencies: [
                "CLISupport", "HILBench", "Simulation", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: shippedBinaryLinking),
        .testTarget(name: "utermdTests", dependencies: ["utermd", "Terminal", "Orbit", "Audit", "RealTime", "Platform", "TestSupport"]),

        // The virtual HIL bench's beamformer bridge (HIL/vm): the device side through
        // FunctionFS, and a host-side check through libusb and the firmware's driver.
        .executableTarget(
            name: "utermd-bridge-emulator",
            dependencies: [
                systemPackage,
                "Platform", "HAL", "HALLinux", "Drivers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: shippedBinaryLinking),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/, `make fuzz`): one executable per parser that takes outside bytes.
// Declared only when UTERMD_FUZZ is set, and then built with `--sanitize=fuzzer` in a scratch
// path of their own (.build/fuzz), so the ordinary `swift build` / `swift test` never see them.
// `-parse-as-library`: libFuzzer brings `main`; the target only defines LLVMFuzzerTestOneInput.
if Context.environment["UTERMD_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzElementSets", ["Orbit"]),
        ("FuzzGeoJSON", ["Geofence"]),
        ("FuzzPolicyBundle", ["Geofence", "Terminal"]),
        ("FuzzDataFiles", ["Terminal", "Simulation", "Daemon"]),
        ("FuzzNMEA", ["Drivers"]),
        ("FuzzGPSD", ["Drivers"]),
        ("FuzzBridgeFrames", ["HAL"]),
        ("FuzzRotctld", ["Daemon"]),
        ("FuzzAuditScan", ["Audit"]),
        ("FuzzStatusAPI", ["Daemon", "Terminal"]),
        ("FuzzDishAPI", ["DishAPI", .product(name: "SwiftProtobuf", package: "swift-protobuf")]),
    ]
    // What every target shares: `keep`, the guard that a release build keeps each parse.
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"))
    for target in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: target.name, dependencies: target.dependencies + ["FuzzSupport"], path: "Fuzz/\(target.name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
