import ArgumentParser
import BanneretKit
import Foundation

@main
struct Banneret: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "banneret",
        abstract: "Generate on-brand ad banners from product feeds.",
        version: RendererVersion.banneret,
        subcommands: [GenerateCommand.self, ValidateCommand.self, SchemaCommand.self, BenchCommand.self, TrainCommand.self,
                      ScoreCommand.self, MergeCommand.self, WatchCommand.self, QualityCommand.self,
                      ThumbnailsCommand.self, PreviewCommand.self],
        defaultSubcommand: GenerateCommand.self
    )
}

/// sysexits(3) codes, as DESIGN.md's CLI contract lists them.
enum ExitStatus {
    static let someRejected: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
    /// A failure worth retrying (network, preemption): job engines run the shard again.
    static let tempFail: Int32 = 75

    static func code(for error: BanneretError) -> Int32 {
        switch error.code {
        case .feedMissing, .brandMissing, .fontMissing, .imageMissing, .templateMissing, .segmentsMissing, .logMissing,
             .manifestMissing, .featuresMissing, .modelMissing, .jobMissing, .inboxMissing: noInput
        case .outputUnwritable: cannotCreate
        case .interrupted, .imageFetchFailed: tempFail
        case .sizeInvalid: usage
        case .renderFailed, .encodeFailed, .fontConfigFailed: software
        default: dataError
        }
    }
}

/// Where the project's default job lives: the folder holding `Fonts/`.
enum ProjectPaths {
    static func root() -> URL {
        (try? FontSet.locateDirectory().deletingLastPathComponent())
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}

func fail(_ error: BanneretError) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    return ExitCode(ExitStatus.code(for: error))
}
