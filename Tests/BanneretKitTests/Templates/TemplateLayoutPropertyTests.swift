import Foundation
import Testing
@testable import BanneretKit

/// Random products — titles of 1 to 300 characters in Latin, Hangul, Arabic
/// and mixed scripts, images from very wide to very tall — through every
/// template at every named size. Whatever renders must be clean; whatever
/// does not must be refused for a stated text reason, never clipped.
@Suite struct TemplateLayoutPropertyTests {
    static let latinWords = ["Ultra", "light", "running", "shoes", "with", "recycled", "mesh", "and", "a", "grippy",
                             "sole", "for", "wet", "trails", "Pro", "Edition", "2", "XL", "wireless", "headphones",
                             "noise-cancelling", "Superextraordinarilylongcompoundproductname"]

    static func word(_ script: Int, using random: inout SplitMix64) -> String {
        switch script {
        case 0: return latinWords.randomElement(using: &random)!
        case 1: // Hangul syllables, 1–6 per word
            return String((0 ..< Int.random(in: 1 ... 6, using: &random)).map { _ in
                Character(Unicode.Scalar(0xAC00 + UInt32.random(in: 0 ..< 11_172, using: &random))!)
            })
        default: // Arabic letters, 2–8 per word
            return String((0 ..< Int.random(in: 2 ... 8, using: &random)).map { _ in
                Character(Unicode.Scalar(UInt32.random(in: 0x0627 ... 0x064A, using: &random))!)
            })
        }
    }

    static func title(length: Int, using random: inout SplitMix64) -> (String, String) {
        let mode = Int.random(in: 0 ... 3, using: &random)   // 0 Latin, 1 Hangul, 2 Arabic, 3 mixed
        var text = ""
        while text.count < length {
            let script = mode == 3 ? Int.random(in: 0 ... 2, using: &random) : mode
            text += (text.isEmpty ? "" : " ") + word(script, using: &random)
        }
        let trimmed = String(text.prefix(length)).trimmingCharacters(in: .whitespaces)
        return (trimmed.isEmpty ? "X" : trimmed, ["en", "ko", "ar", "en"][mode])
    }

    /// Cut-outs of extreme shapes, drawn by the test: 2000×40, 40×2000 and 500×500.
    static let images: [String] = {
        let folder = Fixtures.temporaryDirectory("shapes")
        return [(2000, 40), (40, 2000), (500, 500)].map { w, h in
            let buffer = patternBuffer(width: w, height: h, opaque: w == h)
            let url = folder.appendingPathComponent("\(w)x\(h).png")
            try! BannerEncoder.encode(buffer, as: .png(compression: 1)).write(to: url)
            return url.path
        }
    }()

    @Test(arguments: 0 ..< 6)
    func randomProductsRenderCleanlyOrAreRefusedForAReason(batch: Int) throws {
        var random = SplitMix64(seed: 0xBA_0000 + UInt64(batch))
        let worker = RenderWorker(engine: Fixtures.engine)
        var rendered = 0, refused = 0
        for _ in 0 ..< 12 {
            let (title, language) = Self.title(length: Int.random(in: 1 ... 300, using: &random), using: &random)
            let onSale = Bool.random(using: &random)
            let product = Product(id: "p", title: title, description: Bool.random(using: &random) ? "Short benefit line." : "",
                                  price: Money(amount: 129, currency: "USD"),
                                  salePrice: onSale ? Money(amount: 99, currency: "USD") : nil, language: language)
            // One product in four has no picture: the copy must still sit clear of the logo.
            let image = Int.random(in: 0 ..< 4, using: &random) == 0 ? nil : Self.images.randomElement(using: &random)
            for template in Fixtures.engine.templates {
                for size in SizeCatalog.groups["all"]! {
                    let label = "\(template.name) \(size) '\(title.prefix(40))…' (\(title.count) chars, \(language))"
                    do {
                        let (banner, spec) = try worker.render(product: product, size: size, imagePath: image, template: template)
                        rendered += 1
                        try checkProperties(banner, spec, label: label)
                    } catch let error as BanneretError {
                        refused += 1
                        #expect(error.code == .textOverflow, "\(label): \(error)")
                    }
                }
            }
        }
        #expect(rendered > 0)
        #expect(Double(refused) < 0.1 * Double(rendered + refused), "refused \(refused) of \(rendered + refused)")
    }

    func checkProperties(_ banner: RenderedBanner, _ spec: BannerSpec, label: String) throws {
        let canvas = Rect(x: 0, y: 0, width: Double(spec.size.width), height: Double(spec.size.height))
        let fitted = Dictionary(banner.texts.map { ($0.id, $0.fitted) }, uniquingKeysWith: { a, _ in a })
        var solid: [(String, Rect)] = []
        for element in spec.elements {
            switch element {
            case .text(let text):
                let fit = try #require(fitted[text.id])
                #expect(canvas.contains(text.frame), "\(label): \(text.id) leaves the canvas")
                #expect(fit.width <= text.frame.width + 0.5 && fit.height <= text.frame.height + 0.5,
                        "\(label): \(text.id) is larger than its frame")
                #expect(fit.unknownGlyphs == 0 && !fit.overflows, "\(label): \(text.id)")
                let range = try #require(spec.textSizeRanges[text.id])
                #expect(range.contains(fit.fontSize), "\(label): \(text.id) at \(fit.fontSize) outside \(range)")
                solid.append((text.id, text.frame))
            case .image(let image) where !spec.underlays.contains(image.id):
                solid.append((image.id, image.frame))
            default:
                break
            }
        }
        // Text, logo and product never overlap, except a text carried by an underlay drawn over them (the badge).
        let carriers = spec.elements.filter { spec.underlays.contains($0.id) && $0.id != "card" }.map(\.frame)
        for (i, a) in solid.enumerated() {
            for b in solid[(i + 1)...] {
                let overlap = a.1.intersection(b.1)?.area ?? 0
                let carried = carriers.contains { $0.contains(a.1, tolerance: 1) || $0.contains(b.1, tolerance: 1) }
                #expect(overlap < 1 || carried, "\(label): \(a.0) overlaps \(b.0)")
            }
        }
    }
}
