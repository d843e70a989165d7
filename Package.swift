// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "KafkaFleet",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "KafkaFleetCore", targets: ["KafkaFleetCore"]),
        .library(name: "KafkaFleetStore", targets: ["KafkaFleetStore"]),
        .library(name: "KafkaFleetProviders", targets: ["KafkaFleetProviders"]),
        .library(name: "KafkaFleetHTTP", targets: ["KafkaFleetHTTP"]),
        .library(name: "KafkaFleetLocal", targets: ["KafkaFleetLocal"]),
        .library(name: "KafkaFleetTesting", targets: ["KafkaFleetTesting"]),
        .executable(name: "kafkafleetd", targets: ["kafkafleetd"]),
        .executable(name: "kafkafleetctl", targets: ["kafkafleetctl"]),
    ],
    dependencies: [
        // Gzip of API responses, as the reference's routes do (the library Hummingbird's own compression builds on).
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.86.0"),
        // Already in the graph through Hummingbird; the API server's own HTTP/1.1 pipeline names its codec directly.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // `swift package generate-documentation` (`make docs`): builds Core's DocC catalog; no target links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
    ],
    targets: [
        .target(
            name: "KafkaFleetCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KafkaFleetStore",
            dependencies: [
                "KafkaFleetCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KafkaFleetProviders",
            dependencies: [
                "KafkaFleetCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KafkaFleetHTTP",
            dependencies: [
                "KafkaFleetCore",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/openapi-agent.yaml"), .copy("Resources/openapi-admin.yaml")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KafkaFleetLocal",
            dependencies: [
                "KafkaFleetCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KafkaFleetTesting",
            dependencies: ["KafkaFleetCore", "KafkaFleetLocal"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kafkafleetd",
            dependencies: [
                "KafkaFleetCore", "KafkaFleetStore", "KafkaFleetProviders", "KafkaFleetHTTP", "KafkaFleetLocal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kafkafleetctl",
            dependencies: [
                "KafkaFleetCore", "KafkaFleetStore", "KafkaFleetHTTP", "KafkaFleetLocal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "InProcessAPI",
            dependencies: [
                "KafkaFleetCore", "KafkaFleetHTTP", "KafkaFleetLocal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Examples/InProcessAPI",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "FleetBenchmark",
            dependencies: ["KafkaFleetCore", "KafkaFleetStore", "KafkaFleetLocal", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/FleetBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "APIBenchmark",
            dependencies: [
                "KafkaFleetCore", "KafkaFleetStore", "KafkaFleetHTTP", "KafkaFleetLocal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/APIBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "StoreBenchmark",
            dependencies: [
                "KafkaFleetCore", "KafkaFleetStore",
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/StoreBenchmark",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "kafkafleetdTests",
            dependencies: ["kafkafleetd"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KafkaFleetCoreTests",
            dependencies: ["KafkaFleetCore", "KafkaFleetStore", "KafkaFleetLocal", "KafkaFleetTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KafkaFleetStoreTests",
            dependencies: [
                "KafkaFleetCore", "KafkaFleetStore", "KafkaFleetLocal", "KafkaFleetTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KafkaFleetHTTPTests",
            dependencies: [
                "KafkaFleetCore", "KafkaFleetHTTP", "KafkaFleetLocal", "KafkaFleetProviders", "KafkaFleetTesting",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KafkaFleetLocalTests",
            dependencies: ["KafkaFleetCore", "KafkaFleetLocal"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KafkaFleetProvidersTests",
            dependencies: [
                "KafkaFleetCore", "KafkaFleetProviders", "KafkaFleetTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
    ]
)
