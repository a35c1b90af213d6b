import Foundation
import Testing
@testable import BanneretKit

/// The whole feature set on real renders of the Examples feed.
@Suite struct BannerFeaturesTests {
    static let sizes = BannerSize.defaultMix.map(\.description)

    /// Each feature's documented range (FEATURES.md).
    static let ranges: [String: ClosedRange<Double>] = [
        FeatureKey.validity: 0 ... 1, FeatureKey.overlap: 0 ... 1, FeatureKey.alignment: 0 ... 10,
        FeatureKey.utility: 0 ... 1, FeatureKey.occlusion: 0 ... 1,
        FeatureKey.underlayEffectivenessLoose: 0 ... 1, FeatureKey.underlayEffectivenessStrict: 0 ... 1,
        FeatureKey.contrastMin: 1 ... 21, FeatureKey.contrastMarginMin: 0 ... 21, FeatureKey.contrastPass: 0 ... 1,
        FeatureKey.colorfulness: 0 ... 298, FeatureKey.brightness: 0 ... 1, FeatureKey.warmth: -1 ... 1,
        FeatureKey.saturation: 0 ... 1, FeatureKey.whitespace: 0 ... 1, FeatureKey.textArea: 0 ... 1,
        FeatureKey.productArea: 0 ... 1, FeatureKey.salientArea: 0 ... 1, FeatureKey.balanceOffset: 0 ... 1,
        FeatureKey.colorCount: 1 ... 4096,
        FeatureKey.textContrastViolation: 0 ... 1, FeatureKey.logoMinimumHeightViolation: 0 ... 1,
        FeatureKey.logoClearSpaceViolation: 0 ... 1, FeatureKey.forbiddenPairViolation: 0 ... 1,
    ]

    @Test func everyFixedNameHasADocumentedRangeAndIsSnakeCase() {
        #expect(Set(FeatureKey.all) == Set(Self.ranges.keys))
        #expect(Set(FeatureKey.all).count == FeatureKey.all.count)
        for name in FeatureKey.all {
            #expect(name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(name)")
        }
    }

    @Test(arguments: sizes)
    func examplesBannersAreWithinRangeAndLegible(size: String) throws {
        let worker = RenderWorker(engine: Fixtures.engine)
        let bannerSize = try BannerSize(parsing: size)
        for (product, imagePath) in ExampleProducts.all {
            let label = "\(product.id) @ \(size)"
            let (rendered, spec) = try worker.render(product: product, size: bannerSize, imagePath: imagePath,
                                                     template: Fixtures.template)
            let image = try imagePath.map { try Fixtures.engine.images.image(at: $0) }
            let features = BannerFeatures.measure(spec: spec, rendered: rendered, brand: Fixtures.engine.brand,
                                                  productImage: image)
            for (name, range) in Self.ranges {
                guard let value = features.values[name] else {
                    let optional = [FeatureKey.underlayEffectivenessLoose, FeatureKey.underlayEffectivenessStrict]
                    #expect(optional.contains(name) && spec.underlays.isEmpty, "\(label): \(name) missing")
                    continue
                }
                #expect(range.contains(value), "\(label): \(name) = \(value) outside \(range)")
            }
            #expect(features.values[FeatureKey.contrastPass] == 1, "\(label): \(features.violations)")
            #expect(features.violations.isEmpty, "\(label): \(features.violations)")
            #expect(features.texts.count == rendered.texts.count, "\(label)")
            for text in features.texts {
                #expect(features.values[FeatureKey.contrast(ofText: text.id)] == (text.contrast * 10_000).rounded() / 10_000)
            }
        }
    }

    @Test func aSaleBannerMeasuresAsDesigned() throws {
        let (product, imagePath) = ExampleProducts.named("HB-1001")
        let (rendered, spec) = try RenderWorker(engine: Fixtures.engine).render(
            product: product, size: BannerSize(width: 300, height: 250), imagePath: imagePath, template: Fixtures.template)
        let features = BannerFeatures.measure(spec: spec, rendered: rendered, brand: Fixtures.engine.brand)
        let values = features.values
        // The first two manifest metrics keep their meaning.
        let specMetrics = SpecMetrics.measure(spec)
        #expect(values[FeatureKey.textArea] == specMetrics["text_area"])
        #expect(values[FeatureKey.productArea] == specMetrics["product_area"])
        // The card carries the product and the badge disc its label.
        #expect(values[FeatureKey.underlayEffectivenessStrict] == 1)
        // White label on the teal button: the palette's own 9.51:1.
        #expect(abs((values[FeatureKey.contrast(ofText: "cta_label")] ?? 0) - 9.51) < 0.01)
        // Copy never sits on the product frame; only the badge disc and its label may.
        #expect((values[FeatureKey.occlusion] ?? 1) < 0.25)
        #expect(values[FeatureKey.colorfulness].map { $0 > 15 } == true)   // the brand's teal, orange and the shoe
    }

    @Test func fittedSizesComeFromTheRenderedBanner() throws {
        let (product, imagePath) = ExampleProducts.named("HB-1002")
        let (rendered, spec) = try RenderWorker(engine: Fixtures.engine).render(
            product: product, size: BannerSize(width: 728, height: 90), imagePath: imagePath, template: Fixtures.template)
        let sizes = Dictionary(uniqueKeysWithValues: rendered.texts.map { ($0.id, $0.fitted.fontSize) })
        let fromRendered = BannerFeatures.measure(spec: spec, rendered: rendered, brand: Fixtures.engine.brand)
        let fromPixels = BannerFeatures.measure(spec: spec, pixels: rendered.pixels, brand: Fixtures.engine.brand,
                                                fontSizes: sizes)
        #expect(fromRendered == fromPixels)
        #expect(fromRendered.texts.map(\.fontSize) == spec.elements.compactMap { sizes[$0.id] })
    }
}
