// swift-tools-version: 6.1
// A program of its own that embeds KafkaFleet's reconcilers: it depends on the KafkaFleet package by path, as any
// other Swift package would depend on it by URL.
import PackageDescription

let package = Package(
    name: "EmbeddedReconcilers",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "KafkaFleet", path: "../.."),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .executableTarget(
            name: "EmbeddedReconcilers",
            dependencies: [
                .product(name: "KafkaFleetCore", package: "KafkaFleet"),
                .product(name: "KafkaFleetLocal", package: "KafkaFleet"),
                .product(name: "KafkaFleetTesting", package: "KafkaFleet"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
