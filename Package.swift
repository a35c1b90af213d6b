// swift-tools-version: 6.1
import PackageDescription

// Release builds use -O (SwiftPM's default), never -Ounchecked: preconditions in
// the codecs and the text fitter guard memory and must keep their side effects.
let package = Package(
    name: "Banneret",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "BanneretKit", targets: ["BanneretKit"]),
        .library(name: "BanneretLayout", targets: ["BanneretLayout"]),
        .executable(name: "banneret", targets: ["banneret"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // pangocairo.pc does not pull in pangoft2 or fontconfig, which the private
        // font map needs; the module map links them explicitly.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]
        ),
        // setjmp/longjmp error handling of libpng and libjpeg cannot live in Swift.
        // libimagequant quantises PNGs that must fit a byte budget; gomp is linked
        // directly because quantize.c pins libimagequant's OpenMP to one thread.
        .target(
            name: "CBanneret",
            linkerSettings: [
                .linkedLibrary("png16"),
                .linkedLibrary("jpeg"),
                .linkedLibrary("webp"),
                .linkedLibrary("deflate"),
                .linkedLibrary("imagequant"),
                .linkedLibrary("gomp"),
                .linkedLibrary("crypto"),
            ]
        ),
        // The Cassowary constraint solver: pure Swift, no dependencies.
        .target(name: "BanneretLayout"),
        .target(
            name: "BanneretKit",
            dependencies: [
                "BanneretLayout", "CCairo", "CPangoCairo", "CBanneret",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "banneret",
            dependencies: [
                "BanneretKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A pipeline embedding the library: `swift run banneret-embedding-example`.
        .executableTarget(
            name: "banneret-embedding-example",
            dependencies: ["BanneretKit"],
            path: "Examples/Embedding"
        ),
        .testTarget(
            name: "BanneretLayoutTests",
            dependencies: ["BanneretLayout"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BanneretKitTests",
            dependencies: ["BanneretKit", "CBanneret"],
            // Read in place through #filePath: the bad-input corpus is data for one test, not a resource.
            exclude: ["Fixtures"],
            resources: [.copy("Goldens")]
        ),
        .testTarget(
            name: "banneretTests",
            dependencies: ["BanneretKit"]
        ),
        // Only `import BanneretKit`, never @testable: what embedding code can reach.
        .testTarget(
            name: "BanneretKitAPITests",
            dependencies: ["BanneretKit"]
        ),
    ]
)
