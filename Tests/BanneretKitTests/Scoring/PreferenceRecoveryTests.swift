import Foundation
import Testing
@testable import BanneretKit

/// The trainer against a market whose truth is known: 2,000 random banners,
/// four segments with different tastes, 200–2,000 impressions per banner and
/// segment. Trained on 1,500 banners, judged on the 500 it never saw.
@Suite struct PreferenceRecoveryTests {
    struct Experiment {
        let world = SyntheticClickWorld(variantCount: 2000, segments: SyntheticClickWorld.distinctTastes, seed: 2024)
        let heldOut = Array(1500 ..< 2000)
        let model: PreferenceModel
        let heldOutLog: [ClickRow]

        init() {
            let training = world.simulate(variants: Array(0 ..< 1500), seed: 7)
            model = try! PreferenceTrainer().fit(training)
            heldOutLog = world.simulate(variants: heldOut, seed: 8)
        }

        func predicted(_ segment: SyntheticClickWorld.TrueSegment) -> [Double] {
            heldOut.map { model.predict(segment: segment.id, features: world.variants[$0]) }
        }

        func truth(_ segment: SyntheticClickWorld.TrueSegment) -> [Double] {
            heldOut.map { world.trueCTR(segment: segment, variant: $0) }
        }
    }

    /// Trained once; every test reads it.
    static let experiment = Experiment()

    @Test func ranksUnseenBannersLikeTheTruthInEverySegment() {
        let experiment = Self.experiment
        for segment in experiment.world.segments {
            let correlation = spearman(experiment.predicted(segment), experiment.truth(segment))
            #expect(correlation >= 0.9, "\(segment.id): Spearman \(correlation)")
        }
    }

    @Test func aucOnTheHeldOutLogMatchesTheTrueModel() throws {
        let experiment = Self.experiment
        let log = experiment.heldOutLog
        let predicted = log.map { experiment.model.predict(segment: $0.segment, features: $0.features) }
        let truth = log.map { row in
            let segment = experiment.world.segments.first { $0.id == row.segment }!
            return Logistic.probability(row.features.dot(segment.weights) + segment.bias)
        }
        let modelAUC = try #require(ClickMetrics.auc(predictions: predicted, rows: log))
        let trueAUC = try #require(ClickMetrics.auc(predictions: truth, rows: log))
        #expect(abs(modelAUC - trueAUC) <= 0.01, "model \(modelAUC), truth \(trueAUC)")
        // The truth itself must separate clicks well, or the comparison above proves nothing.
        #expect(trueAUC > 0.6, "true AUC \(trueAUC)")
    }

    @Test func segmentsWithDifferentTastesGetDifferentFavourites() {
        let experiment = Self.experiment
        var favourites: [Int] = []
        for segment in experiment.world.segments {
            let predicted = experiment.predicted(segment)
            let truth = experiment.truth(segment)
            let favourite = predicted.indices.max { predicted[$0] < predicted[$1] }!
            let trueTopFive = truth.indices.sorted { truth[$0] > truth[$1] }.prefix(5)
            #expect(trueTopFive.contains(favourite), "\(segment.id): predicted favourite is not in the true top 5")
            favourites.append(favourite)
        }
        #expect(Set(favourites).count == favourites.count, "favourites \(favourites) repeat across segments")
    }

    /// Segments with thousands of clicks are not held back by the shrinkage:
    /// each weight, per standard deviation of its feature, is within 0.05
    /// logits of the truth, including contrast measured on its 1–21 scale.
    @Test func segmentsWithPlentyOfDataFollowTheirOwnData() throws {
        let experiment = Self.experiment
        let model = experiment.model
        for segment in experiment.world.segments {
            let learnt = try #require(model.segments[segment.id])
            for (index, name) in model.featureNames.enumerated() {
                let values = experiment.world.variants.map { $0[name] }
                let mean = values.reduce(0, +) / Double(values.count)
                let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
                let error = abs(learnt.weights[index] - (segment.weights[name] ?? 0)) * deviation
                #expect(error < 0.05, "\(segment.id).\(name): off by \(error) logits per standard deviation")
            }
        }
    }
}
