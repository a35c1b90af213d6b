import Foundation
import Testing
@testable import BanneretKit

/// Properties every Examples banner must have, at every default size.
@Suite struct RenderPropertyTests {
    static let sizes = BannerSize.defaultMix.map(\.description)

    @Test(arguments: sizes)
    func everyBannerIsClean(size: String) throws {
        let worker = RenderWorker(engine: Fixtures.engine)
        let bannerSize = try BannerSize(parsing: size)
        let canvas = Rect(x: 0, y: 0, width: Double(bannerSize.width), height: Double(bannerSize.height))
        for (product, imagePath) in ExampleProducts.all {
            let label = "\(product.id) @ \(size)"
            let (rendered, spec) = try worker.render(product: product, size: bannerSize, imagePath: imagePath,
                                              template: Fixtures.template)
            let texts = spec.elements.compactMap { element -> TextElement? in
                if case .text(let t) = element { return t } else { return nil }
            }
            let fitted = Dictionary(rendered.texts.map { ($0.id, $0.fitted) }, uniquingKeysWith: { a, _ in a })
            for text in texts {
                #expect(canvas.contains(text.frame), "\(label): \(text.id) leaves the canvas")
                let fit = try #require(fitted[text.id])
                #expect(fit.width <= text.frame.width + 0.5 && fit.height <= text.frame.height + 0.5,
                        "\(label): \(text.id) text is larger than its frame")
                #expect(fit.unknownGlyphs == 0 && !fit.overflows, "\(label): \(text.id)")
                let under = fillUnder(text.frame, in: spec)
                let minimum = fit.fontSize >= 18.66 || (fit.fontSize >= 14 && text.style.font.weight >= 700) ? 3.0 : 4.5
                for colour in under {
                    #expect(text.style.color.contrastRatio(with: colour) >= minimum,
                            "\(label): \(text.id) contrast \(text.style.color.contrastRatio(with: colour)) < \(minimum)")
                }
            }
            // Texts never overlap each other.
            for (i, a) in texts.enumerated() {
                for b in texts[(i + 1)...] {
                    let overlap = a.frame.intersection(b.frame)?.area ?? 0
                    #expect(overlap < 1, "\(label): \(a.id) overlaps \(b.id)")
                }
            }
            // The logo never sits on the product, and no headline or price covers it.
            let frames = Dictionary(spec.elements.map { ($0.id, $0.frame) }, uniquingKeysWith: { a, _ in a })
            if let logo = frames["logo"], let productFrame = frames["product"] {
                #expect(logo.intersection(productFrame) == nil, "\(label): logo over product")
            }
            // A text may sit on the product only inside an underlay drawn over it (the badge disc).
            let ids = spec.elements.map(\.id)
            let productIndex = ids.firstIndex(of: "product") ?? ids.count
            let carriers = spec.elements.enumerated().filter { $0.offset > productIndex && spec.underlays.contains($0.element.id) }
                .map(\.element.frame)
            if let productFrame = frames["product"] {
                for text in texts where !carriers.contains(where: { $0.contains(text.frame, tolerance: 1) }) {
                    #expect((text.frame.intersection(productFrame)?.area ?? 0) < 1, "\(label): \(text.id) over product")
                }
            }
        }
    }

    /// Colours of the topmost shape under a text's centre (both ends of a gradient), else the background.
    func fillUnder(_ frame: Rect, in spec: BannerSpec) -> [Color] {
        let cx = frame.x + frame.width / 2, cy = frame.y + frame.height / 2
        for element in spec.elements.reversed() {
            guard case .shape(let shape) = element, shape.frame.x <= cx, cx <= shape.frame.maxX,
                  shape.frame.y <= cy, cy <= shape.frame.maxY else { continue }
            return colours(of: shape.fill)
        }
        return colours(of: spec.background)
    }

    func colours(of fill: Fill) -> [Color] {
        switch fill {
        case .solid(let c): [c]
        case .linearGradient(let from, let to, _): [from, to]
        }
    }
}
