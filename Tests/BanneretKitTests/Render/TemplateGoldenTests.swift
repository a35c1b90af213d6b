import Foundation
import Testing
@testable import BanneretKit

/// Every template in Templates/ at a rectangle, a strip and a tower, with a
/// Latin sale product and a Korean product with a long title, compared with
/// reviewed PNGs under Goldens/templates/. A new template without goldens fails
/// until `make goldens` writes them and someone has looked at them.
@Suite struct TemplateGoldenTests {
    static let sizes = ["300x250", "728x90", "300x600"]
    static let products = [("latin", "HB-1001"), ("korean", "HB-2002")]
    /// What a catalogue grid shows after each: products of the same language.
    static let companions = ["HB-1001": ["HB-1003", "HB-1005", "HB-1006"], "HB-2002": ["HB-2001", "HB-2003", "HB-2004"]]
    static let templates: [String] = Fixtures.libraryEngine.templates.map(\.name)

    @Test(arguments: templates)
    func matchesGoldens(template name: String) throws {
        let template = try #require(Fixtures.libraryEngine.templates.first { $0.name == name })
        let worker = RenderWorker(engine: Fixtures.libraryEngine)
        for (script, id) in Self.products {
            let (product, imagePath) = ExampleProducts.named(id)
            for size in Self.sizes {
                let companions = Self.companions[id]!.prefix(template.productCount - 1).map { ExampleProducts.named($0) }
                let (rendered, spec) = try worker.render(product: product, size: try BannerSize(parsing: size),
                                                         imagePath: imagePath, template: template,
                                                         companions: companions.map { (product: $0.0, imagePath: $0.1) })
                // Every text box stays inside the canvas, whatever the goldens say.
                let canvas = Rect(x: 0, y: 0, width: Double(spec.size.width), height: Double(spec.size.height))
                for case .text(let text) in spec.elements {
                    #expect(canvas.contains(text.frame), "\(name) \(size) \(id): '\(text.id)' leaves the canvas")
                }
                try expectMatchesGolden(rendered.pixels, at: Fixtures.goldens.appendingPathComponent("templates/\(name)-\(script)-\(size).png"))
            }
        }
    }
}
