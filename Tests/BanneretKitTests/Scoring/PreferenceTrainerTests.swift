import Foundation
import Testing
@testable import BanneretKit

@Suite struct PreferenceTrainerTests {
    static let tastes = SyntheticClickWorld.distinctTastes

    /// Two segments with plenty of data, and a third seen on six banners
    /// only (about 300 impressions, a handful of clicks) whose true taste is quite different.
    static let world = SyntheticClickWorld(variantCount: 300, segments: tastes, seed: 99)
    static let rows: [ClickRow] = {
        let plenty = world.simulate(variants: Array(0 ..< 300), segments: [world.segments[0], world.segments[1]], seed: 1)
        let tiny = world.simulate(variants: Array(0 ..< 6), segments: [world.segments[2]], impressions: 40 ... 60, seed: 2)
        return plenty + tiny
    }()

    /// The distance between two weight vectors, each weight counted per
    /// standard deviation of its feature so contrast (1–21) and flags (0/1) weigh alike.
    static func distance(_ a: [Double], _ b: [Double], names: [String]) -> Double {
        var sum = 0.0
        for (index, name) in names.enumerated() {
            let values = world.variants.map { $0[name] }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
            let delta = a[index] - b[index]
            sum += delta * delta * variance
        }
        return sum.squareRoot()
    }

    @Test func aSegmentWithLittleDataStaysCloseToTheGlobalModel() throws {
        let tinyID = Self.world.segments[2].id
        let shrunk = try PreferenceTrainer().fit(Self.rows)
        let unshrunk = try PreferenceTrainer(lambda: 1e-4).fit(Self.rows)
        let names = shrunk.featureNames
        let truth = names.map { Self.world.segments[2].weights[$0] ?? 0 }
        let tinyShrunk = try #require(shrunk.segments[tinyID]).weights
        let tinyUnshrunk = try #require(unshrunk.segments[tinyID]).weights
        let nearGlobal = Self.distance(tinyShrunk, shrunk.global.weights, names: names)
        let awayWithoutPenalty = Self.distance(tinyUnshrunk, unshrunk.global.weights, names: names)
        let trueDifference = Self.distance(truth, shrunk.global.weights, names: names)
        // Unpenalised, a handful of clicks sends the weights anywhere; penalised, they stay by the global model.
        #expect(nearGlobal < 0.1 * awayWithoutPenalty, "shrunk \(nearGlobal), unshrunk \(awayWithoutPenalty)")
        #expect(nearGlobal < 0.3 * trueDifference, "shrunk \(nearGlobal), true difference \(trueDifference)")
        #expect(shrunk.trainingCounts[tinyID]?.rows == 6)
        // The same penalty barely moves a segment with thousands of clicks.
        let rich = Self.world.segments[0]
        let richWeights = try #require(shrunk.segments[rich.id]).weights
        let richTruth = names.map { rich.weights[$0] ?? 0 }
        #expect(Self.distance(richWeights, richTruth, names: names) < 0.1)
    }

    @Test func trainingTwiceGivesTheSameBytes() throws {
        // Rows rebuilt from scratch: fresh dictionaries iterate in a different order.
        let again = Self.world.simulate(variants: Array(0 ..< 300), segments: [Self.world.segments[0], Self.world.segments[1]], seed: 1)
            + Self.world.simulate(variants: Array(0 ..< 6), segments: [Self.world.segments[2]], impressions: 40 ... 60, seed: 2)
        let first = try PreferenceTrainer().fit(Self.rows)
        let second = try PreferenceTrainer().fit(again)
        #expect(first == second)
        #expect(try PreferenceModelFile.encode(first) == PreferenceModelFile.encode(second))
    }

    @Test func priorsLeanSegmentsWithoutDataAwayFromTheGlobalModel() throws {
        let priors = [
            Segment(id: Self.world.segments[0].id, weights: ["colorfulness_norm": 0], bias: -4),
            Segment(id: "f_55+_kr", weights: ["colorfulness_norm": 1, "not_measured": 3], bias: -3.5),
        ]
        let model = try PreferenceTrainer(priors: priors).fit(Self.rows)
        let newcomer = try #require(model.segments["f_55+_kr"])
        let colorfulness = try #require(model.featureNames.firstIndex(of: "colorfulness_norm"))
        // The average prior is colorfulness_norm 0.5, bias −3.75: the newcomer leans +0.5 and +0.25.
        for (index, weight) in newcomer.weights.enumerated() {
            let lean = index == colorfulness ? 0.5 : 0
            #expect(abs(weight - model.global.weights[index] - lean) < 1e-9, "\(model.featureNames[index])")
        }
        #expect(abs(newcomer.bias - model.global.bias - 0.25) < 1e-9)
        #expect(model.trainingCounts["f_55+_kr"] == .init(rows: 0, impressions: 0, clicks: 0))
        #expect(!model.featureNames.contains("not_measured"), "a prior cannot add a feature the data lack")
        // A segment with thousands of clicks hardly notices its prior.
        let withoutPriors = try PreferenceTrainer().fit(Self.rows)
        let id = Self.world.segments[0].id
        let drift = Self.distance(try #require(model.segments[id]).weights, try #require(withoutPriors.segments[id]).weights,
                                  names: model.featureNames)
        #expect(drift < 0.03, "drift \(drift)")
    }

    @Test func missingFeaturesCountAsZeroAndUnknownSegmentsGetTheGlobalModel() throws {
        let model = try PreferenceTrainer().fit(Self.rows)
        let banner = Self.world.variants[0]
        #expect(model.predict(segment: "nobody", features: banner) == model.predict(segment: nil, features: banner))
        #expect(model.predict(segment: "nobody", features: banner) != model.predict(segment: Self.world.segments[0].id, features: banner))
        #expect(model.predict(segment: nil, features: [:]) == Logistic.probability(model.global.bias))
        var extra = banner
        extra["never_trained"] = 100
        #expect(model.predict(segment: nil, features: extra) == model.predict(segment: nil, features: banner))
    }

    @Test func aLogWithoutImpressionsIsRefused() {
        #expect(throws: BanneretError.self) {
            _ = try PreferenceTrainer().fit([ClickRow(segment: "a", features: ["warmth": 1], impressions: 0, clicks: 0)])
        }
    }

    @Test func aLogWithoutClicksStillGivesFiniteWeights() throws {
        let rows = (0 ..< 20).map { ClickRow(segment: "a", features: ["warmth": Double($0) / 20], impressions: 500, clicks: 0) }
        let model = try PreferenceTrainer(lambda: 0).fit(rows)
        #expect(model.global.bias.isFinite && model.global.weights.allSatisfy(\.isFinite))
        #expect(model.predict(segment: "a", features: ["warmth": 0.5]) < 1e-3)
    }

    @Test func choleskySolvesASymmetricSystemAndRefusesAnIndefiniteOne() throws {
        // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]], x = [1, -2, 3] → b = A x.
        let matrix: [Double] = [4, 2, 0, 2, 5, 1, 0, 1, 3]
        let x = try #require(CholeskySolver.solve(matrix, [0, -5, 7]))
        for (found, expected) in zip(x, [1.0, -2, 3]) { #expect(abs(found - expected) < 1e-12) }
        #expect(CholeskySolver.solve([1, 2, 2, 1], [1, 1]) == nil)
    }
}
