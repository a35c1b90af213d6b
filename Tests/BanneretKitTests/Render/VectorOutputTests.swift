import Foundation
import Testing
@testable import BanneretKit
#if canImport(FoundationXML)
import FoundationXML
#endif

/// PDF and SVG are the checked raster banner drawn again on a vector surface.
@Suite struct VectorOutputTests {
    func spec(_ id: String) throws -> (BannerSpec, RenderWorker) {
        let (product, imagePath) = ExampleProducts.named(id)
        let worker = RenderWorker(engine: Fixtures.engine)
        let (_, spec) = try worker.render(product: product, size: BannerSize(width: 300, height: 250), imagePath: imagePath,
                                          template: Fixtures.template)
        return (spec, worker)
    }

    @Test func pdfIsOnePageTheBannersSizeWithItsFontsEmbedded() throws {
        let (spec, worker) = try spec("HB-2001")
        let pdf = try worker.renderer.renderVector(spec, as: .pdf)
        let text = String(decoding: pdf, as: Unicode.ASCII.self)
        #expect(text.hasPrefix("%PDF-1."))
        #expect(text.hasSuffix("%%EOF\n"))
        #expect(text.contains("/Count 1\n"))
        #expect(text.contains("/MediaBox [ 0 0 300 250 ]"))
        // Korean and Latin copy set in the pinned fonts, embedded as subsets, never left to the reader's fonts.
        #expect(text.contains("/FontFile"))
        #expect(text.contains("/Subtype /Image"), "the product picture is embedded")
    }

    @Test func svgIsWellFormedInPixelsWithGlyphsAndThePicture() throws {
        let (spec, worker) = try spec("HB-1001")
        let svg = try worker.renderer.renderVector(spec, as: .svg)
        let root = RootElement()
        let parser = XMLParser(data: svg)
        parser.delegate = root
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(root.attributes["width"] == "300px" && root.attributes["height"] == "250px")
        #expect(root.attributes["viewBox"] == "0 0 300 250")
        #expect(root.names.contains("image") && root.names.contains("symbol"))
    }

    @Test func rasterFormatsAreNotVector() throws {
        let (spec, worker) = try spec("HB-1001")
        #expect(throws: BanneretError.self) { try worker.renderer.renderVector(spec, as: .defaultPNG) }
        #expect(OutputFormat(name: "svg")?.isVector == true && OutputFormat(name: "jpg")?.isVector == false)
    }
}

private final class RootElement: NSObject, XMLParserDelegate {
    var attributes: [String: String] = [:]
    var names: Set<String> = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes attributeDict: [String: String] = [:]) {
        if names.isEmpty { attributes = attributeDict }
        names.insert(elementName)
    }
}
