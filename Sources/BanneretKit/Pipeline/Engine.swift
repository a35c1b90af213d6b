import Foundation

/// What stays the same across a whole run: verified fonts, the decoded-image
/// cache, the brand and its logos. Build it once; workers borrow from it.
public final class Engine: Sendable {
    public let fonts: FontSet
    public let images: ImageCache
    public let brand: BrandGuide
    /// Digest of the brand guide file and its logo files.
    let brandFingerprint: String
    let logoLight: String?
    let logoDark: String?
    let logoAspectRatio: Double

    /// - Parameters:
    ///   - brandURL: the brand guide YAML; logo paths inside it are relative to its folder.
    public init(fonts: FontSet, brandURL: URL, images: ImageCache = ImageCache()) throws {
        self.fonts = fonts
        self.images = images
        let brand = try BrandGuideLoader.load(brandURL)
        self.brand = brand
        var hasher = SHA256Hasher()
        hasher.update((try? Data(contentsOf: brandURL)) ?? Data())
        let folder = brandURL.deletingLastPathComponent()
        if let logo = brand.logo {
            let light = folder.appendingPathComponent(logo.light).standardizedFileURL.path
            let dark = folder.appendingPathComponent(logo.dark).standardizedFileURL.path
            for (key, path) in [("logo.light", light), ("logo.dark", dark)] {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw BanneretError(.brandInvalid, "logo file \(path) not found",
                                        at: Location(file: brandURL.path, field: key))
                }
                hasher.update(data)
            }
            let decoded = try images.image(at: dark)
            logoLight = light
            logoDark = dark
            logoAspectRatio = Double(decoded.width) / Double(decoded.height)
        } else {
            logoLight = nil
            logoDark = nil
            logoAspectRatio = 1
        }
        brandFingerprint = hasher.finish()
    }
}
