// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "naas",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "naas", targets: ["naas"]),
        .executable(name: "naas-sim", targets: ["naas-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-structured-headers", from: "1.7.0"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibSSH",
            path: "Sources/CLibSSH",
            pkgConfig: "libssh",
            providers: [.apt(["libssh-dev"])]
        ),
        // epoll and eventfd, for the device reactor.
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),
        .target(
            name: "NAASCore",
            dependencies: [],
            swiftSettings: strict
        ),
        // The TextFSM language and ntc-templates' index: text in, records out, no I/O.
        .target(name: "TextFSM", dependencies: [], swiftSettings: strict),
        // Templates on disk (ntc-templates' folder), compiled once and shared.
        .target(name: "NAASParsing", dependencies: ["TextFSM"], swiftSettings: strict),
        .target(
            name: "NAASDevice",
            dependencies: [
                "NAASCore", "CLibSSH", "CEpoll",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "NAASStore",
            dependencies: [
                "NAASCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "NAASWorker",
            dependencies: [
                "NAASCore", "NAASDevice", "NAASStore", "NAASParsing",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // Webhook deliveries: receiver checks, signing, the HTTP client and the deliverer service.
        .target(
            name: "NAASWebhooks",
            dependencies: [
                "NAASCore", "NAASStore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "NAASAPI",
            dependencies: [
                "NAASCore", "NAASStore", "NAASParsing", "TextFSM", "NAASWebhooks",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The committed contract (openapi/*.yaml, linked here), compiled into the binary.
            resources: [.embedInCode("Documents/v1.yaml"), .embedInCode("Documents/v2.yaml")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "naas",
            dependencies: [
                "NAASCore", "NAASDevice", "NAASStore", "NAASWorker", "NAASAPI", "NAASContract", "NAASParsing", "TextFSM",
                "NAASWebhooks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "naas-bench",
            dependencies: [
                "NAASCore", "NAASDevice", "CLibSSH", "NAASParsing", "TextFSM",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "bench/Sources/naas-bench",
            swiftSettings: strict
        ),
        .target(
            name: "NAASSimulator",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "naas-sim",
            dependencies: [
                "NAASSimulator", "NAASCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "NAASSimulatorTests", dependencies: ["NAASSimulator"], swiftSettings: strict),
        .target(
            name: "NAASContract",
            dependencies: [
                "NAASCore",
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NAASContractTests",
            dependencies: ["NAASContract"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(name: "TextFSMTests", dependencies: ["TextFSM"], swiftSettings: strict),
        .testTarget(name: "NAASParsingTests", dependencies: ["NAASParsing", "TextFSM"], swiftSettings: strict),
        .testTarget(name: "NAASCoreTests", dependencies: ["NAASCore"], swiftSettings: strict),
        .testTarget(
            name: "NAASWebhooksTests", dependencies: ["NAASWebhooks", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strict),
        .testTarget(name: "NAASDeviceTests", dependencies: ["NAASDevice", .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOCore", package: "swift-nio")], swiftSettings: strict),
        .testTarget(
            name: "NAASStoreTests",
            dependencies: ["NAASStore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NAASAPITests",
            dependencies: [
                "NAASAPI", "NAASStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "RawStructuredFieldValues", package: "swift-http-structured-headers"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
