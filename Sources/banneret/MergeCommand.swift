import ArgumentParser
import BanneretKit
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the manifests of a sharded run into manifest.jsonl and errors.jsonl (every shard must have finished)."
    )

    @Argument(help: "The output folder the shards wrote into.")
    var folder: String

    func run() throws {
        do {
            let summary = try ShardMerge.merge(folder: URL(fileURLWithPath: folder))
            print("banneret: merged \(summary.shards) shards: \(summary.banners) banners, \(summary.errors) rejected")
        } catch let error as BanneretError {
            throw fail(error)
        }
    }
}
