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
    public init(fonts: FontSet, brandURL: URL, templates templateURLs: [URL], images: ImageCache = ImageCache()) throws {
        self.fonts = fonts
        self.images = images
        templates = try Self.loadTemplates(templateURLs)
        let brand = try BrandGuideLoader.load(brandURL, fontFamilies: Set(FontSet.fallbackFamilies))
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
        for url in templateURLs.sorted(by: { $0.path < $1.path }) { hasher.update(Self.templateBytes(url)) }
        brandFingerprint = hasher.finish()
    }

    /// The stock templates shipped in `Templates/` beside `Fonts/`.
    public static func stockTemplatesDirectory() throws -> URL {
        try FontSet.locateDirectory().deletingLastPathComponent().appendingPathComponent("Templates")
    }

    static func templateFiles(_ urls: [URL]) throws -> [URL] {
        var files: [URL] = []
        for url in urls {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw BanneretError(.templateMissing, "no template file or folder here", at: Location(file: url.path))
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                files += names.map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        return files
    }

    private static func loadTemplates(_ urls: [URL]) throws -> [Template] {
        let files = try templateFiles(urls)
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

    private static func templateBytes(_ url: URL) -> Data {
        let files = (try? templateFiles([url])) ?? []
        return files.reduce(into: Data()) { $0.append((try? Data(contentsOf: $1)) ?? Data()) }
    }
}
