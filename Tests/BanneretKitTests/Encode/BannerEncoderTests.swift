import Foundation
import Testing
@testable import BanneretKit

@Suite struct BannerEncoderTests {
    @Test(arguments: [true, false])
    func pngRoundTripsExactly(opaque: Bool) throws {
        let original = patternBuffer(width: 173, height: 61, opaque: opaque)
        let data = try BannerEncoder.encode(original, as: .png(compression: 6))
        let decoded = try decodeRaw(data)
        let difference = PixelDifference(original, decoded, tolerance: 0)
        // Premultiplied → straight → premultiplied loses nothing for opaque pixels and at most
        // one step of rounding for translucent ones.
        #expect(difference.maximum <= (opaque ? 0 : 1))
        // Opaque banners are written as RGB (colour type 2): a quarter smaller before deflate.
        #expect(data[25] == (opaque ? 2 : 6))
    }

    @Test func anOpaqueBannerIsReadInPlaceWithTheSameBytes() throws {
        let photo = photoLikeBuffer(width: 300, height: 250, seed: 4, opaque: true)
        let converted = try BannerEncoder.encode(photo, as: .jpeg(quality: 85))
        photo.isOpaque = true
        let inPlace = try BannerEncoder.encode(photo, as: .jpeg(quality: 85))
        #expect(inPlace == converted, "BGRX read in place and RGB flattened first must encode the same pixels")
    }

    @Test func theRendererKnowsWhenItsBannerIsOpaque() throws {
        let (product, imagePath) = ExampleProducts.named("HB-1001")
        let (rendered, _) = try RenderWorker(engine: Fixtures.engine).render(product: product, size: BannerSize(width: 300, height: 250),
                                                                            imagePath: imagePath, template: Fixtures.template)
        #expect(rendered.pixels.isOpaque)
        var allOpaque = true
        for y in stride(from: 0, to: 250, by: 7) { for x in stride(from: 0, to: 300, by: 7) where rendered.pixels.color(x: x, y: y).alpha < 1 { allOpaque = false } }
        #expect(allOpaque, "every sampled pixel is opaque, as the flag says")
    }

    @Test func jpegAndWebPStayCloseToTheSource() throws {
        let original = patternBuffer(width: 160, height: 120, opaque: true)
        for format in [OutputFormat.jpeg(quality: 92), .webp(quality: 92, lossless: false)] {
            let data = try BannerEncoder.encode(original, as: format)
            let decoded = try ImageDecoder.decode(data, source: format.name, limits: ImageLimits())
            let difference = PixelDifference(original, decoded.base, tolerance: 40)
            #expect(difference.mean < 6, "\(format): mean \(difference.mean)")
            // Only the edges of the 8 px colour stripes may smear (4:2:0 chroma in WebP).
            #expect(difference.fractionOver < 0.1, "\(format)")
        }
        let lossless = try BannerEncoder.encode(original, as: .webp(quality: 100, lossless: true))
        let decoded = try ImageDecoder.decode(lossless, source: "webp", limits: ImageLimits())
        #expect(PixelDifference(original, decoded.base, tolerance: 0).maximum == 0)
    }

    /// An independent decoder (Pillow) reads what we write, with the same pixels.
    @Test func pillowDecodesEveryFormat() throws {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("Debian's python3 with python3-pil is required; run `make setup`")
            return
        }
        let folder = Fixtures.temporaryDirectory()
        let original = patternBuffer(width: 96, height: 64, opaque: true)
        var expectations: [String] = []
        for format in [OutputFormat.png(compression: 9), .png(compression: 1), .jpeg(quality: 90),
                       .webp(quality: 90, lossless: false), .webp(quality: 100, lossless: true)] {
            let url = folder.appendingPathComponent("t-\(format.name)-\(expectations.count).\(format.fileExtension)")
            try BannerEncoder.encode(original, as: format).write(to: url)
            expectations.append(url.path)
        }
        // Pillow prints, per file, its size and the mean absolute difference from the pattern.
        let script = """
        import sys
        from PIL import Image
        for path in sys.argv[1:]:
            im = Image.open(path); im.load(); im = im.convert('RGB')
            total = 0
            for y in range(im.height):
                for x in range(im.width):
                    r, g, b = im.getpixel((x, y))
                    er, eg, eb = (x * 7 + y * 3) % 256, y * 255 // (im.height - 1), 200 if (x // 8) % 2 == 0 else 30
                    total += abs(r - er) + abs(g - eg) + abs(b - eb)
            print(im.width, im.height, total / (im.width * im.height * 3))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + expectations
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map { $0.split(separator: " ") }
        try #require(process.terminationStatus == 0 && lines.count == expectations.count)
        for (index, fields) in lines.enumerated() {
            #expect(fields[0] == "96" && fields[1] == "64")
            let meanError = Double(fields[2]) ?? 999
            let lossless = [0, 1, 4].contains(index)
            // The pattern's 8 px colour stripes are a worst case for 4:2:0 chroma.
            #expect(lossless ? meanError == 0 : meanError < 10, "\(expectations[index]): \(meanError)")
        }
    }
}
