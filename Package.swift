// swift-tools-version: 6.1
// storywatch: watch a folder of news articles, alert webhooks when a story takes a turn.
// One target per pipeline stage (watch → ingest → extract → track → deliver), so the
// compiler keeps stages talking through the plain values of StorywatchModel only.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The release `storywatch` (issue #6, idle RSS): the Swift runtime and Foundation linked in, so
// only the pages it uses are mapped and no shared library's relocations are dirtied. The modules
// are compiled against the shared Foundation, whose module names none of static Foundation's own
// libraries: hence the -l flags. lld packs the relative relocations (DT_RELR, glibc >= 2.36),
// 2.3 MB that the loader would otherwise read at start and keep resident.
let staticReleaseLink: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationCollections", "-l_FoundationCShims",
                  "-l_FoundationICU", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                 .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "storywatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "storywatch", targets: ["storywatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The optional [http] listener (issue #15): /metrics, /healthz and the live report.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Plain Sendable values that cross stages: Document, Item, Event, Development, Alert.
        .target(name: "StorywatchModel", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strictSettings),
        .target(name: "StorywatchConfig", dependencies: [
            "StorywatchModel", "TOMLKit",
        ], swiftSettings: strictSettings),
        .target(name: "StorywatchStore", dependencies: [
            "StorywatchModel", .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: strictSettings),
        .target(name: "StorywatchIngest", dependencies: [
            "StorywatchModel", .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictSettings),
        .target(name: "StorywatchExtract", dependencies: [
            "StorywatchModel",
        ], resources: [.copy("Dictionaries")], swiftSettings: strictSettings),
        .target(name: "StorywatchTrack", dependencies: [
            "StorywatchModel",
        ], swiftSettings: strictSettings),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "StorywatchDeliver", dependencies: [
            "StorywatchModel", "CCurl",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictSettings),
        // statfs(2) and pipe2(2), which Glibc's Swift module does not import.
        .target(name: "CWatchShim"),
        .target(name: "StorywatchWatch", dependencies: [
            "StorywatchModel", "CWatchShim", .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictSettings),
        // malloc_trim(3) and mallopt(3), which Glibc's Swift module does not import.
        .target(name: "CMemoryShim"),
        // The composition root: one use case per command, and the daemon's services.
        .target(name: "StorywatchService", dependencies: [
            "StorywatchModel", "StorywatchConfig", "StorywatchStore", "StorywatchIngest",
            "StorywatchExtract", "StorywatchTrack", "StorywatchDeliver", "StorywatchWatch", "StorywatchHTTP", "CMemoryShim",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "Mustache", package: "swift-mustache"),
        ], swiftSettings: strictSettings),
        // The optional [http] listener: /metrics, /healthz and the live report (hummingbird), apart
        // so that the stages below the composition root do not link an HTTP server; the daemon
        // (StorywatchService) runs it as a service and hands it the report and the health check.
        .target(name: "StorywatchHTTP", dependencies: [
            "StorywatchConfig", "StorywatchStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: strictSettings),
        // The CLI: options and formatting only; each command runs a use case of StorywatchService.
        .executableTarget(name: "storywatch", dependencies: [
            "StorywatchService", "StorywatchModel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictSettings, linkerSettings: staticReleaseLink),
        // `make lexicon`: the converter that generates Dictionaries/generated/ from CAMEO and Phoenix.
        .target(name: "StorywatchLexicon", exclude: ["cameo-stoplist.txt"], swiftSettings: strictSettings),
        .executableTarget(name: "storywatch-lexicon", dependencies: ["StorywatchLexicon"], swiftSettings: strictSettings),
        // `make bench`: throughput figures in release mode; never run by the tests.
        .executableTarget(name: "storywatch-bench", dependencies: [
            "StorywatchService", "StorywatchModel", "StorywatchIngest", "StorywatchExtract",
            "StorywatchTrack", "StorywatchStore", "StorywatchConfig", "StorywatchTesting",
            .product(name: "Logging", package: "swift-log"),
        ], path: "Benchmarks/storywatch-bench", swiftSettings: strictSettings),

        // `make bench`: delivery throughput against a local nginx, and memory with a deep outbox.
        .executableTarget(name: "storywatch-deliver-bench", dependencies: [
            "StorywatchService", "StorywatchDeliver", "StorywatchStore", "StorywatchModel",
            .product(name: "Logging", package: "swift-log"),
        ], path: "Benchmarks/storywatch-deliver-bench", swiftSettings: strictSettings),

        // Test support, one place: temp folders, the binary runner, the scripted receiver
        // (receiver.py), a fake HTTP transport, a test clock, outbox fixtures.
        .target(name: "StorywatchTesting", dependencies: [
            "StorywatchDeliver", "StorywatchStore", "StorywatchModel", .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["receiver.py"], swiftSettings: strictSettings),

        .testTarget(name: "StorywatchIngestTests", dependencies: ["StorywatchIngest", "StorywatchModel", "StorywatchTesting"],
                    swiftSettings: strictSettings),
        .testTarget(name: "StorywatchConfigTests", dependencies: ["StorywatchConfig", "StorywatchModel"],
                    swiftSettings: strictSettings),
        .testTarget(name: "StorywatchStoreTests", dependencies: [
            "StorywatchStore", "StorywatchModel", "StorywatchTesting", .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: strictSettings),
        .testTarget(name: "StorywatchExtractTests", dependencies: [
            "StorywatchExtract", "StorywatchModel", "StorywatchIngest", "StorywatchTesting",
        ], swiftSettings: strictSettings),
        .testTarget(name: "StorywatchLexiconTests", dependencies: ["StorywatchLexicon"],
                    swiftSettings: strictSettings),
        .testTarget(name: "StorywatchTrackTests", dependencies: ["StorywatchTrack", "StorywatchModel"],
                    swiftSettings: strictSettings),
        // The watcher against temp folders; the ignore rule comes from Ingest, as the daemon wires it.
        .testTarget(name: "StorywatchWatchTests", dependencies: [
            "StorywatchWatch", "StorywatchIngest", "StorywatchModel", "StorywatchTesting",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictSettings),
        // The use cases, the daemon's services, sd_notify, the log handler and the systemd unit
        // (skipped without systemd-analyze).
        .testTarget(name: "StorywatchServiceTests", dependencies: [
            "StorywatchService", "StorywatchConfig", "StorywatchDeliver", "StorywatchModel", "StorywatchStore",
            "StorywatchTrack", "StorywatchTesting", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            "StorywatchHTTP", .product(name: "Prometheus", package: "swift-prometheus"),
        ], swiftSettings: strictSettings),
        // The worker over the store's outbox (StoreOutboxQueue, from Service), libcurl and a local receiver.
        .testTarget(name: "StorywatchDeliverTests", dependencies: [
            "StorywatchDeliver", "StorywatchService", "StorywatchStore", "StorywatchModel", "StorywatchTrack",
            "StorywatchTesting", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strictSettings),
        // The binary as a user runs it.
        .testTarget(name: "StorywatchCLITests", dependencies: ["StorywatchModel", "StorywatchStore", "StorywatchTesting"],
                    swiftSettings: strictSettings),
    ]
)
