import ArgumentParser
import BanneretKit
import Foundation

struct ThumbnailsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thumbnails",
        abstract: "Render one contact sheet per template (every size, one Examples product) for Templates/README.md.",
        discussion: "IAB sizes at half scale above the social sizes at a fifth, so each group compares at a glance. `make thumbnails` writes Templates/thumbnails/<template>.jpg."
    )

    @Option(help: "Examples product id to show.")
    var product: String = "HB-1001"

    @Option(help: "Template file or folder. Default: Templates/.")
    var templates: String?

    @Option(help: "Folder for the sheets.")
    var out: String = "Templates/thumbnails"

    @Option(help: "Sheet width in pixels.")
    var width: Int = 1200

    func run() async throws {
        let root = ProjectPaths.root()
        do {
            let studio = try BannerStudio(brand: root.appendingPathComponent("Examples/brand.yaml"),
                                          templates: [URL(fileURLWithPath: templates ?? root.appendingPathComponent("Templates").path)])
            let feed = root.appendingPathComponent("Examples/feed.jsonl")
            let products = try FeedReader.read(contentsOf: feed).products
            guard let chosen = products.first(where: { $0.id == product }) else {
                throw ValidationError("no product '\(product)' in \(feed.path)")
            }
            func picture(_ product: Product) -> String? {
                product.imageLink.map { root.appendingPathComponent("Examples").appendingPathComponent($0).path }
            }
            // A catalogue grid shows the next products of the same language after the chosen one.
            let neighbours = products.drop { $0.id != product }.dropFirst()
                .filter { $0.language == chosen.language && $0.imageLink != nil }
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for template in studio.engine.templates {
                var groups: [PixelBuffer] = []
                for (sizes, scale) in [(SizeCatalog.iab, 0.5), (SizeCatalog.social, 0.2)] {
                    var banners: [PixelBuffer] = []
                    for size in sizes {
                        let companions = neighbours.prefix(template.productCount - 1).map { (product: $0, imagePath: picture($0)) }
                        banners.append(try await studio.render(chosen, size: size, template: template.name, imagePath: picture(chosen),
                                                               companions: companions).pixels)
                    }
                    groups.append(ContactSheet.compose(banners, width: width, scale: scale))
                }
                let sheet = ContactSheet.compose(groups, width: width, scale: 1, gap: 0)
                let url = folder.appendingPathComponent("\(template.name).jpg")
                try BannerEncoder.encode(sheet, as: .jpeg(quality: 82)).write(to: url, options: .atomic)
                print(url.path)
            }
        } catch let error as BanneretError {
            throw fail(error)
        }
    }
}
