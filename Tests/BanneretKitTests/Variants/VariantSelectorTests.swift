import Testing
@testable import BanneretKit

@Suite struct VariantSelectorTests {
    let shoe = Product(id: "s", title: "Trailrunner 2 – Ember Red", description: "Light, grippy and ready for wet trails. More text.",
                       additionalImageLinks: ["side.png", "top.png"], price: Money(amount: 129, currency: "USD"),
                       salePrice: Money(amount: 96, currency: "USD"))

    var brand: BrandGuide {
        var brand = Fixtures.engine.brand
        brand.allowedCTAs["en"] = ["Shop now", "Discover"]
        return brand
    }

    @Test func candidatesOnlyOfferWhatApplies() {
        let all = VariantSelector.candidates(product: shoe, brand: brand)
        let pairings = 1 + brand.alternateTypography.count
        #expect(all.count == 3 * 4 * 2 * 3 * pairings * 2 * 2, "3 schemes × 4 copies × 2 CTAs × 3 images × pairings × 2 layouts × 2 CTA styles")
        let plain = Product(id: "p", title: "Mug", price: Money(amount: 5, currency: "USD"))
        let few = VariantSelector.candidates(product: plain, brand: brand)
        #expect(Set(few.map(\.copy)) == [.fullTitle], "no short title, no description, no sale")
        #expect(Set(few.map(\.imageIndex)) == [0])
        let arabic = Product(id: "a", title: "ساعة ذكية", price: Money(amount: 499, currency: "AED"),
                             salePrice: Money(amount: 399, currency: "AED"), language: "ar")
        #expect(!VariantSelector.candidates(product: arabic, brand: brand).contains { $0.copy == .priceLed })
    }

    @Test func selectionIsDiverseDeterministicAndStartsStandard() {
        let all = VariantSelector.candidates(product: shoe, brand: brand)
        let picked = VariantSelector.select(6, from: all, seed: 7)
        #expect(picked.count == 6 && Set(picked).count == 6)
        #expect(picked.first == .standard)
        #expect(VariantSelector.hamming(picked[0], picked[1]) == 7, "the second differs on every axis")
        #expect(picked == VariantSelector.select(6, from: all, seed: 7), "same seed, same picks")
        // Every axis value appears before any pair of picks is close.
        #expect(Set(picked.prefix(3).map(\.colorScheme)).count == 3)
        let otherSeed = (0 ..< 8).map { VariantSelector.select(6, from: all, seed: $0) }
        #expect(Set(otherSeed.map { $0.map(\.key) }).count > 1, "the seed breaks ties differently")
        #expect(VariantSelector.select(all.count + 10, from: all, seed: 1).count == all.count)
    }

    @Test func copyComesFromTheProductsOwnFields() {
        #expect(VariantCopy.headline(.shortTitle, product: shoe) == "Trailrunner 2")
        #expect(VariantCopy.headline(.benefit, product: shoe) == "Light, grippy and ready for wet trails.")
        #expect(VariantCopy.headline(.priceLed, product: shoe) == "−25% Trailrunner 2")
        #expect(VariantCopy.shortTitle("Mug, blue") == "Mug, blue", "too short a head keeps the whole title")
    }

    @Test func nearDuplicatesHaveCloseHashes() throws {
        let a = PixelBuffer(width: 300, height: 250), b = PixelBuffer(width: 300, height: 250)
        for y in 0 ..< 250 {
            for x in 0 ..< 300 {
                let value = UInt8(x * 255 / 300)
                for (buffer, shift) in [(a, 0), (b, y < 5 ? 40 : 0)] {
                    let p = buffer.bytes.advanced(by: y * buffer.stride + x * 4).assumingMemoryBound(to: UInt8.self)
                    p[0] = value; p[1] = value; p[2] = UInt8(min(255, Int(value) + shift)); p[3] = 255
                }
            }
        }
        #expect(PerceptualHash.distance(PerceptualHash.hash(a), PerceptualHash.hash(b)) <= PerceptualHash.duplicateDistance)
        let flipped = PixelBuffer(width: 300, height: 250)
        for y in 0 ..< 250 {
            for x in 0 ..< 300 {
                let value = UInt8(255 - x * 255 / 300)
                let p = flipped.bytes.advanced(by: y * flipped.stride + x * 4).assumingMemoryBound(to: UInt8.self)
                p[0] = value; p[1] = value; p[2] = value; p[3] = 255
            }
        }
        #expect(PerceptualHash.distance(PerceptualHash.hash(a), PerceptualHash.hash(flipped)) > 32)
    }
}
