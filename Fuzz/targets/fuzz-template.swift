// libFuzzer target: the template parser and checker, then layout of whatever
// parses (constraint compiler and solver) at two sizes. Text is measured by a
// stand-in so the target needs no fonts and stays fast.
import Foundation
@testable import BanneretKit

/// Width grows with the text and the size, as a real font's would.
struct ApproximateMeasure: TextMeasuring {
    func fit(_ text: String, style: TextStyle, in box: (width: Double, height: Double)) -> FittedText {
        let size = style.maximumSize
        let width = Double(text.count) * size * 0.5
        let lines = max(1, min(style.maximumLines, Int((width / max(box.width, 1)).rounded(.up))))
        return FittedText(fontSize: size, lineCount: lines, width: min(width, box.width), height: Double(lines) * size * 1.2,
                          truncated: false, unknownGlyphs: 0, overflows: false)
    }
}

// Run from the repository root (make fuzz does).
let brand = try! BrandGuideLoader.load(URL(fileURLWithPath: "Examples/brand.yaml"))
let product = Product(id: "p", title: "Trailrunner 2 Running Shoes", price: Money(amount: 129, currency: "USD"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let template = try? TemplateLoader.parse(text, file: "fuzz.yaml") else { return 0 }
    for banner in [BannerSize(width: 300, height: 250), BannerSize(width: 728, height: 90)] {
        let input = LayoutInput(product: product, brand: brand, size: banner, imagePath: nil, imageIsOpaque: false,
                                imageAspectRatio: 1, logoForLightBackground: nil, logoForDarkBackground: nil, logoAspectRatio: 4)
        _ = try? TemplateLayout(template: template, measurer: ApproximateMeasure()).spec(for: input)
    }
    return 0
}
