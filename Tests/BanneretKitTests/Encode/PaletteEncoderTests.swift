import Foundation
import Testing
@testable import BanneretKit

@Suite struct PaletteEncoderTests {
    static let exact = PaletteEncoder.Step(maxColors: 256, minQuality: 0, maxQuality: 100, dithering: 1)

    /// Vertical stripes of `colors` (straight RGBA), painted premultiplied; an odd width
    /// so packed rows end part-way through a byte.
    static func stripes(_ colors: [[Int]], width: Int = 173, height: Int = 9) -> PixelBuffer {
        let buffer = PixelBuffer(width: width, height: height)
        for y in 0 ..< height {
            let row = buffer.bytes.advanced(by: y * buffer.stride).assumingMemoryBound(to: UInt8.self)
            for x in 0 ..< width {
                let c = colors[(x / 3 + y) % colors.count], a = c[3]
                row[x * 4 + 0] = UInt8((c[2] * a + 127) / 255)
                row[x * 4 + 1] = UInt8((c[1] * a + 127) / 255)
                row[x * 4 + 2] = UInt8((c[0] * a + 127) / 255)
                row[x * 4 + 3] = UInt8(a)
            }
        }
        return buffer
    }

    static func colors(_ count: Int) -> [[Int]] {
        (0 ..< count).map { i in [(i * 97) % 256, (i * 53 + 40) % 256, 255 - (i * 31) % 256, 255] }
    }

    /// Chunk types in file order, read from the framing.
    static func chunks(_ data: Data) -> [String] {
        var types: [String] = [], offset = 8
        let bytes = [UInt8](data)
        while offset + 8 <= bytes.count {
            let length = bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) }
            types.append(String(decoding: bytes[offset + 4 ..< offset + 8], as: UTF8.self))
            offset += 12 + length
        }
        return types
    }

    @Test(arguments: [(2, 1), (3, 2), (4, 2), (11, 4), (16, 4), (17, 8), (40, 8)])
    func smallPalettesPackBitsAndRoundTripExactly(colorCount: Int, depth: Int) throws {
        let original = Self.stripes(Self.colors(colorCount))
        let encoded = try #require(try PaletteEncoder.encode(original, step: Self.exact, compression: 6))
        #expect(encoded.palette.colors == colorCount)
        #expect(encoded.data[24] == UInt8(depth), "bit depth")
        #expect(encoded.data[25] == 3, "colour type: palette")
        #expect(Self.chunks(encoded.data) == ["IHDR", "PLTE", "IDAT", "IEND"], "opaque: no tRNS")
        #expect(PixelDifference(original, try decodeRaw(encoded.data), tolerance: 0).maximum == 0)
    }

    @Test func translucentEntriesGoFirstInAShortTRNS() throws {
        let colors = [[255, 0, 0, 255], [0, 0, 255, 128], [0, 0, 0, 0], [0, 255, 0, 255], [250, 250, 250, 255]]
        let original = Self.stripes(colors)
        let encoded = try #require(try PaletteEncoder.encode(original, step: Self.exact, compression: 6))
        let types = Self.chunks(encoded.data)
        #expect(types == ["IHDR", "PLTE", "tRNS", "IDAT", "IEND"])
        let bytes = [UInt8](encoded.data)
        let trnsStart = 8 + 25 + 12 + encoded.palette.colors * 3
        let trnsLength = bytes[trnsStart ..< trnsStart + 4].reduce(0) { $0 << 8 | Int($1) }
        #expect(trnsLength == 2, "only the two translucent entries need alpha")
        #expect(PixelDifference(original, try decodeRaw(encoded.data), tolerance: 0).maximum == 0)
    }

    @Test func unreachableMinimumQualityGivesNil() throws {
        let photo = photoLikeBuffer(width: 120, height: 80, seed: 3, opaque: true)
        let step = PaletteEncoder.Step(maxColors: 2, minQuality: 95, maxQuality: 100, dithering: 1)
        #expect(try PaletteEncoder.encode(photo, step: step, compression: 6) == nil)
    }

    /// libimagequant runs single-threaded (see quantize.c), and its result must not
    /// depend on the run: the same pixels give the same file.
    @Test func sameInputSameBytes() throws {
        let photo = photoLikeBuffer(width: 300, height: 250, seed: 4, opaque: false)
        let first = try #require(try PaletteEncoder.encode(photo, step: PaletteEncoder.ladder[1], compression: 6))
        let second = try #require(try PaletteEncoder.encode(photo, step: PaletteEncoder.ladder[1], compression: 6))
        #expect(first.data == second.data)
    }

    /// An independent decoder (Pillow) reads 1-, 2-, 4- and 8-bit palettes and tRNS as we meant them.
    @Test func pillowReadsEveryDepthAndTransparency() throws {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("Debian's python3 with python3-pil is required; run `make setup`")
            return
        }
        let folder = Fixtures.temporaryDirectory()
        let palettes = [Self.colors(2), Self.colors(4), Self.colors(13), Self.colors(40),
                        [[255, 0, 0, 255], [0, 0, 255, 128], [0, 0, 0, 0], [0, 255, 0, 255]]]
        var arguments: [String] = []
        for (index, colors) in palettes.enumerated() {
            let encoded = try #require(try PaletteEncoder.encode(Self.stripes(colors), step: Self.exact, compression: 9))
            let png = folder.appendingPathComponent("p\(index).png"), raw = folder.appendingPathComponent("p\(index).rgba")
            try encoded.data.write(to: png)
            // The straight RGBA we expect, fully transparent pixels as (0, 0, 0, 0).
            var expected = Data()
            for y in 0 ..< 9 {
                for x in 0 ..< 173 { expected.append(contentsOf: colors[(x / 3 + y) % colors.count].map { UInt8($0) }) }
            }
            try expected.write(to: raw)
            arguments += [png.path, raw.path]
        }
        let script = """
        import sys
        from PIL import Image
        for png, raw in zip(sys.argv[1::2], sys.argv[2::2]):
            im = Image.open(png); im.load()
            got = im.convert('RGBA').tobytes(); want = open(raw, 'rb').read()
            print(im.mode, im.width, im.height, max(abs(a - b) for a, b in zip(got, want)) if len(got) == len(want) else -1)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        try #require(process.terminationStatus == 0 && lines.count == palettes.count)
        for (index, fields) in lines.enumerated() {
            #expect(fields == ["P", "173", "9", "0"], "palette \(index) of \(palettes[index].count) colours")
        }
    }
}
