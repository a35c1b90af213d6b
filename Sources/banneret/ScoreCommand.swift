import ArgumentParser
import BanneretKit
import Foundation

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Predict click-through rates per segment (JSON Lines), or with --explore split traffic by Thompson sampling.",
        discussion: """
        score --model model.json --manifest manifest.jsonl (or --features rows.jsonl, each row a "features" object or \
        a manifest line): prints {"line", "id", "ctr": {segment: rate, …}, "global": rate} per row; --segments \
        segments.yaml instead of --model scores with the segments' priors (global: their mean).
        score --explore --log clicks.jsonl: prints {"segment", "shares": {variant: share}} per segment; \
        variants are the rows' "variant" or "banner_id".
        """
    )

    @Option(help: "Model written by `banneret train`.")
    var model: String?

    @Option(help: "Segments YAML: score with their priors where there is no trained model.")
    var segments: String?

    @Option(name: [.customLong("manifest"), .customLong("features")],
            help: "Banners to score: a run's manifest.jsonl, or JSON Lines of features objects.")
    var features: String?

    @Option(help: "Score only this segment.")
    var segment: String?

    @Flag(help: "Print the Thompson-sampling traffic split per segment and variant instead of scores.")
    var explore = false

    @Option(help: "Click log for --explore, JSON Lines.")
    var log: String?

    @Option(help: "Posterior draws per segment for --explore.")
    var draws: Int = 10_000

    @Option(help: "Seed for the --explore draws.")
    var seed: UInt64 = 1

    func validate() throws {
        if explore {
            guard log != nil else { throw ValidationError("--explore needs --log") }
            guard model == nil, segments == nil, features == nil else {
                throw ValidationError("--explore reads --log, not --model, --segments or --manifest")
            }
            guard draws >= 1 else { throw ValidationError("--draws must be at least 1") }
        } else {
            guard (model == nil) != (segments == nil), features != nil else {
                throw ValidationError("give --manifest (or --features) and one of --model or --segments (or --explore --log)")
            }
        }
    }

    struct Scores: Encodable {
        var line: Int
        var id: String?
        /// Per segment; the global model's rate is beside it, so no segment id can collide with it.
        var ctr: [String: Double]
        var global: Double
    }

    struct Allocation: Encodable {
        var segment: String
        var shares: [String: Double]
    }

    func run() throws {
        do {
            if explore { try allocate() } else { try score() }
        } catch let error as BanneretError {
            throw ScoringInputs.fail(error)
        }
    }

    private func score() throws {
        let scorer: BannerScorer
        if let model {
            let preferences = try PreferenceModelFile.load(URL(fileURLWithPath: model))
            if let segment, preferences.segments[segment] == nil {
                FileHandle.standardError.write(Data(("warning: segment '\(segment)' is not in the model"
                                                     + preferences.segmentHint(for: segment)
                                                     + "; scoring it with the global model\n").utf8))
            }
            scorer = BannerScorer(model: preferences)
        } else {
            let priors = try SegmentsLoader.load(URL(fileURLWithPath: segments!))
            if let segment, !priors.contains(where: { $0.id == segment }) {
                throw BanneretError(.segmentsInvalid, "no segment '\(segment)'; the segments are " + priors.map(\.id).joined(separator: ", "),
                                    at: Location(file: segments!))
            }
            scorer = BannerScorer(segments: priors)
        }
        let input = try FeatureRowsReader.read(contentsOf: URL(fileURLWithPath: features!))
        ScoringInputs.reportSkipped(input.errors)
        let targets = segment.map { [$0] } ?? scorer.segmentIDs
        for row in input.rows {
            let all = scorer.scores(row.features)
            let global = all[BannerScorer.total] ?? 0
            let ctr = Dictionary(uniqueKeysWithValues: targets.map { ($0, all[$0] ?? global) })
            print(try ScoringInputs.jsonLine(Scores(line: row.line, id: row.id, ctr: ctr, global: global)))
        }
        if input.rows.isEmpty {
            throw BanneretError(.featuresInvalid, "no row could be scored", at: Location(file: features!))
        }
    }

    private func allocate() throws {
        let input = try ScoringInputs.clickRows(log: log!, manifest: nil, segments: nil, requireFeatures: false)
        let arms = ThompsonAllocation.arms(from: input.rows)
        guard !arms.isEmpty else {
            throw BanneretError(.logInvalid, "no row names a variant or banner_id to allocate traffic to",
                                at: Location(file: log!))
        }
        let shares = ThompsonAllocation(draws: draws, seed: seed).shares(arms)
        for segment in shares.keys.sorted() {
            print(try ScoringInputs.jsonLine(Allocation(segment: segment, shares: shares[segment]!)))
        }
    }
}
