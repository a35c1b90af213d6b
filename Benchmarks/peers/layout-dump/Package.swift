// swift-tools-version: 6.1
// Writes the layout Banneret solves for every banner of a job to JSON, so the
// peer renderers in Benchmarks/peers draw exactly the same frames. Benchmarks
// only: nothing in the main package or its tests depends on it. Built in
// debug, where BanneretKit is compiled for testing so `@testable import` can
// reach the render worker; the solved layout does not depend on optimisation.
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which is whatever the checkout is called.
let root = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("../../..").standardizedFileURL
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "layout-dump",
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "layout-dump",
            dependencies: [.product(name: "BanneretKit", package: rootIdentity)]
        ),
    ]
)
