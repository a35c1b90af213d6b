import ArgumentParser
import BanneretKit
import Foundation

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Learn the customer-preference model from a click log; print cross-validated AUC and log-loss (JSON).",
        discussion: """
        Each log line is {"segment", "impressions", "clicks"} plus "banner_id" (features from --manifest) \
        or "features". Rows that cannot be used are reported on stderr and the rest are used.
        """
    )

    @Option(help: "Click log, JSON Lines.")
    var log: String

    @Option(help: "manifest.jsonl whose metrics are the features of banner_id rows.")
    var manifest: String?

    @Option(help: "Segments YAML: the segments to learn and their priors; rows of other segments are skipped.")
    var segments: String?

    @Option(help: "Cross-validation folds (0 skips cross-validation).")
    var folds: Int = 5

    @Option(help: "Shrinkage toward the global model; larger keeps segments with little data closer to it.")
    var lambda: Double = 10

    @Option(help: "Seed for dealing rows to folds.")
    var seed: UInt64 = 1

    @Option(help: "Where to write the model (JSON).")
    var out: String

    func validate() throws {
        guard folds == 0 || folds >= 2 else { throw ValidationError("--folds is 0 (no cross-validation) or at least 2") }
        guard lambda.isFinite, lambda >= 0 else { throw ValidationError("--lambda must be a number ≥ 0") }
    }

    /// What stdout reports: enough to judge the model without opening it.
    struct Summary: Encodable {
        var model: String
        var rows: Int
        var skipped: Int
        var features: Int
        var segments: [String]
        var lambda: Double
        var crossValidation: CrossValidation.Report?

        enum CodingKeys: String, CodingKey {
            case model, rows, skipped, features, segments, lambda
            case crossValidation = "cross_validation"
        }
    }

    func run() throws {
        do {
            let input = try ScoringInputs.clickRows(log: log, manifest: manifest, segments: segments, requireFeatures: true)
            let trainer = PreferenceTrainer(lambda: lambda, priors: input.priors)
            let model = try trainer.fit(input.rows)
            var report: CrossValidation.Report?
            if folds >= 2 {
                if input.rows.count >= folds {
                    report = CrossValidation(folds: folds, seed: seed).run(input.rows, trainer: trainer)
                } else {
                    FileHandle.standardError.write(Data(("warning: \(input.rows.count) rows are too few for \(folds) folds; "
                                                         + "cross-validation skipped\n").utf8))
                }
            }
            try PreferenceModelFile.save(model, to: URL(fileURLWithPath: out))
            print(try ScoringInputs.jsonLine(Summary(model: out, rows: input.rows.count, skipped: input.skipped,
                                                     features: model.featureNames.count, segments: model.segmentIDs,
                                                     lambda: lambda, crossValidation: report)))
        } catch let error as BanneretError {
            throw ScoringInputs.fail(error)
        }
    }
}
