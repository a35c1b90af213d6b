import BanneretKit
import Foundation
import Testing

/// Whether the CLI offers `train` and `score`; the integrator registers them in `Banneret.swift`.
enum ScoringSubcommands {
    static let registered: Bool = {
        guard let help = try? run(["--help"]) else { return false }
        return help.stdout.contains("train") && help.stdout.contains("score")
    }()

    /// Runs the CLI with stdout and stderr in files, so neither pipe can fill up and stall it.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = GenerateCommandTests().temporary()
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = GenerateCommandTests.binary
        process.arguments = withStockTemplate(arguments)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }
}

/// `banneret train` and `banneret score` as users call them, once both are registered.
@Suite(.enabled(if: ScoringSubcommands.registered, "TrainCommand and ScoreCommand are not registered in Banneret.swift"))
struct ScoringCommandTests {
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ScoringSubcommands.run(arguments)
    }

    /// 80 banners whose warmth two segments answer to in opposite ways,
    /// clicks at exactly the expected rate, plus one bad row.
    func writeInputs() throws -> URL {
        let folder = GenerateCommandTests().temporary()
        var manifest = "", log = ""
        for index in 0 ..< 80 {
            let warmth = Double(index) / 79
            manifest += #"{"id": "b\#(index)", "metrics": {"warmth": \#(warmth), "text_area": \#(Double(index % 7) / 7)}}"# + "\n"
            for (segment, slope) in [("f_18_34_kr", 2.0), ("m_35_54_us", -2.0)] {
                let rate = 1 / (1 + exp(-(-4 + slope * warmth)))
                log += #"{"segment": "\#(segment)", "banner_id": "b\#(index)", "impressions": 2000, "clicks": \#(Int((2000 * rate).rounded()))}"# + "\n"
            }
        }
        log += #"{"segment": "f_18_34_kr", "banner_id": "b1", "impressions": 10, "clicks": 11}"# + "\n"
        try manifest.write(to: folder.appendingPathComponent("manifest.jsonl"), atomically: true, encoding: .utf8)
        try log.write(to: folder.appendingPathComponent("clicks.jsonl"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func trainWritesTheModelAndReportsCrossValidationAgainstTheBaseline() throws {
        let folder = try writeInputs()
        let model = folder.appendingPathComponent("model.json")
        let result = try run(["train", "--log", folder.appendingPathComponent("clicks.jsonl").path,
                              "--manifest", folder.appendingPathComponent("manifest.jsonl").path, "--out", model.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("clicks.jsonl:161 field 'clicks'"), "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let validation = try #require(summary["cross_validation"] as? [String: Any])
        let modelAUC = try #require((validation["model"] as? [String: Any])?["auc"] as? Double)
        let baselineAUC = try #require((validation["baseline"] as? [String: Any])?["auc"] as? Double)
        #expect(modelAUC > baselineAUC + 0.05, "\(result.stdout)")
        #expect(summary["skipped"] as? Int == 1)
        let loaded = try PreferenceModelFile.load(model)
        #expect(loaded.segmentIDs == ["f_18_34_kr", "m_35_54_us"])
    }

    @Test func scorePrintsOneLinePerBannerAndExploreSplitsTraffic() throws {
        let folder = try writeInputs()
        let model = folder.appendingPathComponent("model.json").path
        let manifest = folder.appendingPathComponent("manifest.jsonl").path
        let log = folder.appendingPathComponent("clicks.jsonl").path
        #expect(try run(["train", "--log", log, "--manifest", manifest, "--out", model, "--folds", "0"]).status == 0)
        let scores = try run(["score", "--model", model, "--features", manifest])
        #expect(scores.status == 0, "\(scores.stderr)")
        let lines = scores.stdout.split(separator: "\n")
        #expect(lines.count == 80)
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines[79].utf8)) as? [String: Any])
        let ctr = try #require(last["ctr"] as? [String: Double])
        #expect(last["id"] as? String == "b79" && ctr["f_18_34_kr"]! > ctr["m_35_54_us"]!, "the warmest banner suits f_18_34_kr")
        let explore = try run(["score", "--explore", "--log", log, "--draws", "500"])
        #expect(explore.status == 0, "\(explore.stderr)")
        for line in explore.stdout.split(separator: "\n") {
            let allocation = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let shares = try #require(allocation["shares"] as? [String: Double])
            #expect(abs(shares.values.reduce(0, +) - 1) < 1e-9)
        }
    }

    @Test func aManifestScoresWithTheSegmentsPriorsWithoutAModel() throws {
        let folder = try writeInputs()
        let segments = folder.appendingPathComponent("segments.yaml")
        try "segments:\n  - id: warm\n    bias: -4\n    weights: { warmth: 2 }\n  - id: cool\n    bias: -4\n    weights: { warmth: -2 }\n"
            .write(to: segments, atomically: true, encoding: .utf8)
        let scores = try run(["score", "--segments", segments.path, "--manifest", folder.appendingPathComponent("manifest.jsonl").path])
        #expect(scores.status == 0, "\(scores.stderr)")
        let lines = scores.stdout.split(separator: "\n")
        #expect(lines.count == 80)
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines[79].utf8)) as? [String: Any])
        let ctr = try #require(last["ctr"] as? [String: Double])
        let warm = 1 / (1 + exp(2.0)), cool = 1 / (1 + exp(6.0))
        #expect(abs(ctr["warm"]! - warm) < 1e-9 && abs(ctr["cool"]! - cool) < 1e-9)
        #expect(abs((last["global"] as? Double ?? 0) - (warm + cool) / 2) < 1e-9)
        #expect(try run(["score", "--manifest", folder.appendingPathComponent("manifest.jsonl").path]).status == 64,
                "a model or segments is required")
    }

    @Test func missingInputsExit66AndUnusableLogsExit65() throws {
        let folder = try writeInputs()
        let missing = try run(["train", "--log", "/nonexistent/clicks.jsonl", "--out", folder.appendingPathComponent("m.json").path])
        #expect(missing.status == 66 && missing.stderr.contains("log.missing"), "\(missing.stderr)")
        let noManifest = try run(["train", "--log", folder.appendingPathComponent("clicks.jsonl").path,
                                  "--out", folder.appendingPathComponent("m.json").path])
        #expect(noManifest.status == 65 && noManifest.stderr.contains("more"), "\(noManifest.stderr)")
        let noModel = try run(["score", "--model", "/nonexistent/model.json", "--features", folder.appendingPathComponent("manifest.jsonl").path])
        #expect(noModel.status == 66)
    }
}
