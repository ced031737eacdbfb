// swift-tools-version:6.1
// Builds the two protoc plugins that `make proto` uses to regenerate Sources/DishAPI/Generated
// from Protos/: protoc-gen-swift (swift-protobuf) and protoc-gen-grpc-swift-2
// (grpc-swift-protobuf), from the package copies, at the versions the main package uses.
// Not part of the main build: CI builds the committed generated code and never needs protoc.
import PackageDescription

let package = Package(
    name: "ProtoGen",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", exact: "2.4.1"),
    ],
    targets: [
        .target(name: "ProtoGenPlaceholder", path: "Placeholder"),
    ]
)
