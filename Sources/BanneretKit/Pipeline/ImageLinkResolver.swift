import Foundation

/// Turns a feed's `image_link` into a local file path. Relative paths and
/// `file://` URLs resolve against the feed's folder and must stay inside it.
struct ImageLinkResolver {
    let feedDirectory: URL

    func resolve(_ link: String, file: String, line: Int) throws -> String {
        let location = Location(file: file, line: line, field: "image_link")
        let url: URL
        if link.hasPrefix("http://") || link.hasPrefix("https://") {
            throw BanneretError(.imageMissing, "remote image \(link) must be fetched before rendering; remote fetching is not available yet",
                                at: location)
        } else if link.hasPrefix("file://"), let fileURL = URL(string: link) {
            url = fileURL
        } else if link.hasPrefix("/") {
            url = URL(fileURLWithPath: link)
        } else {
            url = feedDirectory.appendingPathComponent(link)
        }
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath().path
        let root = feedDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root + "/") else {
            throw BanneretError(.imageMissing, "image path \(link) leaves the feed's folder \(root)", at: location)
        }
        return resolved
    }
}
