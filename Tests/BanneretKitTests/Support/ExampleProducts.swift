import Foundation
@testable import BanneretKit

/// The Examples feed, read once, with image paths resolved.
enum ExampleProducts {
    static let feedURL = Fixtures.examples.appendingPathComponent("feed.jsonl")
    static let all: [(product: Product, imagePath: String?)] = {
        let feed = try! FeedReader.read(contentsOf: feedURL)
        let resolver = ImageLinkResolver(feedDirectory: Fixtures.examples)
        return zip(feed.products, feed.lines).map { product, line in
            (product, try! product.imageLink.map { try resolver.resolve($0, file: feedURL.path, line: line) })
        }
    }()

    static func named(_ id: String) -> (product: Product, imagePath: String?) {
        all.first { $0.product.id == id }!
    }
}
