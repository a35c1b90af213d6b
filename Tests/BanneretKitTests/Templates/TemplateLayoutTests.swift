import Foundation
import Testing
@testable import BanneretKit

@Suite struct TemplateLayoutTests {
    let product = Product(id: "p", title: "Cold Brew Bottle", price: Money(amount: 24, currency: "USD"))

    func input(size: BannerSize = BannerSize(width: 300, height: 250), product: Product? = nil) -> LayoutInput {
        LayoutInput(product: product ?? self.product, brand: Fixtures.engine.brand, size: size, imagePath: nil,
                    imageIsOpaque: false, imageAspectRatio: 1, logoForLightBackground: nil, logoForDarkBackground: nil,
                    logoAspectRatio: 4)
    }

    func layout(_ yaml: String) throws -> TemplateLayout {
        TemplateLayout(template: try TemplateLoader.parse(yaml, file: "t.yaml"), measurer: TextSetter(fonts: Fixtures.fonts))
    }

    static let box = """
    name: t
    elements:
      headline:
        kind: text
        bind: title
        font: display
        size: [10, 40]
        max_lines: 2
    size_classes:
      rectangle:
        constraints:
          - headline.left == canvas.left + 10
          - headline.right == canvas.right - 10
          - headline.top == canvas.top + 10
    """

    @Test func textFillsTheSolvedBoxAtTheLargestSize() throws {
        let spec = try layout(Self.box).spec(for: input())
        guard case .text(let headline)? = spec.elements.first else { Issue.record("no text"); return }
        #expect(headline.frame.x == 10 && headline.frame.width == 280 && headline.frame.y == 10)
        #expect(headline.style.minimumSize == 40, "a short title fits at the maximum size")
        #expect(spec.textSizeRanges["headline"] == 10 ... 40)
    }

    @Test func anyFeedFieldCanBeBound() throws {
        let yaml = Self.box.replacingOccurrences(of: "bind: title", with: "bind: field.custom_label_0")
        var labelled = product
        labelled.extra["custom_label_0"] = "Summer edit"
        let spec = try layout(yaml).spec(for: input(product: labelled))
        guard case .text(let label)? = spec.elements.first else { Issue.record("no text"); return }
        #expect(label.text == "Summer edit")
        #expect(try layout(yaml).spec(for: input()).elements.isEmpty, "a product without the field drops the element")
        #expect(throws: BanneretError.self) { _ = try layout(Self.box.replacingOccurrences(of: "bind: title", with: "bind: titel")) }
    }

    @Test func photosAndCutOutsCanTakeDifferentElements() throws {
        let yaml = """
        name: t
        elements:
          bleed: { kind: image, image: product, fit: cover, when: photo }
          inset: { kind: image, image: product, fit: contain, when: [image, "!photo"] }
        size_classes:
          rectangle:
            constraints:
              - bleed.left == canvas.left
              - bleed.right == canvas.right
              - bleed.top == canvas.top
              - bleed.bottom == canvas.bottom
              - inset.left == canvas.left + 20
              - inset.right == canvas.right - 20
              - inset.top == canvas.top + 20
              - inset.bottom == canvas.bottom - 20
        """
        func shown(opaque: Bool) throws -> [String] {
            var picture = input()
            picture.imagePath = "/p.png"
            picture.imageIsOpaque = opaque
            return try layout(yaml).spec(for: picture).elements.map {
                guard case .image(let image) = $0 else { return "?" }
                return image.id + (image.showsProduct ? " (product)" : "")
            }
        }
        #expect(try shown(opaque: true) == ["bleed (product)"])
        #expect(try shown(opaque: false) == ["inset (product)"])
        #expect(try layout(yaml).spec(for: input()).elements.isEmpty)
    }

    @Test func theLogoVariantFollowsWhatItIsDrawnOn() throws {
        func logo(panel: Bool) throws -> String? {
            let yaml = """
            name: t
            background: background
            elements:
              panel: { kind: shape, shape: rectangle, fill: primary, hidden: \(!panel) }
              logo: { kind: image, image: logo, fit: contain }
            size_classes:
              rectangle:
                constraints:
                  - panel.left == canvas.left
                  - panel.right == canvas.right
                  - panel.top == canvas.top
                  - panel.bottom == canvas.bottom
                  - logo.left == canvas.left + 10
                  - logo.top == canvas.top + 10
                  - logo.width == 80
                  - logo.height == 20
            """
            var withLogos = input()
            withLogos.logoForLightBackground = "/logo-dark.png"
            withLogos.logoForDarkBackground = "/logo-light.png"
            return try layout(yaml).spec(for: withLogos).elements.compactMap {
                if case .image(let image) = $0 { return image.source } else { return nil }
            }.first
        }
        #expect(try logo(panel: false) == "/logo-dark.png", "on the light canvas, the dark logo")
        #expect(try logo(panel: true) == "/logo-light.png", "on the teal panel, the light logo")
    }

    @Test func unsatisfiableConstraintNamesItsLine() throws {
        let yaml = Self.box + "\n      - headline.width == 500"
        do {
            _ = try layout(yaml).spec(for: input())
            Issue.record("expected an error")
        } catch let error as BanneretError {
            #expect(error.code == .layoutUnsatisfiable)
            #expect(error.location?.file == "t.yaml" && error.location?.line == 15, "\(error)")
            #expect(error.message.contains("headline.width == 500") && error.message.contains("300x250"))
        }
    }

    @Test func missingSizeClassFallsBackOrSaysWhich() throws {
        // rectangle rules serve landscape through the fallback chain…
        _ = try layout(Self.box).spec(for: input(size: BannerSize(width: 1200, height: 628)))
        // …but nothing serves a leaderboard.
        do {
            _ = try layout(Self.box).spec(for: input(size: BannerSize(width: 728, height: 90)))
            Issue.record("expected an error")
        } catch let error as BanneretError {
            #expect(error.code == .templateInvalid && error.message.contains("size_classes.leaderboard"))
        }
    }

    @Test func optionalElementsLeaveAndTheRestReflows() throws {
        let yaml = """
        name: t
        elements:
          price:
            kind: text
            bind: price
            font: price
            size: [10, 20]
            hug_width: true
          old_price:
            kind: text
            bind: old_price
            font: body
            size: [10, 14]
            hug_width: true
            when: sale
        size_classes:
          rectangle:
            constraints:
              - old_price.left == canvas.left + 10
              - price.left == old_price.right + 8
              - price.left == canvas.left + 10 !weak
              - price.top == canvas.top + 10
              - old_price.top == canvas.top + 10
        """
        let regular = try layout(yaml).spec(for: input())
        #expect(regular.elements.map(\.id) == ["price"])
        #expect(regular.elements[0].frame.x == 10, "without an old price the price moves to the edge")
        var onSale = product
        onSale.salePrice = Money(amount: 18, currency: "USD")
        let sale = try layout(yaml).spec(for: input(product: onSale))
        #expect(sale.elements.map(\.id) == ["price", "old_price"])
        let old = sale.elements[1].frame, price = sale.elements[0].frame
        #expect(abs(price.x - (old.maxX + 8)) < 0.01)
    }

    @Test func anElementNoConstraintPlacesIsATemplateError() throws {
        let yaml = Self.box.replacingOccurrences(of: "size_classes:", with: """
          tagline:
            kind: text
            text: Free shipping
            font: body
            size: [10, 14]
        size_classes:
        """)
        do {
            _ = try layout(yaml).spec(for: input())
            Issue.record("expected an error")
        } catch let error as BanneretError {
            #expect(error.code == .templateInvalid)
            #expect(error.location?.line == 9 && error.location?.element == "tagline", "\(error)")
            #expect(error.message.contains("hidden: true"))
        }
    }
}
