import CBanneret
import Foundation

/// One render thread's tools: its own renderer (and so its own Pango font
/// map) over the engine's shared fonts and image cache.
final class RenderWorker {
    let engine: Engine
    let renderer: BannerRenderer
    private var renders = 0

    /// glibc gives each render thread its own malloc arena, and the free pages
    /// scattered through them are not handed back on their own: over 100,000
    /// banners resident memory crept from 120 MB to 180 MB with no leak anywhere
    /// (LeakSanitizer finds none). Trimming every thousand banners keeps it flat,
    /// at no measurable cost; one shared arena would too, but runs 10 % slower.
    static let rendersBetweenTrims = 1000

    init(engine: Engine) {
        self.engine = engine
        renderer = BannerRenderer(fonts: engine.fonts, images: engine.images)
    }

    /// Lays out and renders one banner; checks its text before anyone sees it.
    /// - Parameter companions: a catalogue grid's other products with their pictures,
    ///   1 up to `template.productCount - 1` of them.
    func render(product: Product, size: BannerSize, imagePath: String?, template: Template,
                variant: Variant = .standard, companions: [(product: Product, imagePath: String?)] = []) throws -> (RenderedBanner, BannerSpec) {
        try size.checkRenderable()
        // A grid shows 2 up to its template's count; a one-product template shows one.
        let shown = companions.count + 1
        guard shown <= template.productCount, (shown >= 2) == (template.productCount >= 2) else {
            throw BanneretError(.templateInvalid, "template '\(template.name)' shows "
                                + (template.productCount == 1 ? "one product" : "2 to \(template.productCount) products")
                                + " per banner but was given \(shown)", at: Location(file: template.file, field: "products"))
        }
        renders += 1
        if renders % Self.rendersBetweenTrims == 0 { _ = bnr_malloc_trim() }
        var input = try layoutInput(product: product, size: size, imagePath: imagePath)
        input.variant = variant
        input.companions = try companions.map { companion in
            var other = try layoutInput(product: companion.product, size: size, imagePath: companion.imagePath)
            other.variant = variant
            return other
        }
        let spec = try TemplateLayout(template: template, measurer: renderer.textSetter).spec(for: input)
        let rendered = try renderer.render(spec)
        for (id, fitted) in rendered.texts {
            if fitted.unknownGlyphs > 0 {
                throw BanneretError(.textUnknownGlyphs,
                                    "\(fitted.unknownGlyphs) character(s) in '\(id)' have no glyph in the bundled fonts and would show as boxes",
                                    at: Location(file: template.file, element: id))
            }
            if fitted.overflows {
                throw BanneretError(.textOverflow,
                                    "'\(id)' does not fit its box even at its minimum size of \(fitted.fontSize) px"
                                        + (fitted.truncated ? " with an ellipsis" : " (this element is never shortened)"),
                                    at: Location(file: template.file, element: id))
            }
        }
        return (rendered, spec)
    }

    /// What the layout needs to know, with the product image decoded (once, through the cache).
    func layoutInput(product: Product, size: BannerSize, imagePath: String?) throws -> LayoutInput {
        let image = try imagePath.map { try engine.images.image(at: $0) }
        return LayoutInput(product: product, brand: engine.brand, size: size, imagePath: imagePath,
                           imageIsOpaque: image.map { !$0.hasAlpha } ?? false,
                           imageAspectRatio: image.map { Double($0.width) / Double($0.height) } ?? 1,
                           logoForLightBackground: engine.logoDark, logoForDarkBackground: engine.logoLight,
                           logoAspectRatio: engine.logoAspectRatio)
    }
}
