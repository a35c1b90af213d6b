import Foundation

/// Content-addressed banner names: the hash of every input that can change a
/// pixel, so identical inputs give identical names and any change gives a new one.
enum BannerIdentity {
    static func id(product: Product, size: BannerSize, format: OutputFormat, template: String,
                   brandFingerprint: String, fontFingerprint: String, imageDigest: String,
                   variant: Variant = .standard, maxBytes: Int? = nil,
                   companions: [(product: Product, imageDigest: String)] = []) -> String {
        var hasher = SHA256Hasher()
        hasher.update(RendererVersion.string)
        hasher.update(fontFingerprint)
        hasher.update(brandFingerprint)
        hasher.update(template)
        hasher.update(size.description)
        hasher.update(format.description)
        hasher.update(imageDigest)
        // The standard variant adds nothing, so names from runs without variants stay as they were.
        if variant != .standard { hasher.update(variant.key) }
        // A budget can change the bytes (a lower quality, a palette), so it is part of the address.
        if let maxBytes { hasher.update("max-bytes=\(maxBytes)") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        hasher.update((try? encoder.encode(product)) ?? Data())
        // A catalogue grid's other products are as much its input as the first.
        for companion in companions {
            hasher.update("companion")
            hasher.update(companion.imageDigest)
            hasher.update((try? encoder.encode(companion.product)) ?? Data())
        }
        return "\(safeName(product.id))-\(size)-\(hasher.finish().prefix(12))"
    }

    /// Keeps file names portable and inside the output folder whatever the
    /// product id holds (`../`, `/`, NUL, 300 characters).
    static func safeName(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let mapped = String(id.map { allowed.contains($0) ? $0 : "_" }.prefix(64))
        return mapped.isEmpty || mapped.allSatisfy({ $0 == "_" }) ? "product" : mapped
    }
}
