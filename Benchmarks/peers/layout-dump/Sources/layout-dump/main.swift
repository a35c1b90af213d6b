// layout-dump FEED BRAND TEMPLATES OUT.json [SIZES]
//
// Lays out and renders every product of FEED at every size with the first
// template, exactly as `banneret generate` does, and writes what each banner
// is made of: element frames as solved, resolved colours and fills, image
// placements, texts with their font role, size range and alignment, and the
// size, line count and wrap width Banneret's fitter chose (for comparison).
import Foundation
@testable import BanneretKit

let arguments = CommandLine.arguments
guard arguments.count >= 5 else {
    FileHandle.standardError.write(Data("usage: layout-dump FEED BRAND TEMPLATES OUT.json [SIZES]\n".utf8))
    exit(64)
}
let feedURL = URL(fileURLWithPath: arguments[1])
let brandURL = URL(fileURLWithPath: arguments[2])
let templatesURL = URL(fileURLWithPath: arguments[3])
let outURL = URL(fileURLWithPath: arguments[4])
let sizes = try SizeCatalog.parse(arguments.count > 5 ? arguments[5]
    : BannerSize.defaultMix.map(\.description).joined(separator: ","))

let engine = try Engine(fonts: FontSet(directory: FontSet.locateDirectory()), brandURL: brandURL,
                        templates: [templatesURL])
let bench = try Benchmark(engine: engine, feedURL: feedURL)
let template = engine.templates[0]
let worker = RenderWorker(engine: engine)

func rect(_ r: Rect) -> [Double] { [r.x, r.y, r.width, r.height] }
func color(_ c: Color) -> String {
    func byte(_ v: Double) -> String { String(format: "%02X", Int((min(max(v, 0), 1) * 255).rounded())) }
    return "#" + byte(c.red) + byte(c.green) + byte(c.blue) + byte(c.alpha)
}
func fill(_ f: Fill) -> [String: Any] {
    switch f {
    case .solid(let c): ["solid": color(c)]
    case .linearGradient(let from, let to, let angle): ["gradient": ["from": color(from), "to": color(to), "angle": angle]]
    }
}

var banners: [[String: Any]] = []
for (product, path) in bench.products {
    for size in sizes {
        let (rendered, spec) = try worker.render(product: product, size: size, imagePath: path, template: template)
        let fittedByID = Dictionary(rendered.texts.map { ($0.id, $0.fitted) }, uniquingKeysWith: { a, _ in a })
        var elements: [[String: Any]] = []
        for element in spec.elements {
            switch element {
            case .shape(let shape):
                var e: [String: Any] = ["type": "shape", "id": shape.id, "frame": rect(shape.frame), "fill": fill(shape.fill)]
                switch shape.kind {
                case .rectangle: e["shape"] = "rectangle"; e["radius"] = 0.0
                case .roundedRectangle(let radius): e["shape"] = "rounded"; e["radius"] = radius
                case .pill: e["shape"] = "rounded"; e["radius"] = min(shape.frame.width, shape.frame.height) / 2
                case .ellipse: e["shape"] = "ellipse"; e["radius"] = 0.0
                // The stock template the peers draw has no burst; a peer meeting one fails loudly.
                case .burst: e["shape"] = "burst"; e["radius"] = 0.0
                }
                if let stroke = shape.stroke { e["stroke"] = ["color": color(stroke.color), "width": stroke.width] }
                elements.append(e)
            case .image(let image):
                let decoded = try engine.images.image(at: image.source)
                let placement = ImagePlacement(image, imageWidth: decoded.width, imageHeight: decoded.height)
                elements.append(["type": "image", "id": image.id, "frame": rect(image.frame), "source": image.source,
                                 "rect": rect(placement.rect), "clip": image.fit == .cover || image.cornerRadius > 0,
                                 "radius": image.cornerRadius, "image_size": [decoded.width, decoded.height]])
            case .text(let text):
                let style = text.style
                let displayed = style.font.uppercase ? text.text.uppercased() : text.text
                var e: [String: Any] = [
                    "type": "text", "id": text.id, "frame": rect(text.frame), "text": displayed,
                    "family": style.font.family, "weight": style.font.weight, "tracking": style.font.tracking,
                    // The template's range (the spec pins the size the layout fitted).
                    "min_size": spec.textSizeRanges[text.id]?.lowerBound ?? style.minimumSize,
                    "max_size": spec.textSizeRanges[text.id]?.upperBound ?? style.maximumSize, "color": color(style.color),
                    "align": style.alignment.rawValue, "valign": style.verticalAlignment.rawValue,
                    "rtl": RightToLeft.startsRightToLeft(displayed), "max_lines": style.maximumLines,
                    "line_height": style.lineHeight, "ellipsis": style.allowsEllipsis, "strikethrough": style.strikethrough,
                ]
                if let fitted = fittedByID[text.id] {
                    e["banneret"] = ["size": fitted.fontSize, "lines": fitted.lineCount, "width": fitted.width,
                                     "height": fitted.height, "truncated": fitted.truncated,
                                     "wrap_width": fitted.wrapWidth ?? text.frame.width]
                }
                elements.append(e)
            }
        }
        banners.append(["product": product.id, "language": product.language, "size": [size.width, size.height],
                        "background": fill(spec.background), "elements": elements])
    }
}
let document: [String: Any] = ["renderer": RendererVersion.string, "template": template.name,
                               "feed": feedURL.path, "fonts": engine.fonts.directory.path, "banners": banners]
let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
try data.write(to: outURL, options: .atomic)
print("layout-dump: \(banners.count) banners → \(outURL.path)")
