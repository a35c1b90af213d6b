import Foundation

/// What stays the same across a whole run: verified fonts, the decoded-image
/// cache, the brand and its logos. Build it once; workers borrow from it.
public final class Engine: Sendable {
    public let fonts: FontSet
    public let images: ImageCache
    public let brand: BrandGuide
    /// Templates every product is rendered with, in name order.
    public let templates: [Template]
    /// Digest of the brand guide file and its logo files.
    let brandFingerprint: String
    let logoLight: String?
    let logoDark: String?
    let logoAspectRatio: Double

    /// - Parameters:
    ///   - brandURL: the brand guide YAML; logo paths inside it are relative to its folder.
    ///   - templates: template files or folders of them (`*.yaml`).
    ///   - allowedDirectories: folders besides the brand guide's own its logo files may
    ///     come from, and template symlinks may lead into (`--allow-path`); anything else
    ///     outside is refused (`path.outside_root`).
    public init(fonts: FontSet, brandURL: URL, templates templateURLs: [URL], images: ImageCache = ImageCache(),
                allowedDirectories: [URL] = []) throws {
        self.fonts = fonts
        self.images = images
        let templateFiles = try TemplateLoader.files(at: templateURLs, allowedDirectories: allowedDirectories)
        templates = try Self.loadTemplates(templateFiles, named: templateURLs)
        let brand = try BrandGuideLoader.load(brandURL, fontFamilies: Set(FontSet.fallbackFamilies),
                                              allowedDirectories: allowedDirectories)
        self.brand = brand
        var hasher = SHA256Hasher()
        hasher.update((try? Data(contentsOf: brandURL)) ?? Data())
        let logoRoot = PathConfinement(root: brandURL.deletingLastPathComponent(), allowed: allowedDirectories)
        if let logo = brand.logo {
            let light = try logoRoot.resolve(logo.light, at: Location(file: brandURL.path, field: "logo.light"))
            let dark = try logoRoot.resolve(logo.dark, at: Location(file: brandURL.path, field: "logo.dark"))
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
        for file in templateFiles { hasher.update((try? Data(contentsOf: file)) ?? Data()) }
        brandFingerprint = hasher.finish()
    }

    private static func loadTemplates(_ files: [URL], named urls: [URL]) throws -> [Template] {
        guard !files.isEmpty else {
            throw BanneretError(.templateMissing, "no templates (*.yaml) found", at: Location(file: urls.first?.path ?? "Templates"))
        }
        let templates = try files.map(TemplateLoader.load).sorted { $0.name < $1.name }
        for (a, b) in zip(templates, templates.dropFirst()) where a.name == b.name {
            throw BanneretError(.templateInvalid, "two templates are named '\(a.name)' (\(a.file) and \(b.file))",
                                at: Location(file: b.file))
        }
        return templates
    }
}
