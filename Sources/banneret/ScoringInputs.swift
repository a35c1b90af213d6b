import ArgumentParser
import BanneretKit
import Foundation

/// What `train` and `score` share: reading their inputs, reporting rows
/// that were left out, and exit statuses for the scoring error codes.
enum ScoringInputs {
    /// The log's usable rows; every row left out is reported on stderr with its file, line and field.
    static func clickRows(log: String, manifest: String?, segments: String?, requireFeatures: Bool) throws
        -> (rows: [ClickRow], priors: [Segment], skipped: Int) {
        var problems: [BanneretError] = []
        var manifestFeatures: ManifestFeatures?
        if let manifest {
            let loaded = try ManifestFeatures.load(URL(fileURLWithPath: manifest))
            problems += loaded.errors
            manifestFeatures = loaded
        }
        var result = try ClickLogReader.read(contentsOf: URL(fileURLWithPath: log), manifest: manifestFeatures,
                                             requireFeatures: requireFeatures)
        var priors: [Segment] = []
        if let segments {
            // Priors may weigh the measured banner features and any feature the log carries.
            let seen = Set(result.rows.flatMap { $0.features.values.keys })
            priors = try SegmentsLoader.load(URL(fileURLWithPath: segments),
                                             knownFeatures: Set(ScoringFeatures.names).union(seen))
            result = ClickLogReader.keepingSegments(priors.map(\.id), of: result)
        }
        problems += result.errors
        reportSkipped(problems)
        guard !result.rows.isEmpty else {
            throw BanneretError(.logInvalid, "no usable rows in the click log", at: Location(file: log))
        }
        return (result.rows, priors, result.errors.count)
    }

    /// Prints the first problems in full and then only how many more there
    /// were: a log whose every row has the same fault should not bury the
    /// terminal in a million identical lines.
    static func reportSkipped(_ problems: [BanneretError], limit: Int = 20) {
        for problem in problems.prefix(limit) {
            FileHandle.standardError.write(Data("skipped: \(problem)\n".utf8))
        }
        if problems.count > limit {
            FileHandle.standardError.write(Data("skipped: … and \(problems.count - limit) more\n".utf8))
        }
    }

    /// One compact JSON line with sorted keys, so output is the same bytes every run.
    static func jsonLine<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Like ``fail(_:)``, with the scoring inputs' "missing" codes mapped to 66 (no input).
    static func fail(_ error: BanneretError) -> ExitCode {
        switch error.code {
        case .logMissing, .manifestMissing, .segmentsMissing, .modelMissing, .featuresMissing:
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return ExitCode(ExitStatus.noInput)
        default:
            return banneret.fail(error)
        }
    }
}
