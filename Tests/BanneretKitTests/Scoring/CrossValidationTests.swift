import Testing
@testable import BanneretKit

@Suite struct CrossValidationTests {
    static let world = SyntheticClickWorld(variantCount: 300, segments: Array(SyntheticClickWorld.distinctTastes.prefix(3)), seed: 5)
    static let rows = world.simulate(variants: Array(0 ..< 300), seed: 6)

    @Test func foldsHoldEveryRowOutOnceAndDifferInSizeByAtMostOne() {
        let assignment = CrossValidation(folds: 5, seed: 3).foldAssignment(rowCount: 903)
        let sizes = (0 ..< 5).map { fold in assignment.filter { $0 == fold }.count }
        #expect(sizes.reduce(0, +) == 903 && sizes.max()! - sizes.min()! <= 1)
        #expect(assignment != CrossValidation(folds: 5, seed: 4).foldAssignment(rowCount: 903), "the seed picks the folds")
        #expect(assignment == CrossValidation(folds: 5, seed: 3).foldAssignment(rowCount: 903))
    }

    @Test func theModelBeatsTheConstantBaselineOnHeldOutRows() throws {
        let report = CrossValidation().run(Self.rows, trainer: PreferenceTrainer())
        #expect(report.folds == 5 && report.rows == 900)
        let modelAUC = try #require(report.model.auc), baselineAUC = try #require(report.baseline.auc)
        #expect(baselineAUC == 0.5, "a constant ranks nothing")
        #expect(modelAUC > baselineAUC + 0.05, "model \(modelAUC)")
        #expect(try #require(report.model.logLoss) < #require(report.baseline.logLoss))
        #expect(report == CrossValidation().run(Self.rows, trainer: PreferenceTrainer()), "same seed, same report")
    }

    @Test func bannersThatDoNotMatterGiveNoLift() throws {
        // Clicks drawn at one rate whatever the banner: the model must not invent a ranking.
        var random = SplitMix64(seed: 11)
        let rows = Self.world.variants.map { features in
            ClickRow(segment: "a", features: features, impressions: 1000,
                     clicks: SyntheticClickWorld.binomial(trials: 1000, probability: 0.02, using: &random))
        }
        let report = CrossValidation().run(rows, trainer: PreferenceTrainer())
        #expect(abs(try #require(report.model.auc) - 0.5) < 0.03)
    }
}
