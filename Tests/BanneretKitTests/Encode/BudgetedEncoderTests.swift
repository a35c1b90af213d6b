import Foundation
import Testing
@testable import BanneretKit

@Suite struct BudgetedEncoderTests {
    /// Mean absolute per-channel difference (0...255, alpha included) a palette PNG
    /// may have from its source. Floyd–Steinberg dithering trades a small error at
    /// every pixel for no banding, so the mean is never near 0: the photo and the
    /// cut-out below both come out as 256-colour palettes measuring about 2.8. 4 (1.6 %) leaves
    /// room for that and still fails a wrong palette or a remap gone astray; even
    /// the 32-colour rung of the ladder measures about 6 on the same photo.
    static let paletteMeanErrorTolerance = 4.0

    static let formats: [OutputFormat] = [.png(compression: 6), .jpeg(quality: 85), .webp(quality: 85, lossless: false),
                                          .webp(quality: 100, lossless: true)]

    @Test func withoutABudgetTheBytesAreBannerEncoders() throws {
        let photo = photoLikeBuffer(width: 300, height: 250, seed: 2, opaque: false)
        for format in Self.formats {
            let result = try BudgetedEncoder.encode(photo, as: format, maxBytes: nil)
            #expect(result.data == (try BannerEncoder.encode(photo, as: format)), "\(format)")
            #expect(result.format == format)
            #expect(result.palette == nil && !result.fellBack && result.attempts == 1, "\(format)")
        }
    }

    @Test func aBudgetThatFitsChangesNothing() throws {
        let photo = photoLikeBuffer(width: 300, height: 250, seed: 2, opaque: true)
        for format in Self.formats {
            let plain = try BannerEncoder.encode(photo, as: format)
            let result = try BudgetedEncoder.encode(photo, as: format, maxBytes: plain.count)
            #expect(result.data == plain, "\(format)")
            #expect(result.format == format)
            #expect(!result.fellBack && result.attempts == 1, "\(format)")
        }
    }

    @Test(arguments: [OutputFormat.jpeg(quality: 90), .webp(quality: 90, lossless: false)])
    func lossyFormatsSearchDownToTheHighestFittingQuality(format: OutputFormat) throws {
        let noisy = noisyBuffer(width: 300, height: 250, amplitude: 60, seed: 1)
        let budget = 30_000
        try #require(try BannerEncoder.encode(noisy, as: format).count > budget, "the test needs an oversize start")
        let result = try BudgetedEncoder.encode(noisy, as: format, maxBytes: budget)
        #expect(result.data.count <= budget)
        #expect(result.fellBack)
        #expect(result.attempts <= 7, "one try as asked, then a binary search over 40...89")
        let quality: Int
        switch (format, result.format) {
        case (.jpeg, .jpeg(let chosen)): quality = chosen
        case (.webp, .webp(let chosen, false)): quality = chosen
        default: Issue.record("container changed: \(result.format)"); return
        }
        #expect((BudgetedEncoder.qualityFloor ..< 90).contains(quality))
        // Over budget, JPEG searches with optimised Huffman tables.
        let optimised: Bool = if case .jpeg = format { true } else { false }
        #expect(result.data == (try BannerEncoder.encode(noisy, as: result.format, smallestJPEG: optimised)),
                "the reported quality made these bytes")
        let oneHigher: OutputFormat = if case .jpeg = format { .jpeg(quality: quality + 1) } else { .webp(quality: quality + 1, lossless: false) }
        #expect(try BannerEncoder.encode(noisy, as: oneHigher, smallestJPEG: optimised).count > budget,
                "quality \(quality + 1) would have fitted")
    }

    @Test func aJPEGJustOverBudgetKeepsItsQualityWithOptimisedTables() throws {
        let photo = photoLikeBuffer(width: 300, height: 250, seed: 3, opaque: true)
        let standard = try BannerEncoder.encode(photo, as: .jpeg(quality: 85))
        let optimised = try BannerEncoder.encode(photo, as: .jpeg(quality: 85), smallestJPEG: true)
        try #require(optimised.count < standard.count, "optimised tables are smaller")
        let result = try BudgetedEncoder.encode(photo, as: .jpeg(quality: 85), maxBytes: optimised.count)
        #expect(result.data == optimised && result.format == .jpeg(quality: 85))
        #expect(!result.fellBack, "the same pixels at the asked quality")
        #expect(result.attempts == 2)
        // With room to spare, the standard tables are kept: the faster encode.
        #expect(try BudgetedEncoder.encode(photo, as: .jpeg(quality: 85), maxBytes: standard.count).data == standard)
    }

    @Test func overBudgetPNGBecomesAFaithfulPalettePNG() throws {
        let photo = photoLikeBuffer(width: 300, height: 250, seed: 2, opaque: true)
        let budget = 60_000
        try #require(try BannerEncoder.encode(photo, as: .png(compression: 6)).count > budget)
        let result = try BudgetedEncoder.encode(photo, as: .png(compression: 6), maxBytes: budget)
        #expect(result.data.count <= budget)
        #expect(result.format == .png(compression: 6))
        #expect(result.fellBack)
        let palette = try #require(result.palette)
        #expect((2 ... 256).contains(palette.colors))
        #expect(result.data[25] == 3, "colour type 3: indexed")
        let decoded = try decodeRaw(result.data)
        let difference = PixelDifference(photo, decoded, tolerance: 0)
        #expect(difference.mean < Self.paletteMeanErrorTolerance, "mean error \(difference.mean)")
    }

    @Test func palettePNGKeepsAlpha() throws {
        let cutout = photoLikeBuffer(width: 300, height: 250, seed: 5, opaque: false)
        let result = try BudgetedEncoder.encode(cutout, as: .png(compression: 6), maxBytes: 50_000)
        #expect(result.palette != nil)
        #expect(result.data.count <= 50_000)
        let decoded = try decodeRaw(result.data)
        #expect(PixelDifference(cutout, decoded, tolerance: 0).mean < Self.paletteMeanErrorTolerance)
        // The transparent margin stays transparent, the opaque body opaque.
        for y in stride(from: 0, to: 250, by: 7) {
            #expect(decoded.color(x: 10, y: y).alpha == 0, "row \(y)")
            #expect(decoded.color(x: 200, y: y).alpha == 1, "row \(y)")
        }
    }

    @Test func losslessWebPFallsBackToLossyWebP() throws {
        let photo = photoLikeBuffer(width: 300, height: 250, seed: 2, opaque: true)
        let lossless = OutputFormat.webp(quality: 100, lossless: true)
        let budget = 50_000
        try #require(try BannerEncoder.encode(photo, as: lossless).count > budget)
        let result = try BudgetedEncoder.encode(photo, as: lossless, maxBytes: budget)
        #expect(result.data.count <= budget)
        #expect(result.format == .webp(quality: BudgetedEncoder.losslessFallbackQuality, lossless: false))
        #expect(result.fellBack)
        #expect(result.attempts == 2, "lossless, then lossy at the fallback quality")
    }

    @Test func anImpossibleJPEGBudgetNamesTheSmallestSize() throws {
        let noise = noisyBuffer(width: 300, height: 250, amplitude: 255, seed: 1)
        let floorBytes = try BannerEncoder.encode(noise, as: .jpeg(quality: BudgetedEncoder.qualityFloor), smallestJPEG: true).count
        let error = try #require(throws: BanneretError.self) {
            try BudgetedEncoder.encode(noise, as: .jpeg(quality: 85), maxBytes: 200)
        }
        #expect(error.code == .budgetExceeded)
        #expect(error.message.contains("200 bytes"), "\(error.message)")
        #expect(error.message.contains("(quality \(BudgetedEncoder.qualityFloor)) is \(floorBytes) bytes"), "\(error.message)")
    }

    @Test func anImpossiblePNGBudgetNamesTheSmallestPalette() throws {
        let noise = noisyBuffer(width: 300, height: 250, amplitude: 255, seed: 1)
        let smallest = try #require(try PaletteEncoder.encode(noise, step: PaletteEncoder.ladder.last!, compression: 6))
        let error = try #require(throws: BanneretError.self) {
            try BudgetedEncoder.encode(noise, as: .png(compression: 6), maxBytes: 200)
        }
        #expect(error.code == .budgetExceeded)
        #expect(error.message.contains("200 bytes"), "\(error.message)")
        #expect(error.message.contains("(\(smallest.palette.colors)-colour palette) is \(smallest.data.count) bytes"),
                "\(error.message)")
    }

    @Test func aRequestedQualityBelowTheFloorIsTheLastResort() throws {
        let noise = noisyBuffer(width: 300, height: 250, amplitude: 255, seed: 1)
        let error = try #require(throws: BanneretError.self) {
            try BudgetedEncoder.encode(noise, as: .jpeg(quality: 20), maxBytes: 200)
        }
        #expect(error.message.contains("(quality 20)"), "\(error.message)")
    }

    @Test func aBudgetBelowOneByteIsRefused() throws {
        let photo = photoLikeBuffer(width: 30, height: 20, seed: 2, opaque: true)
        for budget in [0, -1] {
            let error = try #require(throws: BanneretError.self) {
                try BudgetedEncoder.encode(photo, as: .defaultJPEG, maxBytes: budget)
            }
            #expect(error.code == .budgetInvalid)
        }
    }
}
