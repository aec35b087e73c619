// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "marsad",
    products: [
        .executable(name: "marsad", targets: ["marsad"]),
        .executable(name: "marsad-fuzz", targets: ["marsad-fuzz"]),
        .library(name: "ArabicText", targets: ["ArabicText"]),
        .library(name: "Knowledge", targets: ["Knowledge"]),
        .library(name: "Extraction", targets: ["Extraction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Arabic text core: decoding, normalization, tokens, sentences, clitics, numbers, dates.
        // Foundation only, no I/O beyond its bundled resources.
        .target(
            name: "ArabicText",
            resources: [.copy("Resources")]
        ),
        // The gazetteer: countries, places, organizations, persons, agents; longest-match lookup.
        .target(
            name: "Knowledge",
            dependencies: ["ArabicText"],
            resources: [.copy("Resources")]
        ),
        // Entities, events, attribution: from annotated text to Marsad's document records. No I/O
        // beyond its bundled models.
        .target(
            name: "Extraction",
            dependencies: ["ArabicText", "Knowledge"],
            resources: [.copy("Resources")]
        ),
        // From bytes to articles: plain text, HTML pages, JSON Lines; document ids (SHA-256).
        .target(
            name: "Ingest",
            dependencies: ["ArabicText", "Extraction", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Documents, extractions, actors and fused events in SQLite (GRDB); full-text search; exports.
        .target(
            name: "Store",
            dependencies: ["ArabicText", "Knowledge", "Extraction", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The same store on PostgreSQL (postgres-nio): shared by many servers and workers; the job queue.
        .target(
            name: "PostgresStore",
            dependencies: [
                "ArabicText",
                "Extraction",
                "Store",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The JSON API (OpenAPI-described) and the dashboard, over a store.
        .target(
            name: "Web",
            dependencies: [
                "ArabicText",
                "Knowledge",
                "Extraction",
                "Ingest",
                "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "marsad",
            dependencies: [
                "ArabicText",
                "Knowledge",
                "Extraction",
                "Ingest",
                "Store",
                "PostgresStore",
                "Web",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz harness: libFuzzer entry point when built by scripts/fuzz, a replayer of inputs otherwise.
        .executableTarget(name: "marsad-fuzz", dependencies: ["ArabicText", "Extraction", "Ingest"]),
        .testTarget(name: "ArabicTextTests", dependencies: ["ArabicText"]),
        .testTarget(name: "KnowledgeTests", dependencies: ["Knowledge"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"]),
        // The store engines that store and web tests run on: SQLite always, PostgreSQL when the environment names a server.
        .target(
            name: "StoreTesting",
            dependencies: ["Store", "PostgresStore", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/StoreTesting"
        ),
        .testTarget(name: "StoreTests", dependencies: ["Store", "PostgresStore", "StoreTesting", "Ingest"]),
        .testTarget(
            name: "WebTests",
            dependencies: ["Web", "Ingest", "Store", "StoreTesting", "Extraction", "ArabicText", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "MarsadCLITests", dependencies: ["marsad", "StoreTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
