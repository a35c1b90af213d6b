/// Picks `count` diverse variants for one product: farthest-point sampling
/// in the one-hot space of the axes (Hamming distance), starting from the
/// standard variant, ties broken by a seeded hash of the variant's key, so
/// the choice is deterministic for a seed and spreads over every axis
/// before it repeats one.
enum VariantSelector {
    /// Every variant that applies to the product: copy variants that have
    /// copy, CTA texts the brand allows in its language, images it has.
    static func candidates(product: Product, brand: BrandGuide) -> [Variant] {
        let copies = Variant.Copy.allCases.filter { VariantCopy.headline($0, product: product) != nil }
        let ctaCount = max(1, brand.allowedCTAs(language: product.language).count)
        let imageCount = 1 + product.additionalImageLinks.count
        let pairings = 1 + brand.alternateTypography.count
        var result: [Variant] = []
        for scheme in Variant.ColorScheme.allCases {
            for copy in copies {
                for cta in 0 ..< ctaCount {
                    for image in 0 ..< min(imageCount, 4) {
                        for fonts in 0 ..< pairings {
                            for layout in Variant.Layout.allCases {
                                for style in Variant.CTAStyle.allCases {
                                    result.append(Variant(colorScheme: scheme, copy: copy, ctaIndex: cta, imageIndex: image,
                                                          fontPairing: fonts, layout: layout, ctaStyle: style))
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    static func select(_ count: Int, from candidates: [Variant], seed: UInt64) -> [Variant] {
        guard count > 0, !candidates.isEmpty else { return [] }
        var chosen = [candidates.contains(.standard) ? Variant.standard : candidates[0]]
        var distance = candidates.map { hamming($0, chosen[0]) }
        let ties = candidates.map { tieBreak($0, seed) }
        while chosen.count < min(count, candidates.count) {
            var best = -1
            for index in candidates.indices where distance[index] > 0 {
                if best < 0 || distance[index] > distance[best] || (distance[index] == distance[best] && ties[index] < ties[best]) {
                    best = index
                }
            }
            guard best >= 0 else { break }
            chosen.append(candidates[best])
            for index in candidates.indices { distance[index] = min(distance[index], hamming(candidates[index], candidates[best])) }
        }
        return chosen
    }

    /// Axes on which two variants differ.
    static func hamming(_ a: Variant, _ b: Variant) -> Int {
        (a.colorScheme != b.colorScheme ? 1 : 0) + (a.copy != b.copy ? 1 : 0) + (a.ctaIndex != b.ctaIndex ? 1 : 0)
            + (a.imageIndex != b.imageIndex ? 1 : 0) + (a.fontPairing != b.fontPairing ? 1 : 0) + (a.layout != b.layout ? 1 : 0)
            + (a.ctaStyle != b.ctaStyle ? 1 : 0)
    }

    /// FNV-1a of the key mixed with the seed: stable across runs and platforms (unlike `Hasher`).
    private static func tieBreak(_ variant: Variant, _ seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in variant.key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
