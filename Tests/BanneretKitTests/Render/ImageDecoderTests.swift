import Foundation
import Testing
@testable import BanneretKit

@Suite struct ImageDecoderTests {
    let images = Fixtures.examples.appendingPathComponent("images")

    func decode(_ name: String, limits: ImageLimits = ImageLimits()) throws -> DecodedImage {
        let url = images.appendingPathComponent(name)
        return try ImageDecoder.decode(try Data(contentsOf: url), source: url.path, limits: limits)
    }

    func expectError(_ code: BanneretError.Code, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected \(code.rawValue)")
        } catch let error as BanneretError {
            #expect(error.code == code, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func cutOutIsTrimmedToItsVisibleContent() throws {
        let shoe = try decode("trailrunner.png")
        #expect(shoe.hasAlpha)
        #expect(shoe.width < 800 && shoe.height < 800, "transparent canvas around the shoe is gone")
        // The trimmed edges touch visible pixels: the first row has some alpha.
        #expect((0 ..< shoe.width).contains { shoe.base.color(x: $0, y: 0).alpha > 2.0 / 255 })
    }

    @Test func palettePNGWithTRNSBecomesTransparent() throws {
        let glasses = try decode("sunglasses-palette.png")
        #expect(glasses.hasAlpha)
        #expect(glasses.base.color(x: 0, y: 0).alpha == 0 || glasses.width < 800)
    }

    @Test func cmykJPEGDecodesToTheRightColours() throws {
        let planter = try decode("planter-set-cmyk.jpg")
        #expect(!planter.hasAlpha)
        #expect(planter.width == 1000 && planter.height == 1000)
        // Top-left is the warm cream wall (#F1E3D3-ish), not an inverted dark blue.
        let wall = planter.base.color(x: 20, y: 20)
        #expect(wall.red > 0.85 && wall.green > 0.8 && wall.blue > 0.7, "\(wall)")
    }

    @Test func exifOrientationIsApplied() throws {
        // Stored as 900x1200 with orientation 6; upright it is 1200x900, red shutter button top-right.
        let camera = try decode("instant-camera-rotated.jpg")
        #expect(camera.width == 1200 && camera.height == 900)
        let shutter = camera.base.color(x: 840, y: 320)
        #expect(shutter.red > 0.8 && shutter.green < 0.35, "\(shutter)")
    }

    @Test func webPDecodes() throws {
        let lantern = try decode("camping-lantern.webp")
        #expect(lantern.hasAlpha && lantern.width > 100)
    }

    @Test func truncatedAndEmptyFilesAreRefusedWithCodes() throws {
        let png = try Data(contentsOf: images.appendingPathComponent("trailrunner.png"))
        let jpeg = try Data(contentsOf: images.appendingPathComponent("linen-sofa.jpg"))
        expectError(.imageCorrupt) { _ = try ImageDecoder.decode(png.prefix(png.count / 2), source: "t.png", limits: ImageLimits()) }
        expectError(.imageCorrupt) { _ = try ImageDecoder.decode(jpeg.prefix(jpeg.count / 2), source: "t.jpg", limits: ImageLimits()) }
        expectError(.imageUnsupported) { _ = try ImageDecoder.decode(Data(), source: "empty.png", limits: ImageLimits()) }
        expectError(.imageUnsupported) { _ = try ImageDecoder.decode(Data("GIF89a".utf8), source: "x.gif", limits: ImageLimits()) }
    }

    @Test func pixelLimitIsCheckedFromTheHeader() throws {
        // A valid PNG header declaring 60000 x 60000 pixels, with no pixel data at all.
        var header = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = Data("IHDR".utf8)
        for value in [UInt32(60000), UInt32(60000)] { withUnsafeBytes(of: value.bigEndian) { ihdr.append(contentsOf: $0) } }
        ihdr.append(contentsOf: [8, 6, 0, 0, 0])
        withUnsafeBytes(of: UInt32(13).bigEndian) { header.append(contentsOf: $0) }
        header.append(ihdr)
        withUnsafeBytes(of: crc32(ihdr).bigEndian) { header.append(contentsOf: $0) }
        // libpng reads the header up to the first IDAT; give it one (with junk in it).
        let idat = Data("IDAT".utf8) + Data([0x78, 0x9C, 0x01, 0x02])
        withUnsafeBytes(of: UInt32(4).bigEndian) { header.append(contentsOf: $0) }
        header.append(idat)
        withUnsafeBytes(of: crc32(idat).bigEndian) { header.append(contentsOf: $0) }
        expectError(.imageTooLarge) { _ = try ImageDecoder.decode(header, source: "bomb.png", limits: ImageLimits()) }
        expectError(.imageTooLarge) { _ = try decode("linen-sofa.jpg", limits: ImageLimits(maximumPixels: 1000)) }
        expectError(.imageTooLarge) { _ = try decode("linen-sofa.jpg", limits: ImageLimits(maximumFileBytes: 100)) }
    }

    @Test func exifOrientationParsesBothByteOrders() {
        func tiff(littleEndian: Bool, orientation: UInt16) -> [UInt8] {
            func u16(_ v: UInt16) -> [UInt8] { littleEndian ? [UInt8(v & 0xFF), UInt8(v >> 8)] : [UInt8(v >> 8), UInt8(v & 0xFF)] }
            func u32(_ v: UInt32) -> [UInt8] { littleEndian ? u16(UInt16(v & 0xFFFF)) + u16(UInt16(v >> 16)) : u16(UInt16(v >> 16)) + u16(UInt16(v & 0xFFFF)) }
            return (littleEndian ? [0x49, 0x49] : [0x4D, 0x4D]) + u16(42) + u32(8) + u16(1)
                + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0) + u32(0)
        }
        #expect(ExifOrientation.read(tiff(littleEndian: true, orientation: 6)) == 6)
        #expect(ExifOrientation.read(tiff(littleEndian: false, orientation: 8)) == 8)
        #expect(ExifOrientation.read(tiff(littleEndian: true, orientation: 9)) == 1, "out of range")
        #expect(ExifOrientation.read([0x49, 0x49, 42]) == 1, "truncated")
    }

    /// Saleor's product photos are big transparent canvases, one a palette PNG.
    @Test func decodesTheSaleorSamplesInPlace() throws {
        guard let samples = Fixtures.sharedSamples else {
            print("skipping: ../shared/samples is absent (CI provides it)")
            return
        }
        let apple = samples.appendingPathComponent("images/saleor-apple-drink.png")
        let drink = try ImageDecoder.decode(try Data(contentsOf: apple), source: apple.path, limits: ImageLimits())
        // SOURCES.md gives the alpha bounding box (418, 436)–(1706, 2006) of 2160×2160, counting
        // any alpha > 0. We trim at alpha > 2, which drops the faintest shadow fringe:
        // (474, 436)–(1654, 1996) as Pillow measures it with the same threshold.
        #expect(drink.width == 1654 - 474 && drink.height == 1996 - 436)
        let cushion = samples.appendingPathComponent("images/saleor-white-parrot-cushion.png")
        let parrot = try ImageDecoder.decode(try Data(contentsOf: cushion), source: cushion.path, limits: ImageLimits())
        #expect(parrot.hasAlpha && parrot.width < 1024)
    }
}

/// CRC-32 as PNG uses it, for building test files by hand.
func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
        crc ^= UInt32(byte)
        for _ in 0 ..< 8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
    }
    return ~crc
}
